import { Module } from '@nestjs/common';
import { CalendarFeedsController, PublicCalendarController } from '../calendar/calendar.controller';
import { CalendarFeedService } from '../calendar/calendar-feed.service';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** In-app notifications, notification preferences (and their one-click unsubscribe) and calendar feeds (HTTP). */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController, UnsubscribeController, CalendarFeedsController, PublicCalendarController],
  providers: [CalendarFeedService, UnsubscribeService],
})
export class NotificationsApiModule {}
