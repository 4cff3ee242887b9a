import { EntityManager } from 'typeorm';
import type { ScheduleSpec } from '../../../libs/domain/schedule/types';
import { ActionRepository, ActionSource } from '../../../libs/persistence/repositories/action.repository';
import type { NewIntent } from '../../../libs/persistence/repositories/intent.repository';
import { intents } from '../engine/intents';
import { scheduleOf } from '../plans/action-input';
import type { ScheduleRequest } from '../plans/plans.dto';

export interface SourcedAction {
  areaId: string | null;
  title: string;
  schedule: ScheduleRequest;
  ownerUnitIds: string[];
  ownerPersonIds: string[];
  source: ActionSource;
}

/** What minutes give an action when nothing else is said: once at the deadline, else continuous. */
export function scheduleForDeadline(due: string | null): ScheduleRequest {
  return { text: '', when: due ?? 'Löpande' };
}

/**
 * An action read out of minutes (an accepted finding, or an open question assigned later),
 * written with its source and the intent that starts its workflow; the caller carries the
 * intent out after the commit. Its policy is the plan's.
 */
export async function insertSourcedAction(db: EntityManager, plan: { id: string; startDate: string; timezone: string }, action: SourcedAction, position = 0): Promise<{ id: string; start: NewIntent }> {
  const schedule: ScheduleSpec = scheduleOf(action.schedule, { start_date: plan.startDate, timezone: plan.timezone });
  const fields = {
    areaId: action.areaId,
    title: action.title,
    whenText: action.schedule.when ?? null,
    scheduleInput: action.schedule,
    schedule,
    policy: null,
    ownerUnitIds: action.ownerUnitIds,
    ownerPersonIds: action.ownerPersonIds,
  };
  const id = await new ActionRepository(db).insert(plan.id, fields, 'starting', position, action.source);
  return { id, start: intents.startAction(id, new Date().toISOString()) };
}
