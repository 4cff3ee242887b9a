import i18n from './i18n';
import { ApiError } from './api';

/** Dates as people write them, in the organisation's timezone. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, as a quota's times are logged) as people write it: "12 mars 2026". */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** The date (YYYY-MM-DD) an instant falls on in a timezone; the browser's own when none is given. */
export function localDate(instant: Date | string, timezone?: string): string {
  // Swedish writes dates as ISO 8601 does.
  return new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: timezone }).format(new Date(instant));
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    return i18n.exists(key) ? i18n.t(key, { message: error.message }) : i18n.t('errors.default', { code: error.code });
  }
  return i18n.t('errors.default', { code: 'NETWORK' });
}
