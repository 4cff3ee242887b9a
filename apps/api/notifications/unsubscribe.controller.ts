import { Controller, Get, HttpCode, Post, Query, Redirect } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { preferencesLink } from '../../../libs/domain/links/web-links';
import { Public } from '../auth/public.decorator';
import { KindChoicesResponse } from './notification-preferences.dto';
import { UnsubscribeService } from './unsubscribe.service';

export class UnsubscribeResponse {
  @ApiProperty({ type: KindChoicesResponse, description: 'The reader’s choices as they now are' }) kinds!: KindChoicesResponse;
}

/**
 * POST /api/notifications/unsubscribe?token=… — public: a mail client's one-click unsubscribe
 * (RFC 8058) sends no session, so the token in the mail's List-Unsubscribe URL is the credential.
 * The body a client sends (`List-Unsubscribe=One-Click`) says nothing more and is not read.
 */
@ApiTags('notifications')
@Public()
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  /**
   * A mail client without one-click opens the same URL in a browser: it lands on the reader's
   * notification settings, after the login, and nothing changes (RFC 8058: a GET must not
   * unsubscribe, since link checkers fetch URLs unasked).
   */
  @Get()
  @Redirect()
  @ApiResponse({ status: 303, description: 'To the notification settings page of the web app' })
  settings(): { url: string; statusCode: number } {
    // Relative: the web app is served from the API's own origin, whatever address reached it.
    return { url: preferencesLink(''), statusCode: 303 };
  }

  @Post()
  @HttpCode(200)
  @ApiQuery({ name: 'token', required: true, description: 'The reader’s token, from the List-Unsubscribe header of a mail' })
  @ApiOkResponse({ type: UnsubscribeResponse, description: 'No more notice mail; escalations in the daily digest' })
  unsubscribe(@Query('token') token: unknown): Promise<UnsubscribeResponse> {
    return this.unsubscribes.unsubscribe(token);
  }
}
