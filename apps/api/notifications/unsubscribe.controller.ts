import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
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

  @Post()
  @HttpCode(200)
  @ApiQuery({ name: 'token', required: true, description: 'The reader’s token, from the List-Unsubscribe header of a mail' })
  @ApiOkResponse({ type: UnsubscribeResponse, description: 'No more notice mail; escalations in the daily digest' })
  unsubscribe(@Query('token') token: unknown): Promise<UnsubscribeResponse> {
    return this.unsubscribes.unsubscribe(token);
  }
}
