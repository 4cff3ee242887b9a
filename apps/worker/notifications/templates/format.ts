import { DateTime } from 'luxon';

export type Locale = 'sv' | 'en';

/** A due instant as people read it, in the organisation's timezone. */
export function formatInstant(iso: string, locale: Locale, timezone: string): string {
  const at = DateTime.fromISO(iso, { zone: timezone }).setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB');
  if (!at.isValid) return iso;
  return at.toFormat(locale === 'sv' ? "d LLLL yyyy 'kl.' HH:mm" : 'd LLLL yyyy, HH:mm');
}

const UNITS: Array<{ seconds: number; sv: [string, string]; en: [string, string] }> = [
  { seconds: 86_400, sv: ['dag', 'dagar'], en: ['day', 'days'] },
  { seconds: 3_600, sv: ['timme', 'timmar'], en: ['hour', 'hours'] },
  { seconds: 60, sv: ['minut', 'minuter'], en: ['minute', 'minutes'] },
  { seconds: 1, sv: ['sekund', 'sekunder'], en: ['second', 'seconds'] },
];

/** "3 dagar" / "3 days": the largest whole unit, which is what matters for a late item. */
export function formatLateness(seconds: number, locale: Locale): string {
  const s = Math.max(0, Math.floor(seconds));
  const unit = UNITS.find((u) => s >= u.seconds) ?? UNITS[UNITS.length - 1];
  const n = Math.floor(s / unit.seconds);
  const [one, many] = unit[locale];
  return `${n} ${n === 1 ? one : many}`;
}
