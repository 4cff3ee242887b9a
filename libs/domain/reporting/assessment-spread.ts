import { ASSESSMENTS, type Assessment } from './assessment';

/**
 * How a report's assessments spread over each area: the board's chart, and what the next
 * period's report compares itself with. An action without an assessment (not reported, or a
 * report still missing in a draft) counts as 'none', so every action is in exactly one bar.
 */
export const SPREAD_KEYS = [...ASSESSMENTS, 'none'] as const;
export type SpreadKey = (typeof SPREAD_KEYS)[number];

export interface AreaSpread {
  /** The area's title ('' for actions without an area). */
  area: string;
  counts: Record<SpreadKey, number>;
}

interface AssessedArea {
  title: string;
  actions: ReadonlyArray<{ statusReport?: { assessment: Assessment | null } }>;
}

/** Areas in the report's order; only reports made in a round (with status reports) have a spread. */
export function assessmentSpread(areas: readonly AssessedArea[]): AreaSpread[] {
  return areas.map((area) => {
    const counts = Object.fromEntries(SPREAD_KEYS.map((key) => [key, 0])) as Record<SpreadKey, number>;
    for (const action of area.actions) counts[action.statusReport?.assessment ?? 'none']++;
    return { area: area.title, counts };
  });
}

/** Whether a report has assessments at all: reports frozen before reporting rounds do not. */
export function isAssessed(areas: readonly AssessedArea[]): boolean {
  return areas.some((area) => area.actions.some((action) => action.statusReport !== undefined));
}

/**
 * The change in each count since the previous report, per area of this report; an area that
 * the previous report did not have moved from nothing (all its counts are new).
 */
export function spreadMovement(current: readonly AreaSpread[], previous: readonly AreaSpread[]): Array<{ area: string; change: Record<SpreadKey, number> }> {
  return current.map((spread) => {
    const before = previous.find((p) => p.area === spread.area);
    const change = Object.fromEntries(SPREAD_KEYS.map((key) => [key, spread.counts[key] - (before?.counts[key] ?? 0)])) as Record<SpreadKey, number>;
    return { area: spread.area, change };
  });
}
