import { DateTime } from 'luxon';

/**
 * Reporting periods to the board (KS): half-years by default ("Återrapportering till
 * Kommunstyrelsen ska ske halvårsvis"), or quarters. Periods are calendar-anchored in the plan's
 * timezone; `endsAt` is exclusive (the first instant of the next period).
 */
export type ReportingCadence = 'half-yearly' | 'quarterly';

export interface ReportingPeriodSpan {
  key: string;
  startsAt: string;
  endsAt: string;
}

const MONTHS_PER_PERIOD: Record<ReportingCadence, number> = { 'half-yearly': 6, quarterly: 3 };

/** The reporting period that contains `instant`. */
export function reportingPeriodAt(instant: string, cadence: ReportingCadence, timezone: string): ReportingPeriodSpan {
  const at = DateTime.fromISO(instant, { zone: timezone });
  const months = MONTHS_PER_PERIOD[cadence];
  const index = Math.floor((at.month - 1) / months);
  const start = DateTime.fromObject({ year: at.year, month: index * months + 1, day: 1 }, { zone: timezone });
  const end = start.plus({ months });
  const key = cadence === 'half-yearly' ? `${at.year}H${index + 1}` : `${at.year}Q${index + 1}`;
  return { key, startsAt: start.toUTC().toISO() as string, endsAt: end.toUTC().toISO() as string };
}

/** The period after `period`. */
export function followingPeriod(period: ReportingPeriodSpan, cadence: ReportingCadence, timezone: string): ReportingPeriodSpan {
  return reportingPeriodAt(period.endsAt, cadence, timezone);
}

/** Parses a report period key (`2024H1`, `2024Q3`) into its span. */
export function periodFromKey(key: string, timezone: string): ReportingPeriodSpan | undefined {
  const match = /^(\d{4})(H[12]|Q[1-4])$/.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const cadence: ReportingCadence = match[2][0] === 'H' ? 'half-yearly' : 'quarterly';
  const index = Number(match[2][1]) - 1;
  const month = index * MONTHS_PER_PERIOD[cadence] + 1;
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone: timezone });
  return reportingPeriodAt(start.toUTC().toISO() as string, cadence, timezone);
}
