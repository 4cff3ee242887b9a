import i18n from './i18n';
import { ApiError, type MinutesFinding } from './api';
import { errorText } from './format';

/** Where in the minutes: "§ 3 Företagsbesök", else the heading it stood under. */
export function placeInWords(place: MinutesFinding['place']): string {
  return [place.ref, place.title].filter(Boolean).join(' ') || place.heading || i18n.t('minutes.noPlace');
}

/** A meeting by its name and date: "Samrådsmöte november 2026-11-10"; the date once when the name holds it ("Möte 2026-10-01"). */
export function meetingInWords(title: string, date: string | null): string {
  return date && !title.includes(date) ? `${title} ${date}` : title;
}

/** The reader's warnings (English sentences from the API) in the user's words; one not known here is shown as it is. */
/** The warning of a decision without an owner: it no longer holds once the coordinator picks one. */
export const isNoOwnerWarning = (warning: string) => warning.startsWith('No owner is named');

export function minutesWarningInWords(warning: string): string {
  if (isNoOwnerWarning(warning)) return i18n.t('minutes.warnings.noOwner');
  if (warning.startsWith('The minutes give no meeting date')) return i18n.t('minutes.warnings.minutesNoDate');
  const quoted = /^"(.+)": (.+)$/.exec(warning);
  if (!quoted) return warning;
  const [, words, why] = quoted;
  const key = why.includes('next meeting') ? 'noNextMeeting' : why.startsWith('not a date') ? 'notADate' : why.includes('no meeting date') ? 'noMeetingDate' : undefined;
  return key ? i18n.t(`minutes.warnings.${key}`, { words }) : warning;
}

/** An error reading or committing minutes: read before (409), a file that is no minutes, or the general words. */
export function minutesErrorText(error: unknown): string {
  if (error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT') {
    const before = /on (\d{4}-\d{2}-\d{2}) as "(.*)"$/.exec(error.message);
    return before ? i18n.t('minutes.errors.alreadyRead', { date: before[1], title: before[2] }) : i18n.t('minutes.errors.alreadyReadPlain');
  }
  if (error instanceof ApiError && error.code === 'IMPORT_UNSUPPORTED_FORMAT') return i18n.t('minutes.errors.unsupported');
  return errorText(error);
}
