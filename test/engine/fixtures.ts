import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { scheduleFromInstants } from '../../libs/domain/schedule';
import type { ScheduleSpec } from '../../libs/domain/schedule/types';
import { ACTION_WORKFLOW, ActionInput, actionWorkflowId, Owners } from '../../workflows/contracts/engine';
import type { NoticePolicy } from '../../workflows/contracts/policy';
import type { TestStack } from '../support/test-stack';

/**
 * A small municipality for engine tests: Kommunledning (head: Kim, the kommunchef) above
 * Samhällsbyggnad (head: Ulla), where Olle owns the actions; Cora is the coordinator.
 */
export interface Org {
  kim: string;
  ulla: string;
  olle: string;
  cora: string;
  kommunledning: string;
  samhallsbyggnad: string;
}

export const LADDER: NoticePolicy = { remindBefore: ['PT2S'], escalateAfter: ['PT3S', 'PT6S'], timing: 'exact', calendar: 'SE' };

export function db(stack: TestStack): DataSource {
  return stack.dataSource;
}

export async function seedOrg(stack: TestStack): Promise<Org> {
  const q = db(stack);
  const person = async (name: string, roles: string[]) =>
    (await q.query(`INSERT INTO person (name, email, roles) VALUES ($1, $2, $3) RETURNING id`, [name, `${name.toLowerCase()}-${randomUUID()}@kommun.se`, roles]))[0].id as string;
  const kim = await person('Kim', ['executive']);
  const ulla = await person('Ulla', ['owner']);
  const olle = await person('Olle', ['owner']);
  const cora = await person('Cora', ['coordinator']);
  const [{ id: kommunledning }] = await q.query(`INSERT INTO unit (name, head_person_id) VALUES ('Kommunledning', $1) RETURNING id`, [kim]);
  const [{ id: samhallsbyggnad }] = await q.query(`INSERT INTO unit (name, parent_id, head_person_id) VALUES ('Samhällsbyggnad', $1, $2) RETURNING id`, [kommunledning, ulla]);
  await q.query('UPDATE person SET unit_id = $1 WHERE id = ANY($2::uuid[])', [samhallsbyggnad, [olle, ulla]]);
  await q.query('UPDATE person SET unit_id = $1 WHERE id = ANY($2::uuid[])', [kommunledning, [kim, cora]]);
  return { kim, ulla, olle, cora, kommunledning, samhallsbyggnad };
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
    owners: options.owners,
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
  return db(stack).query(`SELECT kind, recipient_person_id, dedupe_key FROM notification WHERE action_id = $1 ORDER BY created_at, kind`, [actionId]);
}

export async function occurrenceRow(stack: TestStack, actionId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db(stack).query(`SELECT * FROM occurrence WHERE action_id = $1 ORDER BY due_at LIMIT 1`, [actionId]);
  return row;
}

export const kinds = (rows: NotificationRow[]) => rows.map((r) => r.kind);
