import type { ActionViewRow } from '../../../libs/persistence/repositories/action.repository';
import type { FollowUpState } from '../engine/follow-up-state';
import { nextDue } from './action-input';
import type { ActionResponse } from './plans.dto';

export type ActionRow = ActionViewRow;

/** The action as the API answers it; `followUp` only where the answer tells it (not in audit entries). */
export function describe(row: ActionRow): Omit<ActionResponse, 'followUp'>;
export function describe(row: ActionRow, followUp: FollowUpState): ActionResponse;
export function describe(row: ActionRow, followUp?: FollowUpState): ActionResponse | Omit<ActionResponse, 'followUp'> {
  return {
    id: row.id,
    planId: row.plan_id,
    area: row.area,
    title: row.title,
    when: row.when_text,
    status: row.status,
    schedule: row.schedule,
    scheduleInput: row.schedule_input,
    policy: row.policy,
    ownerUnitIds: row.owner_unit_ids,
    ownerPersonIds: row.owner_person_ids,
    nextDue: row.status === 'withdrawn' ? [] : nextDue(row.schedule, row.timezone),
    source: row.source,
    ...(followUp ? { followUp } : {}),
  };
}

