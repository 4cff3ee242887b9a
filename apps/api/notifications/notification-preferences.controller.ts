import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { NotificationPreferenceRepository, NotificationPreferences } from '../../../libs/persistence/repositories/notification-preference.repository';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { NotificationPreferencesDto, NotificationPreferencesResponse } from './notification-preferences.dto';

/** GET/PUT /api/me/notification-preferences: language and, per kind, immediately, digest or off. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  get(@CurrentPerson() me: CurrentPersonInfo): Promise<NotificationPreferences> {
    return this.read(me.id, new NotificationPreferenceRepository(this.dataSource.manager));
  }

  /** Changes only what is given; returns the preferences as they now are. */
  @Put()
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  put(@CurrentPerson() me: CurrentPersonInfo, @Body() body: NotificationPreferencesDto): Promise<NotificationPreferences> {
    return this.dataSource.transaction(async (db) => {
      const repo = new NotificationPreferenceRepository(db);
      await repo.set(me.id, { locale: body.locale, kinds: { ...body.kinds } });
      return this.read(me.id, repo);
    });
  }

  private async read(personId: string, repo: NotificationPreferenceRepository): Promise<NotificationPreferences> {
    const prefs = await repo.get(personId);
    if (!prefs) throw new DomainError('NOT_FOUND', 'No such person');
    return prefs;
  }
}
