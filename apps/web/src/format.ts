import i18n from './i18n';
import { ApiError } from './api';

/** Dates as people write them, in the organisation's timezone. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    return i18n.exists(key) ? i18n.t(key, { message: error.message }) : i18n.t('errors.default', { code: error.code });
  }
  return i18n.t('errors.default', { code: 'NETWORK' });
}
