import { isResolved } from '../libs/domain/occurrence/status';
import type { OccurrenceState } from '../libs/domain/occurrence/state';

/** The workflow's clock as an ISO instant (deterministic inside a workflow). */
export function nowIso(): string {
  return new Date(Date.now()).toISOString();
}

/** The earliest of the instants given (ISO strings compare in time order), or none. */
export function earliest(instants: Array<string | undefined>): string | undefined {
  let min: string | undefined;
  for (const at of instants) if (at && (!min || at < min)) min = at;
  return min;
}

/**
 * A copy of an occurrence a workflow follows, taken only when it is newer than the one held:
 * 'keep' the new state, 'drop' it (resolved: nothing more to follow), or 'ignore' (not followed,
 * or an older copy).
 */
export function adoption(held: OccurrenceState | undefined, state: OccurrenceState): 'keep' | 'drop' | 'ignore' {
  if (!held || state.version < held.version) return 'ignore';
  return isResolved(state.status) ? 'drop' : 'keep';
}
