import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { webLinkFor } from '../../../libs/domain/links/web-links';
import type { FeedOccurrence } from '../../../libs/persistence/repositories/calendar-feed.repository';

export interface FeedOptions {
  name: string;
  timezone: string;
  publicUrl: string;
  locale: 'sv' | 'en';
}

const TEXT = {
  sv: { due: 'Slutdatum', plan: 'Plan', period: 'Period', status: 'Status', open: 'Öppna i Bevaka' },
  en: { due: 'Due', plan: 'Plan', period: 'Period', status: 'Status', open: 'Open in Bevaka' },
};

/**
 * An RFC 5545 calendar of occurrences' due dates: one 30-minute event per occurrence at its due
 * time, in the organisation's timezone (TZID with its VTIMEZONE), UID stable per occurrence so
 * that calendar apps update an event when the due date moves instead of adding another.
 */
export function occurrencesCalendar(occurrences: FeedOccurrence[], options: FeedOptions): string {
  const text = TEXT[options.locale];
  const calendar = new ICalCalendar({ name: options.name, prodId: { company: 'Bevaka', product: 'Bevaka', language: options.locale.toUpperCase() } });
  calendar.timezone({ name: options.timezone, generator: getVtimezoneComponent });
  const host = new URL(options.publicUrl).hostname;
  for (const o of occurrences) {
    const start = DateTime.fromISO(o.dueAt, { zone: options.timezone });
    const url = webLinkFor({ occurrenceId: o.id }, options.publicUrl);
    calendar.createEvent({
      id: `occurrence-${o.id}@${host}`,
      start,
      end: start.plus({ minutes: 30 }),
      timezone: options.timezone,
      stamp: DateTime.fromISO(o.updatedAt, { zone: 'utc' }),
      summary: `${text.due}: ${o.actionTitle}`,
      description: `${text.plan}: ${o.planTitle}\n${text.period}: ${o.periodKey}\n${text.status}: ${o.status}\n${text.open}: ${url}`,
      url,
      status: o.status === 'cancelled' || o.status === 'skipped' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
