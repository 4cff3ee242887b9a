import { DataSource } from 'typeorm';
import { scheduleFromInstants } from '../../libs/domain/schedule';
import type { ScheduleSpec } from '../../libs/domain/schedule/types';
import { OccurrencesService } from '../../apps/api/occurrences/occurrences.service';
import type { CurrentPersonInfo } from '../../apps/api/auth/current-person';
import { ACTION_WORKFLOW, ActionInput, actionWorkflowId, Owners } from '../../workflows/contracts/engine';
import type { NoticePolicy } from '../../workflows/contracts/policy';
import { Org, seedOrganisation } from '../support/organisation';
import type { TestStack } from '../support/test-stack';

export type { Org } from '../support/organisation';

export const LADDER: NoticePolicy = { remindBefore: ['PT2S'], escalateAfter: ['PT3S', 'PT6S'], timing: 'exact', calendar: 'SE' };

export function db(stack: TestStack): DataSource {
  return stack.dataSource;
}

export function seedOrg(stack: TestStack): Promise<Org> {
  return seedOrganisation(stack.dataSource);
}

export async function insertPlan(stack: TestStack, title = 'Handlingsplan för näringslivsklimatet'): Promise<string> {
  const [{ id }] = await db(stack).query(`INSERT INTO plan (title, start_date) VALUES ($1, current_date) RETURNING id`, [title]);
  return id;
}

export interface StartedAction {
  actionId: string;
  planId: string;
  input: ActionInput;
}

/** An action row plus its running ActionWorkflow, as the API creates them. */
export async function startAction(
  stack: TestStack,
  options: { planId: string; owners: Owners; schedule?: ScheduleSpec; due?: string[]; policy?: NoticePolicy; title?: string },
): Promise<StartedAction> {
  const schedule = options.schedule ?? scheduleFromInstants({ due: options.due ?? [] });
  const [{ id: actionId }] = await db(stack).query(
    `INSERT INTO action (plan_id, title, schedule_input, schedule, owner_person_ids, owner_unit_ids)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [options.planId, options.title ?? 'Informationsmöte om kommande upphandlingar', {}, schedule, options.owners.personIds, options.owners.unitIds],
  );
  const input: ActionInput = {
    actionId,
    planId: options.planId,
    schedule,
    timezone: 'Europe/Stockholm',
    policy: options.policy ?? LADDER,
  };
  await stack.client.workflow.start(ACTION_WORKFLOW, { taskQueue: stack.config.temporal.taskQueue, workflowId: actionWorkflowId(actionId), args: [input] });
  return { actionId, planId: options.planId, input };
}

export interface NotificationRow {
  kind: string;
  recipient_person_id: string;
  dedupe_key: string;
}

export async function notifications(stack: TestStack, actionId: string): Promise<NotificationRow[]> {
  // The engine's own notices; receipts made from recorded events (postponed, completed) are the mailer's.
  return db(stack).query(
    `SELECT kind, recipient_person_id, dedupe_key FROM notification
      WHERE action_id = $1 AND (kind IN ('reminder', 'overdue', 'repeat') OR kind LIKE 'escalation-%') ORDER BY created_at, kind`,
    [actionId],
  );
}

export async function occurrenceRow(stack: TestStack, actionId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db(stack).query(`SELECT * FROM occurrence WHERE action_id = $1 ORDER BY due_at LIMIT 1`, [actionId]);
  return row;
}

export const kinds = (rows: NotificationRow[]) => rows.map((r) => r.kind);

/**
 * A person acting on occurrences through the API's service (access check, the domain's rules, the
 * row lock, the message to the workflow), as the HTTP routes do; the stack needs `api: true`.
 */
export function actingAs(stack: TestStack, personId: string, roles: string[] = ['owner']) {
  if (!stack.api) throw new Error('actingAs needs a stack with the API');
  const service = stack.api.get(OccurrencesService);
  const person: CurrentPersonInfo = { id: personId, roles, name: 'Test', email: 'test@kommun.se', unitId: null };
  return {
    complete: (occurrenceId: string, body: { note?: string; evidenceUrl?: string } = {}) => service.complete(occurrenceId, body, person),
    postpone: (occurrenceId: string, due: string, reason = 'Ny tidplan') => service.postpone(occurrenceId, { due, reason }, person),
    skip: (occurrenceId: string, reason: string) => service.skip(occurrenceId, { reason }, person),
    reassign: (occurrenceId: string, ownerPersonId: string) => service.reassign(occurrenceId, { ownerPersonId }, person),
    log: (occurrenceId: string, happenedOn: string, note?: string) => service.logEntry(occurrenceId, { happenedOn, note }, person),
  };
}
