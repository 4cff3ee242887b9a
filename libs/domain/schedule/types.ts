/** The public shapes of the schedule language. Everything here is plain, serialisable JSON. */

/** One list of schedule kinds, for the API's enums as well as the code (SCHEDULES.md "Kinds"). */
export const SCHEDULE_KINDS = ['recurring', 'once', 'continuous', 'quota', 'unreadable'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** The calendar periods a quota's target is counted in (SCHEDULES.md "Quota"). */
export type QuotaPer = 'year' | 'half-year' | 'quarter';

/** N equal, 1 January-aligned periods per calendar year (SCHEDULES.md "Periods"). */
export type PerYear = 1 | 2 | 3 | 4 | 6 | 12;

/** Seasons of the yearly anchors: spring Jan–Jun, summer Jun–Aug, autumn Jul–Dec (SCHEDULES.md). */
export type Season = 'spring' | 'summer' | 'autumn';

/**
 * How the due dates are generated. Every recurring rule carries its RFC 5545 form (`rrule`, with a
 * floating DTSTART: dates are local to the plan's timezone) so that other tools can read it.
 */
export type ScheduleRule =
  | { type: 'perYear'; perYear: PerYear; rrule: string }
  | { type: 'everyYears'; everyYears: number; rrule: string }
  | { type: 'weekly'; rrule: string }
  /** Once a year, due the last day of a month (1–12) or of a season ("varje år i mars", "varje vår"). */
  | { type: 'yearlyIn'; month: number; rrule: string }
  | { type: 'yearlyIn'; season: Season; rrule: string }
  /** An explicit RRULE given through the API (`{rrule, start}`). */
  | { type: 'rrule'; rrule: string }
  | { type: 'once'; due: string }
  /**
   * Explicit instants given through the API (`{due: [ISO instants]}`), sorted, UTC. With a
   * `target` (`{due, target}`) each instant ends a quota period that began at the one before it.
   */
  | { type: 'instants'; instants: string[]; target?: number }
  /**
   * A target of `target` times per calendar year, half-year or quarter ("minst sex gånger per
   * år"), logged as it happens; one occurrence per period, due on its last day (`rrule`).
   */
  | { type: 'quota'; target: number; per: QuotaPer; rrule: string };

/** The quota target of a schedule ("minst sex gånger per år" → 6), or undefined when it has none. */
export function quotaTargetOf(spec: { rule: ScheduleRule | null }): number | undefined {
  const rule = spec.rule;
  if (rule?.type === 'quota') return rule.target;
  if (rule?.type === 'instants') return rule.target;
  return undefined;
}

export interface ScheduleWarning {
  /** Stable code for the UI to translate. */
  code: ScheduleWarningCode;
  message: string;
}

export type ScheduleWarningCode =
  | 'NO_TIMING'
  | 'UNKNOWN_TIMING'
  | 'UNKNOWN_FREQUENCY'
  | 'UNSUPPORTED_FREQUENCY'
  | 'AMBIGUOUS_FREQUENCY'
  | 'CONFLICTING_FREQUENCY'
  | 'VAGUE_FREQUENCY'
  | 'YEAR_ASSUMED'
  | 'START_ASSUMED'
  | 'WEEKDAY_MISMATCH'
  | 'TIMING_FROM_TEXT'
  /** A draft saved before its schedule was given. */
  | 'NO_SCHEDULE';

export interface ScheduleSpec {
  kind: ScheduleKind;
  rule: ScheduleRule | null;
  /** First day of the schedule (YYYY-MM-DD); absent when nothing could be read. */
  start?: string;
  /** Due date of a `once` schedule (YYYY-MM-DD). */
  due?: string;
  warnings: ScheduleWarning[];
}

export interface Occurrence {
  /** Unique and stable per action: `2020` (also once-a-year anchors), `2020H1`, `2020T2`, `2020Q3`, `2020B1`, `2020-03`, `2020-W05`, `2020-12-31`, `20201231T230000Z`. */
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  due: string;
  /** End of the due day in the timezone (23:59:59.999 local) as a UTC ISO instant, or the explicit instant. */
  dueInstant: string;
}

/** A calendar span of local dates, both ends inclusive. */
export interface DateSpan {
  start: string;
  end: string;
}
