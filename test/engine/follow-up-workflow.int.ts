import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { decide } from '../../libs/domain/occurrence/commands';
import { noticeFired } from '../../libs/domain/occurrence/notices';
import type { OccurrenceState } from '../../libs/domain/occurrence/state';
import { scheduleFromInstants } from '../../libs/domain/schedule';
import type { FireNoticesRequest, FollowUpActivities, OpenOccurrenceResult } from '../../workflows/contracts/activities';
import {
  ACTION_WORKFLOW,
  ActionInput,
  actionStateQuery,
  occurrenceChangedSignal,
  pauseSignal,
  resumeSignal,
  reviseSignal,
  withdrawSignal,
} from '../../workflows/contracts/engine';
import type { NoticePolicy } from '../../workflows/contracts/policy';
import { ENV, requiredEnv } from '../support/services';
import { inSeconds, waitFor } from '../support/wait-for';

/**
 * The action's follow-up workflow on its own, in the SDK's test style: the workflow and stub
 * activities in one worker (`worker.runUntil`) on the real dev server, so every signal, timer and
 * activity-result path runs in seconds. The stubs keep the occurrences in memory and apply the
 * same domain rules the real activities apply to the database (test/engine/*.int.ts run those).
 */
const EXACT: NoticePolicy = { remindBefore: [], escalateAfter: ['PT1S'], timing: 'exact', calendar: 'SE' };

class Store implements FollowUpActivities {
  readonly occurrences = new Map<string, OccurrenceState>();
  readonly sent: string[] = [];
  readonly fired: FireNoticesRequest[] = [];
  actionStatus: 'active' | 'paused' | 'withdrawn' = 'active';
  closed?: { reason: string };
  /**
   * Runs right after an occurrence is recorded and before the workflow hears of it: a change the
   * workflow is not told of, made before any notice can fire however slow the machine is.
   */
  afterOpen?: (state: OccurrenceState) => void;

  async openOccurrence(request: Parameters<FollowUpActivities['openOccurrence']>[0]): Promise<OpenOccurrenceResult> {
    if (this.actionStatus === 'paused' || this.actionStatus === 'withdrawn') return { refused: this.actionStatus };
    const existing = [...this.occurrences.values()].find((o) => o.periodKey === request.periodKey);
    if (existing) return { state: existing };
    const state: OccurrenceState = {
      id: randomUUID(),
      periodKey: request.periodKey,
      status: 'open',
      dueInstant: request.dueInstant,
      owners: { personIds: ['olle'], unitIds: [] },
      escalationStep: 0,
      generation: 0,
      armedAt: request.openedAt,
      fired: [],
      version: 1,
    };
    this.occurrences.set(state.id, state);
    this.afterOpen?.(state);
    return { state };
  }

  async fireNotices(request: FireNoticesRequest) {
    this.fired.push(request);
    const involved = () => request.notices.map((n) => this.occurrences.get(n.occurrenceId)!).filter(Boolean);
    if (this.actionStatus !== 'active') return { actionStatus: this.actionStatus, occurrences: involved(), sent: [] };
    const sent = [];
    for (const notice of request.notices) {
      const before = this.occurrences.get(notice.occurrenceId)!;
      const change = noticeFired(before, notice, request.firedAt);
      if (change.state === before) continue;
      this.occurrences.set(before.id, change.state);
      this.sent.push(`${before.periodKey}:${notice.kind}:${notice.step}`);
      sent.push({ periodKey: before.periodKey, key: `${notice.kind}:${notice.step}`, recipientPersonIds: ['olle'] });
    }
    return { actionStatus: this.actionStatus, occurrences: involved(), sent };
  }

  async closeAction(request: { reason: string }) {
    this.closed = request;
    for (const [id, state] of this.occurrences) this.occurrences.set(id, decide(state, { kind: 'cancel', reason: request.reason }, new Date().toISOString()).state);
  }

  /** A person's change, as the API records it; returns the state to send the workflow. */
  change(periodKey: string, command: Parameters<typeof decide>[1]): OccurrenceState {
    const state = [...this.occurrences.values()].find((o) => o.periodKey === periodKey)!;
    const next = decide(state, command, new Date().toISOString()).state;
    this.occurrences.set(state.id, next);
    return next;
  }

  kinds(): string[] {
    return this.sent.map((s) => s.split(':').slice(-2).join(':'));
  }
}

