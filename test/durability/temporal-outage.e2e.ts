import { readFileSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DevServerOptions, RunningDevServer, startTemporalDevServer } from '../../libs/temporal/dev-server';
import { actionStateQuery, actionWorkflowId, planReportingWorkflowId } from '../../workflows/contracts/engine';
import { ApiOrg, buildOrganisation } from '../api/api-fixtures';
import { freePort } from '../support/free-port';
import { ENV, requiredEnv } from '../support/services';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';

const PLAN_TEXT = readFileSync(path.join(__dirname, '..', 'fixtures', 'overtornea-plan.txt'), 'utf8');
/** Overdue at once and again every few seconds: notices that flow until someone stops them. */
const NOISY = { escalateAfter: ['PT1S'], repeatEvery: 'PT3S' };

type Action = { id: string; title: string; status: string; followUp: string };

// Temporal stops while a plan is imported, an action withdrawn and an occurrence postponed; it
// starts again on the same port and file. Every call is answered from the committed rows, and
// once Temporal is back the reconciler carries the rest out once: the end state is the same as
// for the same calls made while Temporal answered (the control), nothing lost, nothing doubled.
// The suite runs its own dev server: the shared one must not stop under the other suites.
describe('Temporal down during an import, a withdrawal and a postponement', () => {
  let temporal: DevServerOptions;
  let server: RunningDevServer | undefined;
  let stack: TestStack;
  let org: ApiOrg;
  const ids = {} as Record<'planA' | 'noisy' | 'withdrawn' | 'withdrawnControl' | 'postponed' | 'postponedControl' | 'plan' | 'planControl', string>;
  const occurrenceOf = {} as Record<'postponed' | 'postponedControl', { id: string; periodKey: string }>;
  const newDue = inSeconds(7200);

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bevaka-outage-'));
    await chmod(dir, 0o711);
    temporal = { cliPath: requiredEnv(ENV.temporalCli), port: await freePort(), dbFile: path.join(dir, 'temporal.db'), logFile: path.join(dir, 'temporal.log') };
    server = await startTemporalDevServer(temporal);
    stack = await startTestStack({ api: true, env: { TEMPORAL_ADDRESS: server.address, BEVAKA_RECONCILE_INTERVAL_MS: '300' } });
    org = await buildOrganisation(stack.api!, 'outage');
    ids.planA = (await org.cora.post('/api/plans', { title: 'Plan före avbrottet', startDate: '2026-01-01' })).body.id;
    const action = async (title: string, schedule: object, policy: object) =>
      (await org.cora.post(`/api/plans/${ids.planA}/actions`, { title, ownerPersonIds: [org.ids.olle], schedule, policy })).body.id as string;
    ids.noisy = await action('Påminner hela tiden', { due: [inSeconds(1)] }, NOISY);
    ids.withdrawn = await action('Tas bort under avbrottet', { due: [inSeconds(1)] }, NOISY);
    ids.withdrawnControl = await action('Tas bort medan Temporal svarar', { due: [inSeconds(1)] }, NOISY);
    ids.postponed = await action('Skjuts upp under avbrottet', { due: [inSeconds(3600)] }, {});
    ids.postponedControl = await action('Skjuts upp medan Temporal svarar', { due: [inSeconds(3600)] }, {});
    for (const key of ['postponed', 'postponedControl'] as const) {
      [occurrenceOf[key]] = await waitFor(async () => (await org.cora.get(`/api/occurrences?actionId=${ids[key]}`)).body.items, { what: `the occurrence of ${key}` });
    }
    for (const key of ['noisy', 'withdrawn', 'withdrawnControl'] as const) await waitFor(() => notices(ids[key]), { until: (n) => n >= 1, what: `notices of ${key}` });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  const notices = async (actionId: string) => (await stack.dataSource.query('SELECT count(*)::int AS n FROM notification WHERE action_id = $1', [actionId]))[0].n as number;
  const pendingIntents = async () => (await stack.dataSource.query(`SELECT kind, count(*)::int AS n FROM temporal_intent WHERE done_at IS NULL GROUP BY kind ORDER BY kind`)) as Array<{ kind: string; n: number }>;
  const actionsOf = async (planId: string) => ((await org.cora.get(`/api/plans/${planId}`)).body.areas as Array<{ actions: Action[] }>).flatMap((a) => a.actions);
  const workflowStatus = async (workflowId: string) => (await stack.client.workflow.getHandle(workflowId).describe()).status.name;
  const rows = async (sql: string, args: unknown[]) => (await stack.dataSource.query(sql, args)) as Array<Record<string, unknown>>;

  it('the control: while Temporal answers, starts and signals are carried out before the answer', async () => {
    const plan = await org.cora.post('/api/plans', { title: 'Kontroll', startDate: '2020-01-01' }).set('Idempotency-Key', 'plan-control');
    expect([plan.status, plan.body.followUp]).toEqual([201, 'applied']);
    ids.planControl = plan.body.id;
    const imported = await org.cora.post(`/api/plans/${ids.planControl}/import`, { text: PLAN_TEXT }).set('Idempotency-Key', 'import-control');
    expect([imported.status, imported.body.created, imported.body.followUp]).toEqual([200, 17, 'applied']);
    expect((await org.cora.delete(`/api/actions/${ids.withdrawnControl}`)).status).toBe(204);
    const postponed = await org.cora.post(`/api/occurrences/${occurrenceOf.postponedControl.id}/postpone`, { due: newDue, reason: 'Nytt datum' }).set('Idempotency-Key', 'postpone-control');
    expect(postponed.status).toBe(200);
    // An update waits for the worker to run it; on a busy machine that may outlast the request's
    // wait, and the reconciler finishes it. Either way, nothing is pending before the outage.
    await waitFor(pendingIntents, { until: (pending) => pending.length === 0, what: 'nothing pending before the outage' });
    expect((await org.cora.get(`/api/occurrences/${occurrenceOf.postponedControl.id}`)).body).toMatchObject({ due: newDue, followUp: 'applied' });
  });

  it('while Temporal is down, every change is saved and answered (followUp "pending"), and a retry with the same key repeats the answer', async () => {
    await server!.stop();
    server = undefined;

    const plan = await org.cora.post('/api/plans', { title: 'Under avbrottet', startDate: '2020-01-01' }).set('Idempotency-Key', 'plan-outage');
    expect([plan.status, plan.body.followUp]).toEqual([201, 'pending']);
    ids.plan = plan.body.id;
    const again = await org.cora.post('/api/plans', { title: 'Under avbrottet', startDate: '2020-01-01' }).set('Idempotency-Key', 'plan-outage');
    expect([again.status, again.body]).toEqual([201, plan.body]);

    const imported = await org.cora.post(`/api/plans/${ids.plan}/import`, { text: PLAN_TEXT }).set('Idempotency-Key', 'import-outage');
    expect([imported.status, imported.body.created, imported.body.followUp]).toEqual([200, 17, 'pending']);
    const retried = await org.cora.post(`/api/plans/${ids.plan}/import`, { text: PLAN_TEXT }).set('Idempotency-Key', 'import-outage');
    expect([retried.status, retried.body]).toEqual([200, imported.body]);
    expect((await actionsOf(ids.plan)).map((a) => a.status).sort()).toEqual((await actionsOf(ids.planControl)).map((a) => (a.status === 'active' ? 'starting' : a.status)).sort());

    const withdrawal = await org.cora.delete(`/api/actions/${ids.withdrawn}`);
    expect([withdrawal.status, withdrawal.body.status, withdrawal.body.followUp]).toEqual([202, 'withdrawn', 'pending']);

    const before = (await org.cora.get(`/api/occurrences/${occurrenceOf.postponed.id}`)).body;
    const postponed = await org.cora.post(`/api/occurrences/${occurrenceOf.postponed.id}/postpone`, { due: newDue, reason: 'Nytt datum' }).set('Idempotency-Key', 'postpone-outage');
    // Recorded at once (the row decides; the workflow is told when Temporal answers again).
    expect([postponed.status, postponed.body.due, postponed.body.followUp]).toEqual([200, newDue, 'pending']);
    expect(before.due).not.toBe(newDue);
    const postponedAgain = await org.cora.post(`/api/occurrences/${occurrenceOf.postponed.id}/postpone`, { due: newDue, reason: 'Nytt datum' }).set('Idempotency-Key', 'postpone-outage');
    expect([postponedAgain.status, postponedAgain.body]).toEqual([200, postponed.body]);

    expect(await pendingIntents()).toEqual([
      { kind: 'occurrence-changed', n: 1 },
      { kind: 'start-action', n: 17 - imported.body.drafts.length },
      { kind: 'start-plan-reporting', n: 1 },
      { kind: 'withdraw-action', n: 1 },
    ]);
  });

  it('once Temporal is back on the same port and file, the reconciler carries everything out once; the import ends as in the control', async () => {
    server = await startTemporalDevServer(temporal);
    // Starts and signals need only the server.
    await waitFor(pendingIntents, { until: (pending) => pending.length === 0, what: 'the starts, the withdrawal and the postponement carried out' });
    // The same actions, each followed by one running workflow, as in the control.
    const summary = async (planId: string) => Promise.all((await actionsOf(planId)).map(async (a) => [a.title, a.status, a.followUp, a.status === 'draft' ? '-' : await workflowStatus(actionWorkflowId(a.id))].join(' | ')));
    expect((await summary(ids.plan)).sort()).toEqual((await summary(ids.planControl)).sort());
    expect((await org.cora.get(`/api/plans/${ids.plan}`)).body.followUp).toBe('applied');
    expect([await workflowStatus(planReportingWorkflowId(ids.plan)), await workflowStatus(planReportingWorkflowId(ids.planControl))]).toEqual(['RUNNING', 'RUNNING']);
    const starts = await rows(`SELECT outcome, count(*)::int AS n FROM temporal_intent WHERE kind = 'start-action' AND subject_id IN (SELECT id FROM action WHERE plan_id = $1) GROUP BY outcome`, [ids.plan]);
    expect(starts).toEqual([{ outcome: 'applied', n: 17 - (await actionsOf(ids.plan)).filter((a) => a.status === 'draft').length }]);
    expect(await rows(`SELECT count(*)::int AS n FROM audit_log WHERE plan_id = $1 AND action IN ('created', 'imported')`, [ids.plan])).toEqual([{ n: 2 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM plan WHERE title = 'Under avbrottet'`, [])).toEqual([{ n: 1 }]);
  });

  it('the withdrawal ends as in the control: the workflow ended, its occurrence cancelled, its notices stopped', async () => {
    for (const key of ['withdrawn', 'withdrawnControl'] as const) {
      expect((await org.cora.get(`/api/actions/${ids[key]}`)).body).toMatchObject({ status: 'withdrawn', followUp: 'applied' });
      await waitFor(() => workflowStatus(actionWorkflowId(ids[key])), { until: (s) => s === 'COMPLETED', what: `the workflow of ${key} ended` });
      await waitFor(async () => (await org.cora.get(`/api/occurrences?actionId=${ids[key]}`)).body.items, { until: (items) => items.every((o: { status: string }) => o.status === 'cancelled'), what: `the occurrence of ${key} cancelled` });
    }
    const stopped = { withdrawn: await notices(ids.withdrawn), withdrawnControl: await notices(ids.withdrawnControl) };
    // Its timers fired as Temporal came back, before the withdrawal reached the workflow: the row
    // decided, and nothing was queued after the withdrawal was committed.
    const late = await rows(
      `SELECT n.kind, n.created_at FROM notification n
        WHERE n.action_id = $1::uuid AND n.created_at > (SELECT at FROM audit_log WHERE entity = 'action' AND entity_id = $1::text AND action = 'withdrawn')`,
      [ids.withdrawn],
    );
    expect(late).toEqual([]);
    const noisy = await notices(ids.noisy);
    await waitFor(() => notices(ids.noisy), { until: (n) => n >= noisy + 2, what: 'two more notices of the action left alone' });
    expect({ withdrawn: await notices(ids.withdrawn), withdrawnControl: await notices(ids.withdrawnControl) }).toEqual(stopped);
  });

  it('the postponement ends as in the control: carried out once, with the new due date', async () => {
    await waitFor(pendingIntents, { until: (pending) => pending.length === 0, what: 'the postponement carried out' });
    for (const key of ['postponed', 'postponedControl'] as const) {
      const occurrence = (await org.cora.get(`/api/occurrences/${occurrenceOf[key].id}`)).body;
      expect([occurrence.due, occurrence.status, occurrence.followUp]).toEqual([newDue, 'open', 'applied']);
      const history = (await org.cora.get(`/api/occurrences/${occurrenceOf[key].id}/history`)).body as Array<{ kind: string }>;
      expect(history.filter((h) => h.kind === 'postponed')).toHaveLength(1);
      // The action's workflow follows the new due date: it was told once Temporal answered.
      const state = await stack.client.workflow.getHandle(actionWorkflowId(ids[key])).query(actionStateQuery);
      expect(state.occurrences.find((o) => o.periodKey === occurrenceOf[key].periodKey)?.dueInstant).toBe(newDue);
      expect(await rows('SELECT generation FROM occurrence WHERE id = $1', [occurrenceOf[key].id])).toEqual([{ generation: 1 }]);
    }
  });
});
