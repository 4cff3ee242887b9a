import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request } from 'express';
import { LoginRequest, LoginResponse, MeResponse } from './auth.dto';
import { bearerToken } from './auth.guard';
import { AuthService } from './auth.service';
import { CurrentPerson, CurrentPersonInfo } from './current-person';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { Public } from './public.decorator';

export const LOGIN_ATTEMPTS_PER_MINUTE = 5;

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ default: { limit: LOGIN_ATTEMPTS_PER_MINUTE, ttl: 60_000 } })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; wait a minute' })
  login(@Body() body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() request: Request): Promise<void> {
    await this.auth.logout(bearerToken(request)!);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPerson() person: CurrentPersonInfo): MeResponse {
    return { id: person.id, name: person.name, email: person.email, roles: person.roles, unitId: person.unitId };
  }
}
