/**
 * Which of date-holidays' days close a municipal office, per country. date-holidays also lists
 * observances and half days, so the choice is deliberate:
 * - SE: `public` holidays plus the `bank` days midsommarafton, julafton and nyårsafton, on which
 *   municipal offices are closed. Half days (`optional`: trettondagsafton, valborgsmässoafton,
 *   allhelgonaafton) stay working days.
 * - DK: `public` holidays plus juleaftensdag (24/12) and grundlovsdag (5/6), closed days in Danish
 *   municipalities although date-holidays lists them as observances.
 * - NO: `public` holidays plus julaften (a full `bank` day); nyttårsaften is a half day from 14:00
 *   and stays a working day.
 * scripts/extract-holidays.ts applies this to date-holidays once and writes closed-days.json, the
 * table the calendars (and the workflow bundle) read; closed-days.spec.ts checks that they agree.
 */
export type CalendarCountry = 'SE' | 'DK' | 'NO';
export const CALENDAR_COUNTRIES: readonly CalendarCountry[] = ['SE', 'DK', 'NO'];

/** A day as date-holidays gives it: `date` is local `YYYY-MM-DD HH:mm:ss`. */
export interface HolidayLike {
  date: string;
  type: string;
}

const EXTRA_CLOSED: Record<CalendarCountry, (h: HolidayLike) => boolean> = {
  SE: (h) => h.type === 'bank' && h.date.endsWith('00:00:00'),
  DK: (h) => h.date.startsWith('-12-24', 4) || h.date.startsWith('-06-05', 4),
  NO: (h) => h.type === 'bank' && h.date.endsWith('00:00:00'),
};

/** The closed days (YYYY-MM-DD, sorted, unique) among a year's holidays of `country`. */
export function closedDays(country: CalendarCountry, holidays: HolidayLike[]): string[] {
  const extra = EXTRA_CLOSED[country];
  const days = holidays.filter((h) => h.type === 'public' || extra(h)).map((h) => h.date.slice(0, 10));
  return [...new Set(days)].sort();
}
