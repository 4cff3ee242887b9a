import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { ApiOrg, buildOrganisation } from './api-fixtures';

const PLAN_TEXT = readFileSync(path.join(__dirname, '..', 'fixtures', 'overtornea-plan.txt'), 'utf8');

// Idempotency-Key on the requests that create something: a retry with the same key (same person,
// same request) gets the first answer and creates nothing again, also when both arrive at once.
describe('Idempotency-Key', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'idem');
    planId = (await org.cora.post('/api/plans', { title: 'Nycklar', startDate: '2026-01-01' })).body.id;
  });
  afterAll(() => stack?.close());

  const count = async (sql: string, args: unknown[] = []) => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, args))[0].n as number;
  const plansTitled = (title: string) => count('plan WHERE title = $1', [title]);

  it('a retry of POST /api/plans gets the first answer and creates no second plan, audit entry or workflow start', async () => {
    const body = { title: 'Skapas en gång', startDate: '2026-01-01' };
    const first = await org.cora.post('/api/plans', body).set('Idempotency-Key', 'plan-1');
    expect([first.status, first.body.followUp]).toEqual([201, 'applied']);
    const retry = await org.cora.post('/api/plans', body).set('Idempotency-Key', 'plan-1');
    expect([retry.status, retry.body]).toEqual([first.status, first.body]);
    expect(await plansTitled(body.title)).toBe(1);
    expect(await count(`audit_log WHERE entity = 'plan' AND entity_id = $1`, [first.body.id])).toBe(1);
    expect(await count(`temporal_intent WHERE subject_id = $1`, [first.body.id])).toBe(1);
  });

  it('two requests with the same key at the same time make one plan; both get its answer', async () => {
    const body = { title: 'Dubbelklick', startDate: '2026-01-01' };
    const [a, b] = await Promise.all([org.cora.post('/api/plans', body).set('Idempotency-Key', 'plan-race'), org.cora.post('/api/plans', body).set('Idempotency-Key', 'plan-race')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(await plansTitled(body.title)).toBe(1);
  });

  it('two concurrent imports with the same key commit the actions once', async () => {
    const plan = (await org.cora.post('/api/plans', { title: 'Importeras en gång', startDate: '2020-01-01' })).body;
    const send = () => org.cora.post(`/api/plans/${plan.id}/import`, { text: PLAN_TEXT }).set('Idempotency-Key', 'import-race');
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status, a.body.created]).toEqual([200, 200, 17]);
    expect(b.body).toEqual(a.body);
    expect(await count('action WHERE plan_id = $1', [plan.id])).toBe(17);
    expect(await count(`audit_log WHERE plan_id = $1 AND action = 'imported'`, [plan.id])).toBe(1);
    // Another request (a file upload) with the same key: refused.
    const other = await org.cora.post(`/api/plans/${plan.id}/import`).attach('file', Buffer.from(`${PLAN_TEXT}\n`), 'plan.txt').set('Idempotency-Key', 'import-race');
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count('action WHERE plan_id = $1', [plan.id])).toBe(17);
  });

  it('a retry of POST /api/plans/:id/actions creates one action', async () => {
    const body = { title: 'Företagsfrukost', ownerPersonIds: [org.ids.olle], schedule: { text: 'en gång per kvartal', when: '2030' } };
    const [a, b] = await Promise.all([org.cora.post(`/api/plans/${planId}/actions`, body).set('Idempotency-Key', 'action-1'), org.cora.post(`/api/plans/${planId}/actions`, body).set('Idempotency-Key', 'action-1')]);
    const c = await org.cora.post(`/api/plans/${planId}/actions`, body).set('Idempotency-Key', 'action-1');
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect([b.body, c.body]).toEqual([a.body, a.body]);
    expect(await count(`action WHERE plan_id = $1 AND title = 'Företagsfrukost'`, [planId])).toBe(1);
  });

  it('a retry of a postponement postpones once', async () => {
    const action = (await org.cora.post(`/api/plans/${planId}/actions`, { title: 'Skjuts upp', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(3600)] }, policy: {} })).body;
    const [occurrence] = await waitFor(async () => (await org.olle.get(`/api/occurrences?actionId=${action.id}`)).body.items, { what: 'the occurrence' });
    const body = { due: inSeconds(7200), reason: 'Väntar på nämnden' };
    const [a, b] = await Promise.all([
      org.olle.post(`/api/occurrences/${occurrence.id}/postpone`, body).set('Idempotency-Key', 'postpone-1'),
      org.olle.post(`/api/occurrences/${occurrence.id}/postpone`, body).set('Idempotency-Key', 'postpone-1'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    // The update normally lands before the answer; on a busy machine the reconciler may finish it.
    await waitFor(async () => (await org.olle.get(`/api/occurrences/${occurrence.id}`)).body, { until: (o) => o.followUp === 'applied', what: 'the postponement carried out' });
    expect((await org.olle.get(`/api/occurrences/${occurrence.id}`)).body.due).toBe(body.due);
    const history = (await org.olle.get(`/api/occurrences/${occurrence.id}/history`)).body as Array<{ kind: string }>;
    expect(history.filter((h) => h.kind === 'postponed')).toHaveLength(1);
  });

  it('the same key with another body, route or method is refused with 422 IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
    await org.cora.post('/api/plans', { title: 'Första', startDate: '2026-01-01' }).set('Idempotency-Key', 'reused');
    const plans = await count('plan');
    const otherBody = await org.cora.post('/api/plans', { title: 'Andra', startDate: '2026-01-01' }).set('Idempotency-Key', 'reused');
    expect([otherBody.status, otherBody.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(otherBody.body.error.message).toMatch(/another request/);
    const otherRoute = await org.cora.post(`/api/plans/${planId}/actions`, { title: 'X', schedule: { text: 'årligen' } }).set('Idempotency-Key', 'reused');
    expect([otherRoute.status, otherRoute.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count('plan')).toBe(plans);
    expect(await plansTitled('Andra')).toBe(0);
  });

  it('keys belong to a person: the same key from someone else is a request of its own', async () => {
    const body = { title: 'Samma nyckel, två personer', startDate: '2026-01-01' };
    expect((await org.cora.post('/api/plans', body).set('Idempotency-Key', 'shared')).status).toBe(201);
    expect((await org.admin.post('/api/plans', body).set('Idempotency-Key', 'shared')).status).toBe(201);
    expect(await plansTitled(body.title)).toBe(2);
  });

  it('a refused request keeps no key: corrected, it goes through with the same key', async () => {
    const refused = await org.cora.post('/api/plans', { title: 'Rättad', startDate: 'igår' }).set('Idempotency-Key', 'corrected');
    expect(refused.status).toBe(400);
    const accepted = await org.cora.post('/api/plans', { title: 'Rättad', startDate: '2026-01-01' }).set('Idempotency-Key', 'corrected');
    expect(accepted.status).toBe(201);
  });

  it('a key expires after 24 hours: then it is free for a new request', async () => {
    const first = await org.cora.post('/api/plans', { title: 'Gammal nyckel', startDate: '2026-01-01' }).set('Idempotency-Key', 'expiring');
    const [{ hours }] = await stack.dataSource.query(`SELECT round(extract(epoch FROM expires_at - created_at) / 3600) AS hours FROM idempotency_key WHERE key = 'expiring'`);
    expect(Number(hours)).toBe(24);
    await stack.dataSource.query(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = 'expiring'`);
    const later = await org.cora.post('/api/plans', { title: 'Ny plan, samma nyckel', startDate: '2026-01-01' }).set('Idempotency-Key', 'expiring');
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('a malformed key is a 400 and writes nothing', async () => {
    const plans = await count('plan');
    const response = await org.cora.post('/api/plans', { title: 'X', startDate: '2026-01-01' }).set('Idempotency-Key', 'x'.repeat(256));
    expect([response.status, response.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await count('plan')).toBe(plans);
  });
});
