import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { Public } from '../auth/public.decorator';
import { CalendarFeedService } from './calendar-feed.service';

export class CreateCalendarFeedDto {
  @ApiPropertyOptional({ description: 'A plan (coordinators): the feed then holds the plan’s occurrences instead of your own' })
  @IsOptional()
  @IsUUID()
  planId?: string;
}

export class CalendarFeedResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'A plan’s feed; null for the person’s own occurrences' }) planId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedCalendarFeedResponse extends CalendarFeedResponse {
  @ApiProperty({ description: 'The secret address to subscribe to; shown this once (only its hash is kept)' }) url!: string;
}

/** POST/GET /api/me/calendar-feeds, DELETE /api/me/calendar-feeds/:id (signed in). */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('me/calendar-feeds')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedCalendarFeedResponse })
  create(@CurrentPerson() me: CurrentPersonInfo, @Body() body: CreateCalendarFeedDto) {
    return this.feeds.create(me, body.planId);
  }

  @Get()
  @ApiOkResponse({ type: [CalendarFeedResponse] })
  list(@CurrentPerson() me: CurrentPersonInfo) {
    return this.feeds.list(me.id);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@CurrentPerson() me: CurrentPersonInfo, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.feeds.revoke(me.id, id);
  }
}

/**
 * GET /api/calendar/:token.ics — public: calendar apps cannot send a bearer token, so the secret
 * URL is the credential (revocable, stored only as a hash).
 */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class PublicCalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':token.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The occurrences as an iCalendar feed', schema: { type: 'string' } })
  async feed(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const body = await this.feeds.render(token);
    response.status(200).type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, max-age=300').send(body);
  }
}
