/**
 * Follow-up of a quota ("minst sex gånger per år") by pace: owners log each time it happens, and
 * what is expected of them at a moment is the whole number of times the straight line from the
 * period's start to its target has passed. Whole times, so nobody is behind on the first morning
 * of a year for not having held a sixth of a meeting yet. Instants are ISO strings (UTC); pure.
 */
export type Pace = 'reached' | 'on-pace' | 'behind' | 'missed';

export const PACES: readonly Pace[] = ['reached', 'on-pace', 'behind', 'missed'];

/** Checkpoints per period where an owner behind pace is reminded: each quarter of the period. */
export const DEFAULT_CHECKPOINTS = 4;

export interface QuotaPeriod {
  /** First instant of the period. */
  startsAt: string;
  /** First instant after the period (exclusive): when the target is judged. */
  endsAt: string;
}

/** The part of the period that has passed at `at`, 0 before it and 1 from its end on. */
export function elapsedFraction(period: QuotaPeriod, at: string): number {
  const start = Date.parse(period.startsAt);
  const end = Date.parse(period.endsAt);
  const now = Date.parse(at);
  if (!(end > start)) throw new RangeError(`A quota period must end after it starts: ${period.startsAt} – ${period.endsAt}`);
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

/** How many times should have happened by `at` to keep pace with `target` in the period. */
export function expectedBy(target: number, period: QuotaPeriod, at: string): number {
  // The small epsilon keeps 6 × 0.5 from becoming 2.9999… and costing an owner a whole time.
  return Math.floor(target * elapsedFraction(period, at) + 1e-9);
}

/** Where a quota stands at `at`: reached, on pace, behind pace, or — once the period is over — missed. */
export function paceOf(quota: { target: number; count: number; period: QuotaPeriod }, at: string): Pace {
  if (quota.count >= quota.target) return 'reached';
  if (Date.parse(at) >= Date.parse(quota.period.endsAt)) return 'missed';
  return quota.count < expectedBy(quota.target, quota.period, at) ? 'behind' : 'on-pace';
}

/**
 * The instants inside the period where pace is checked: `parts − 1` evenly spaced points (the
 * period's end is not one: there the target itself is judged, and a shortfall escalates).
 */
export function checkpoints(period: QuotaPeriod, parts = DEFAULT_CHECKPOINTS): string[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`checkpoints: parts must be a whole number ≥ 1, not ${parts}`);
  const start = Date.parse(period.startsAt);
  const span = Date.parse(period.endsAt) - start;
  return Array.from({ length: parts - 1 }, (_, i) => new Date(start + Math.round((span * (i + 1)) / parts)).toISOString());
}