describe('the action follow-up workflow with stub activities', () => {
  let connection: Connection;
  let native: NativeConnection;
  let client: Client;
  beforeAll(async () => {
    connection = await Connection.connect({ address: requiredEnv(ENV.temporalAddress) });
    native = await NativeConnection.connect({ address: requiredEnv(ENV.temporalAddress) });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await native?.close();
  });

  /** Runs `body` against a fresh workflow and store on a task queue of its own. */
  async function withWorkflow(input: Partial<ActionInput>, body: (ctx: { store: Store; handle: ReturnType<Client['workflow']['getHandle']> }) => Promise<void>, store = new Store()) {
    const taskQueue = `follow-up-${randomUUID()}`;
    const worker = await Worker.create({
      connection: native,
      taskQueue,
      workflowBundle: { codePath: requiredEnv(ENV.workflowBundle) },
      activities: { openOccurrence: store.openOccurrence.bind(store), fireNotices: store.fireNotices.bind(store), closeAction: store.closeAction.bind(store) },
    });
    const actionId = randomUUID();
    const full: ActionInput = { actionId, planId: randomUUID(), schedule: scheduleFromInstants({ due: [inSeconds(2)] }), timezone: 'Europe/Stockholm', policy: EXACT, ...input };
    await worker.runUntil(async () => {
      const handle = await client.workflow.start(ACTION_WORKFLOW, { taskQueue, workflowId: `action:${actionId}`, args: [full] });
      try {
        await body({ store, handle });
      } finally {
        await handle.terminate('test over').catch(() => undefined);
      }
    });
  }

  const sentAtLeast = (store: Store, n: number) => waitFor(async () => store.kinds(), { until: (k) => k.length >= n, what: `${n} notices` });

  it('opens an instant at once and sends its notices in order when their timers fire', async () => {
    await withWorkflow({ policy: { remindBefore: ['PT1S'], escalateAfter: ['PT1S', 'PT2S'], repeatEvery: 'PT1S', timing: 'exact', calendar: 'SE' } }, async ({ store, handle }) => {
      const kinds = await sentAtLeast(store, 5);
      expect(kinds.slice(0, 5)).toEqual(['reminder:0', 'overdue:0', 'escalation:0', 'escalation:1', 'repeat:1']);
      const state = await handle.query(actionStateQuery);
      expect(state.occurrences[0]).toMatchObject({ status: 'escalated' });
    });
  });

  it('sends every notice whose time has passed in one activity: overdue and escalation at the same instant', async () => {
    await withWorkflow({ schedule: scheduleFromInstants({ due: [inSeconds(1)] }), policy: { ...EXACT, escalateAfter: ['PT0S'] } }, async ({ store }) => {
      await sentAtLeast(store, 2);
      const firing = store.fired.find((f) => f.notices.some((n) => n.kind === 'escalation'))!;
      expect(firing.notices.map((n) => `${n.kind}:${n.step}`)).toEqual(['overdue:0', 'escalation:0']);
    });
  });

  it('occurrenceChanged: a completion stops the notices; an older copy is ignored', async () => {
    await withWorkflow({ schedule: scheduleFromInstants({ due: [inSeconds(3)] }) }, async ({ store, handle }) => {
      const { occurrences } = await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 1, what: 'the occurrence' });
      const periodKey = occurrences[0].periodKey;
      const stale = { ...[...store.occurrences.values()][0] };
      await handle.signal(occurrenceChangedSignal, store.change(periodKey, { kind: 'complete', byPersonId: 'olle' }));
      await handle.signal(occurrenceChangedSignal, stale); // delivered late: older, so ignored
      await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 0, what: 'the occurrence to be let go' });
      await new Promise((r) => setTimeout(r, 3500)); // past due and the escalation step
      expect(store.kinds()).toEqual([]);
    });
  });

  it('occurrenceChanged: a postponement re-arms the timer for the new due date', async () => {
    await withWorkflow({ schedule: scheduleFromInstants({ due: [inSeconds(3600)] }) }, async ({ store, handle }) => {
      const { occurrences } = await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 1, what: 'the occurrence' });
      await handle.signal(occurrenceChangedSignal, store.change(occurrences[0].periodKey, { kind: 'postpone', byPersonId: 'cora', dueInstant: inSeconds(1), reason: 'tidigare' }));
      expect(await sentAtLeast(store, 2)).toEqual(['overdue:0', 'escalation:0']);
    });
  });

  it('a notice made stale by a change it was not told of is refused, and the workflow adopts the row', async () => {
    const store = new Store();
    store.afterOpen = (state) => void store.change(state.periodKey, { kind: 'skip', byPersonId: 'cora', reason: 'utgår' }); // not signalled
    await withWorkflow(
      { schedule: scheduleFromInstants({ due: [inSeconds(1)] }) },
      async ({ handle }) => {
        await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 0 && store.fired.length > 0, what: 'the workflow to learn it from the activity' });
        expect(store.kinds()).toEqual([]);
        expect(store.fired.length).toBeGreaterThan(0); // it tried, and was told
      },
      store,
    );
  });

  it('pause: nothing opens and nothing is sent; resume: the notices come', async () => {
    await withWorkflow({ schedule: scheduleFromInstants({ due: [inSeconds(3600)] }) }, async ({ store, handle }) => {
      await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 1, what: 'the occurrence' });
      await handle.signal(pauseSignal);
      await handle.signal(reviseSignal, { schedule: scheduleFromInstants({ due: [inSeconds(3600), inSeconds(1)] }) });
      const periodKey = [...store.occurrences.values()][0].periodKey;
      await handle.signal(occurrenceChangedSignal, store.change(periodKey, { kind: 'postpone', byPersonId: 'cora', dueInstant: inSeconds(1), reason: 'nu' }));
      await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.status === 'paused', what: 'paused' });
      await new Promise((r) => setTimeout(r, 2500)); // past the due instant
      expect(store.kinds()).toEqual([]);
      expect(store.occurrences.size).toBe(1);
      await handle.signal(resumeSignal);
      expect(await sentAtLeast(store, 2)).toEqual(['overdue:0', 'escalation:0']);
    });
  });

  it('an activity that finds the action paused in the database pauses the workflow (it was not told)', async () => {
    const store = new Store();
    store.afterOpen = () => void (store.actionStatus = 'paused'); // paused in the database once it has opened, not signalled
    await withWorkflow(
      { schedule: scheduleFromInstants({ due: [inSeconds(1)] }) },
      async ({ handle }) => {
        await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.status === 'paused', what: 'the workflow to pause itself' });
        expect(store.kinds()).toEqual([]);
        store.actionStatus = 'active';
        await handle.signal(resumeSignal);
        await sentAtLeast(store, 2);
      },
      store,
    );
  });

  it('withdraw: the open occurrences are cancelled through closeAction and the workflow ends', async () => {
    await withWorkflow({ schedule: scheduleFromInstants({ due: [inSeconds(3600)] }) }, async ({ store, handle }) => {
      await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 1, what: 'the occurrence' });
      await handle.signal(withdrawSignal, { reason: 'Utgår ur planen', byPersonId: 'cora' });
      await handle.result();
      expect(store.closed).toMatchObject({ reason: 'Utgår ur planen' });
      expect([...store.occurrences.values()].map((o) => o.status)).toEqual(['cancelled']);
    });
  });

  it('revise: a new policy re-arms the open occurrences (a past reminder of the new policy is not sent late)', async () => {
    await withWorkflow({ schedule: scheduleFromInstants({ due: [inSeconds(4)] }), policy: { ...EXACT, escalateAfter: [] } }, async ({ store, handle }) => {
      await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 1, what: 'the occurrence' });
      // Reminders 60 s and 30 s before due both lie in the past now: only the latest is sent.
      await handle.signal(reviseSignal, { policy: { ...EXACT, remindBefore: ['PT60S', 'PT30S'], escalateAfter: ['PT0S'] }, at: new Date().toISOString() });
      expect(await sentAtLeast(store, 3)).toEqual(['reminder:1', 'overdue:0', 'escalation:0']);
    });
  });

  it('continues as new after ten openings, carrying its open occurrences', async () => {
    const due = Array.from({ length: 12 }, (_, i) => new Date(Date.now() - 60_000 + i * 1000).toISOString());
    await withWorkflow({ schedule: scheduleFromInstants({ due: [...due, inSeconds(3600)] }), policy: { ...EXACT, escalateAfter: [] } }, async ({ store, handle }) => {
      const first = (await handle.describe()).runId;
      const state = await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 13, timeoutMs: 30_000, what: 'all thirteen opened' });
      expect((await handle.describe()).runId).not.toBe(first);
      expect(state.openOccurrences).toHaveLength(13);
      expect(store.occurrences.size).toBe(13);
    });
  });
});
