import type { NoticePolicy } from '../escalation/policy';
import { toScheduleSpec } from '../schedule/parse-schedule';
import type { ScheduleSpec, ScheduleWarning } from '../schedule/types';

/** The plan facts its actions are followed by. */
export interface PlanBasis {
  startDate: string;
  timezone: string;
  /** The default notice policy (null: the organisation's). */
  policy: NoticePolicy | null;
}

/** An action as a plan change may revise it. */
export interface RevisableAction {
  id: string;
  title: string;
  status: string;
  /** The schedule as given: words are read from the plan's start, the other forms stand alone. */
  scheduleInput: { text?: string; when?: string };
  schedule: ScheduleSpec;
  /** The action's own policy; null: it follows the plan's. */
  ownPolicy: NoticePolicy | null;
}

export interface ActionRevisionPlan {
  actionId: string;
  schedule?: ScheduleSpec;
  timezone?: string;
  policy?: NoticePolicy;
}

export interface PlanChangeOutcome {
  revisions: ActionRevisionPlan[];
  /** Schedules in words that the new start or timezone makes unreadable: the change is refused. */
  unreadable: Array<{ actionId: string; title: string; warnings: ScheduleWarning[] }>;
}

const FOLLOWED = new Set(['starting', 'active', 'paused']);

/**
 * What a change of the plan's start, timezone or default policy changes in the actions it
 * follows (drafts and withdrawn actions have no follow-up to revise): schedules written in words
 * are read again from the new start and timezone; every action takes the new timezone; actions
 * without a policy of their own take the new default (`fallback` when the plan has none).
 */
export function revisionsForPlanChange(before: PlanBasis, after: PlanBasis, actions: RevisableAction[], fallback: NoticePolicy): PlanChangeOutcome {
  const moved = before.startDate !== after.startDate || before.timezone !== after.timezone;
  const newDefault = JSON.stringify(before.policy) !== JSON.stringify(after.policy) ? (after.policy ?? fallback) : undefined;
  const outcome: PlanChangeOutcome = { revisions: [], unreadable: [] };
  for (const action of actions.filter((a) => FOLLOWED.has(a.status))) {
    const revision: ActionRevisionPlan = { actionId: action.id };
    if (moved && action.scheduleInput.text !== undefined) {
      const schedule = toScheduleSpec({ text: action.scheduleInput.text, when: action.scheduleInput.when }, { from: after.startDate, timezone: after.timezone });
      if (schedule.kind === 'unreadable') outcome.unreadable.push({ actionId: action.id, title: action.title, warnings: schedule.warnings });
      else if (JSON.stringify(schedule) !== JSON.stringify(action.schedule)) revision.schedule = schedule;
    }
    if (before.timezone !== after.timezone) revision.timezone = after.timezone;
    if (newDefault && !action.ownPolicy) revision.policy = newDefault;
    if (revision.schedule || revision.timezone || revision.policy) outcome.revisions.push(revision);
  }
  return outcome;
}
