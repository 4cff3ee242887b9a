import request from 'supertest';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { ApiOrg, buildOrganisation } from './api-fixtures';

type Who = 'admin' | 'cora' | 'olle' | 'otto' | 'kim' | 'vera' | 'anonymous';
type Case = { method: 'get' | 'post' | 'patch' | 'delete'; path: (c: Ctx) => string; body?: (c: Ctx) => object; allowed: Who[] };
interface Ctx {
  org: ApiOrg;
  planId: string;
  actionId: string;
  occurrenceId: string;
}

const EVERYONE: Who[] = ['admin', 'cora', 'olle', 'otto', 'kim', 'vera'];
const COORDINATION: Who[] = ['admin', 'cora'];

// Every endpoint × every role. "Allowed" means not 401/403 (the request may still be refused for
// its content); everyone else gets 401 (anonymous) or 403. Otto owns tasks in another unit than
// Olle's action, so he must not touch it; Kim heads the organisation but nothing escalated yet.
const CASES: Case[] = [
  { method: 'get', path: () => '/api/me', allowed: EVERYONE },
  { method: 'get', path: () => '/api/units', allowed: EVERYONE },
  { method: 'post', path: () => '/api/units', body: () => ({ name: 'Ny enhet' }), allowed: COORDINATION },
  { method: 'patch', path: (c) => `/api/units/${c.org.ids.kultur}`, body: () => ({ name: 'Kultur och fritid' }), allowed: COORDINATION },
  { method: 'get', path: () => '/api/people', allowed: EVERYONE },
  { method: 'post', path: () => '/api/people', body: () => ({ name: 'Ny', email: `ny-${Math.random()}@kommun.se`, roles: ['owner'] }), allowed: COORDINATION },
  { method: 'patch', path: (c) => `/api/people/${c.org.ids.otto}`, body: () => ({ name: 'Otto O' }), allowed: COORDINATION },
  { method: 'get', path: (c) => `/api/people/${c.org.ids.olle}/substitutes`, allowed: EVERYONE },
  { method: 'post', path: (c) => `/api/people/${c.org.ids.olle}/substitutes`, body: (c) => ({ substitutePersonId: c.org.ids.ulla, startsOn: '2031-07-01', endsOn: '2031-07-31' }), allowed: COORDINATION },
  { method: 'get', path: () => '/api/plans', allowed: EVERYONE },
  { method: 'post', path: () => '/api/plans', body: () => ({ title: 'Ny plan', startDate: '2026-01-01' }), allowed: COORDINATION },
  { method: 'get', path: (c) => `/api/plans/${c.planId}`, allowed: EVERYONE },
  { method: 'post', path: (c) => `/api/plans/${c.planId}/actions`, body: () => ({ title: 'Ny', schedule: { text: 'Löpande' } }), allowed: COORDINATION },
  { method: 'post', path: (c) => `/api/plans/${c.planId}/import?dryRun=true`, body: () => ({ text: 'AKTIVITET;NÄR;ANSVAR\nMöte;Q1 2030;Kultur' }), allowed: COORDINATION },
  { method: 'get', path: (c) => `/api/plans/${c.planId}/audit`, allowed: COORDINATION },
  { method: 'get', path: (c) => `/api/plans/${c.planId}/reports`, allowed: EVERYONE },
  { method: 'get', path: (c) => `/api/plans/${c.planId}/reports/2030H1`, allowed: EVERYONE },
  { method: 'get', path: (c) => `/api/actions/${c.actionId}`, allowed: EVERYONE },
  { method: 'patch', path: (c) => `/api/actions/${c.actionId}`, body: () => ({ title: 'Informationsmöte (ändrad)' }), allowed: COORDINATION },
  { method: 'get', path: (c) => `/api/actions/${c.actionId}/audit`, allowed: COORDINATION },
  { method: 'post', path: (c) => `/api/actions/${c.actionId}/pause`, body: () => ({ reason: 'Vilande' }), allowed: COORDINATION },
  { method: 'post', path: (c) => `/api/actions/${c.actionId}/resume`, body: () => ({}), allowed: COORDINATION },
  { method: 'get', path: () => '/api/occurrences', allowed: EVERYONE },
  { method: 'get', path: () => '/api/me/tasks', allowed: EVERYONE },
  { method: 'get', path: () => '/api/escalations?to=me', allowed: EVERYONE },
  { method: 'get', path: () => '/api/notifications?to=me', allowed: EVERYONE },
  { method: 'post', path: (c) => `/api/occurrences/${c.occurrenceId}/postpone`, body: () => ({ due: inSeconds(7200), reason: 'Omplanering' }), allowed: ['admin', 'cora', 'olle'] },
  { method: 'post', path: (c) => `/api/occurrences/${c.occurrenceId}/reassign`, body: (c) => ({ ownerPersonId: c.org.ids.olle }), allowed: COORDINATION },
  { method: 'post', path: (c) => `/api/occurrences/${c.occurrenceId}/skip`, body: () => ({ reason: 'Utgår' }), allowed: COORDINATION },
  { method: 'delete', path: (c) => `/api/actions/${c.actionId}`, allowed: COORDINATION },
];

describe('roles on every endpoint', () => {
  let stack: TestStack;
  const ctx = {} as Ctx;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    ctx.org = await buildOrganisation(stack.api!, 'roles');
    ctx.planId = (await ctx.org.cora.post('/api/plans', { title: 'Rollplan', startDate: '2030-01-01' })).body.id;
    ctx.actionId = (
      await ctx.org.cora.post(`/api/plans/${ctx.planId}/actions`, { title: 'Informationsmöte', ownerPersonIds: [ctx.org.ids.olle], schedule: { due: [inSeconds(3600)] }, policy: {} })
    ).body.id;
    const [occurrence] = await waitFor(async () => (await ctx.org.cora.get(`/api/occurrences?actionId=${ctx.actionId}`)).body.items, { what: 'the occurrence' });
    ctx.occurrenceId = occurrence.id;
  });
  afterAll(() => stack?.close());

  const call = (who: Who, c: Case) => {
    const path = c.path(ctx);
    const body = c.body?.(ctx);
    if (who === 'anonymous') return request(stack.api!.getHttpServer())[c.method](path).send(body);
    return ctx.org[who][c.method](path, body);
  };

  const rows = CASES.flatMap((c) => (['admin', 'cora', 'olle', 'otto', 'kim', 'vera', 'anonymous'] as Who[]).map((who) => [c.method.toUpperCase(), c, who] as const));

  it.each(rows)('%s %#', async (_method, c, who) => {
    const response = await call(who, c);
    const label = `${who} ${c.method.toUpperCase()} ${c.path(ctx)} → ${response.status} ${JSON.stringify(response.body?.error ?? '')}`;
    if (who === 'anonymous') expect(label).toMatch(/ → 401 /);
    else if (c.allowed.includes(who)) expect(label).not.toMatch(/ → (401|403) /);
    else expect(label).toMatch(/ → 403 /);
    expect(response.status).toBeLessThan(500);
  });
});
