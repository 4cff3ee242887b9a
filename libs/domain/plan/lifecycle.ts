import { DomainError } from '../errors';

/**
 * A plan is open (followed up) or archived: an archived plan keeps its actions, occurrences and
 * reports readable, but nothing of it is followed up and nothing in it changes until it is
 * restored. Its actions keep their own status (a paused one stays paused after a restore).
 */
export type PlanChange = 'archive' | 'restore';

export interface PlanArchiveState {
  archivedAt: string | null;
}

/** Whether the change does anything: archiving an archived plan, or restoring an open one, does not. */
export function changesArchive(plan: PlanArchiveState, change: PlanChange): boolean {
  return change === 'archive' ? plan.archivedAt === null : plan.archivedAt !== null;
}

/** Plans, their areas and actions change only while the plan is open. */
export function assertPlanOpen(plan: PlanArchiveState): void {
  if (plan.archivedAt !== null) throw new DomainError('PLAN_ARCHIVED', 'The plan is archived: restore it to change it');
}

/**
 * The status the engine follows an action by: while its plan is archived, an action that would
 * run is held as if paused (it opens and sends nothing); every other status is its own.
 */
export function followedStatus(actionStatus: string, planArchived: boolean): string {
  return planArchived && (actionStatus === 'active' || actionStatus === 'starting') ? 'paused' : actionStatus;
}
