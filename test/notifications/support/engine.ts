import { DataSource } from 'typeorm';
import { scheduleFromInstants } from '../../../libs/domain/schedule';
import { ACTION_WORKFLOW, ActionInput, actionWorkflowId, Owners } from '../../../workflows/contracts/engine';
import type { NoticePolicy } from '../../../workflows/contracts/policy';
import type { TestStack } from '../../support/test-stack';
import { waitFor } from '../../support/wait-for';

export const LADDER: NoticePolicy = { remindBefore: ['PT2S'], escalateAfter: ['PT3S', 'PT6S'], timing: 'exact', calendar: 'SE' };

/** An action row and its plan, plus its ActionWorkflow started through the Temporal client. */
export async function startAction(stack: TestStack, db: DataSource, options: { owners: Owners; dueInSeconds: number; title: string; createdBy?: string }) {
  const [{ id: planId }] = await db.query(`INSERT INTO plan (title, start_date, created_by) VALUES ('Näringslivsplan 2024', current_date, $1) RETURNING id`, [options.createdBy ?? null]);
  const schedule = scheduleFromInstants({ due: [new Date(Date.now() + options.dueInSeconds * 1000).toISOString()] });
  const [{ id: actionId }] = await db.query(
    `INSERT INTO action (plan_id, title, schedule_input, schedule, owner_person_ids, owner_unit_ids) VALUES ($1, $2, '{}', $3, $4, $5) RETURNING id`,
    [planId, options.title, schedule, options.owners.personIds, options.owners.unitIds],
  );
  const input: ActionInput = { actionId, planId, schedule, timezone: 'Europe/Stockholm', policy: LADDER };
  await stack.client.workflow.start(ACTION_WORKFLOW, { taskQueue: stack.config.temporal.taskQueue, workflowId: actionWorkflowId(actionId), args: [input] });
  const occurrence = await waitFor(async () => (await db.query('SELECT id, period_key FROM occurrence WHERE action_id = $1', [actionId]))[0], { what: 'the occurrence to open' });
  return { planId, actionId, occurrenceId: occurrence.id as string, handle: stack.client.workflow.getHandle(actionWorkflowId(actionId)) };
}

export async function outboxOf(db: DataSource, actionId: string): Promise<Array<{ dedupe_key: string; kind: string; recipient_person_id: string; mail_state: string }>> {
  return db.query('SELECT dedupe_key, kind, recipient_person_id, mail_state FROM notification WHERE action_id = $1 ORDER BY created_at', [actionId]);
}
