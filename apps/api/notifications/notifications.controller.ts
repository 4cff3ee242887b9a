import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { DomainError } from '../../../libs/domain/errors';
import { webLinkFor } from '../../../libs/domain/links/web-links';
import { InboxItem, NotificationInboxRepository } from '../../../libs/persistence/repositories/notification-inbox.repository';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { NotificationListResponse, ReadAllResponse, ReadResponse, UnreadCountResponse } from './notifications.dto';

/** The in-app notification list: the same outbox that mail is sent from, with read state. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  @Get()
  @ApiQuery({ name: 'to', required: false, enum: ['me'] })
  @ApiQuery({ name: 'unread', required: false, type: Boolean })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'before', required: false, description: 'ISO instant: the page before this createdAt' })
  @ApiOkResponse({ type: NotificationListResponse })
  async list(
    @CurrentPerson() me: CurrentPersonInfo,
    @Query('to') to = 'me',
    @Query('unread') unread?: string,
    @Query('limit') limit?: string,
    @Query('before') before?: string,
  ): Promise<{ items: Array<InboxItem & { link: string }>; unread: number }> {
    if (to !== 'me') throw new DomainError('VALIDATION_FAILED', 'Only to=me is supported', [{ path: 'to', message: to }]);
    const size = limit === undefined ? 50 : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > 200) throw new DomainError('VALIDATION_FAILED', 'limit must be 1–200', [{ path: 'limit', message: String(limit) }]);
    const beforeInstant = before === undefined ? undefined : isoInstant(before);
    if (beforeInstant === null) throw new DomainError('VALIDATION_FAILED', 'before must be an ISO instant such as 2026-03-01T12:00:00Z', [{ path: 'before', message: String(before) }]);
    const repo = new NotificationInboxRepository(this.dataSource.manager);
    const items = await repo.list(me.id, { unreadOnly: unread === 'true', limit: size, before: beforeInstant });
    // The same links the mail carries.
    return { items: items.map((i) => ({ ...i, link: webLinkFor(i, this.config.publicUrl) })), unread: await repo.unreadCount(me.id) };
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountResponse })
  async unreadCount(@CurrentPerson() me: CurrentPersonInfo): Promise<{ unread: number }> {
    return { unread: await new NotificationInboxRepository(this.dataSource.manager).unreadCount(me.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllResponse })
  async readAll(@CurrentPerson() me: CurrentPersonInfo): Promise<{ updated: number; unread: number }> {
    const updated = await new NotificationInboxRepository(this.dataSource.manager).markAllRead(me.id);
    return { updated, unread: 0 };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadResponse })
  async read(@CurrentPerson() me: CurrentPersonInfo, @Param('id', new ParseUUIDPipe()) id: string): Promise<{ id: string; unread: number }> {
    const repo = new NotificationInboxRepository(this.dataSource.manager);
    if (!(await repo.markRead(me.id, id))) throw new DomainError('NOT_FOUND', 'No such notification for you', [{ path: 'id', message: id }]);
    return { id, unread: await repo.unreadCount(me.id) };
  }
}

/**
 * An ISO 8601 date-time, as the UTC instant the database compares, or null. Strict: `Date.parse`
 * reads "1" as the year 2001, which PostgreSQL then refuses; years outside 1970–9999 hold no
 * notifications and some of them no timestamp.
 */
function isoInstant(text: unknown): string | null {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const instant = DateTime.fromISO(text, { zone: 'utc', setZone: true });
  if (!instant.isValid || instant.year < 1970 || instant.year > 9999) return null;
  return instant.toUTC().toISO() ?? null;
}
