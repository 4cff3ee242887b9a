import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ChangeOwnPasswordRequest, LoginRequest, LoginResponse, MeResponse } from './auth.dto';
import { bearerToken } from './auth.guard';
import { AuthService } from './auth.service';
import { CurrentPerson, CurrentPersonInfo } from './current-person';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; wait' })
  login(@Body() body: LoginRequest, @Req() request: Request): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, clientAddress(request));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() request: Request, @CurrentPerson() person: CurrentPersonInfo): Promise<void> {
    await this.auth.logout(bearerToken(request)!, person);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPerson() person: CurrentPersonInfo): MeResponse {
    return { id: person.id, name: person.name, email: person.email, roles: person.roles, unitId: person.unitId };
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Changed; your other sessions have ended' })
  @ApiForbiddenResponse({ description: 'WRONG_CURRENT_PASSWORD' })
  @ApiUnprocessableEntityResponse({ description: 'WEAK_PASSWORD: shorter than 12 characters or a common password' })
  async changePassword(@Body() body: ChangeOwnPasswordRequest, @Req() request: Request, @CurrentPerson() person: CurrentPersonInfo): Promise<void> {
    await this.auth.changeOwnPassword(person, bearerToken(request)!, body, clientAddress(request));
  }
}

/** The client's address as Express resolves it (behind a proxy: BEVAKA_TRUST_PROXY decides). */
function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
