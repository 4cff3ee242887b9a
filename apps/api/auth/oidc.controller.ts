import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { LoginResponse, ProvidersResponse } from './auth.dto';
import { CookieToSet, FLOW_COOKIE, OidcService, Redirect, SESSION_COOKIE } from './oidc.service';
import { Public } from './public.decorator';
import { cookieOf } from './signed-cookie';

/** Sign-in with the organisation's OpenID Connect provider (OidcService); the browser navigates here, it does not fetch. */
@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  @Public()
  @Get('providers')
  @ApiOkResponse({ type: ProvidersResponse, description: 'The ways to sign in, for the login page' })
  providers(): ProvidersResponse {
    return this.oidc.providers();
  }

  @Public()
  @Get('oidc/login')
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of the web app to land on after signing in' })
  @ApiFoundResponse({ description: "To the provider's sign-in page; or to the login page with #oidc-fel=<reason>" })
  async login(@Query('returnTo') returnTo: string | undefined, @Res() response: Response): Promise<void> {
    this.send(response, await this.oidc.begin(typeof returnTo === 'string' ? returnTo : undefined));
  }

  @Public()
  @Get('oidc/callback')
  @ApiFoundResponse({ description: 'Into the web app (#oidc: take the session over), or to the login page with #oidc-fel=<reason>' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    // The query exactly as the provider sent it (the code exchange rebuilds the redirect URI with it).
    const query = new URL(request.originalUrl, 'http://bevaka').searchParams;
    this.send(response, await this.oidc.finish(query, cookieOf(request.headers.cookie, FLOW_COOKIE), clientAddress(request)));
  }

  @Public()
  @Post('oidc/session')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse, description: 'The session of the sign-in that just came back from the provider, once' })
  @ApiNotFoundResponse({ description: 'No sign-in to take over in this browser' })
  session(@Req() request: Request, @Res({ passthrough: true }) response: Response): LoginResponse {
    this.setCookie(response, { name: SESSION_COOKIE, value: '', maxAge: 0 });
    return this.oidc.session(cookieOf(request.headers.cookie, SESSION_COOKIE));
  }

  private send(response: Response, redirect: Redirect): void {
    for (const cookie of redirect.cookies) this.setCookie(response, cookie);
    response.redirect(302, redirect.location);
  }

  /**
   * httpOnly (no script reads them), SameSite=Lax (sent on the provider's top-level redirect back,
   * not on other sites' requests), only to these routes, Secure when Bevaka is served over https.
   */
  private setCookie(response: Response, cookie: CookieToSet): void {
    response.cookie(cookie.name, cookie.value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicUrl.startsWith('https:'),
      path: '/api/auth/oidc',
      maxAge: cookie.maxAge * 1000,
      encode: (value) => value,
    });
  }
}

/** The client's address as Express resolves it (behind a proxy: BEVAKA_TRUST_PROXY decides). */
function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
