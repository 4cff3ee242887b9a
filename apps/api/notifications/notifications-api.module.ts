import { Module } from '@nestjs/common';
import { CalendarFeedsController, PublicCalendarController } from '../calendar/calendar.controller';
import { CalendarFeedService } from '../calendar/calendar-feed.service';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';

/** In-app notifications, notification preferences and calendar feeds (HTTP). */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController, CalendarFeedsController, PublicCalendarController],
  providers: [CalendarFeedService],
})
export class NotificationsApiModule {}
