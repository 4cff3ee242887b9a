import request from 'supertest';
import { ApiClient, loginAs } from '../support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { todayInStockholm } from '../support/local-date';
import { ApiOrg, buildOrganisation, PASSWORD } from './api-fixtures';
import { ReportingRoundRepository } from '../../libs/persistence/repositories/reporting-round.repository';
import { UnsubscribeTokenRepository } from '../../libs/persistence/repositories/unsubscribe-token.repository';
import { planReportingWorkflowId } from '../../workflows/contracts/engine';

type Who = 'admin' | 'cora' | 'olle' | 'otto' | 'kim' | 'vera' | 'anonymous';
type SignedIn = Exclude<Who, 'anonymous'>;
const WHO: Who[] = ['admin', 'cora', 'olle', 'otto', 'kim', 'vera', 'anonymous'];
const EVERYONE: Who[] = ['admin', 'cora', 'olle', 'otto', 'kim', 'vera'];
const ANYONE: Who[] = [...EVERYONE, 'anonymous'];
const COORDINATION: Who[] = ['admin', 'cora'];
const ADMIN: Who[] = ['admin'];

interface Ctx {
  org: ApiOrg;
  planId: string;
  importPlanId: string;
  actionId: string;
  occurrenceId: string;
  completeOccurrenceId: string;
  /** A quota's period ("minst N gånger"), Olle's, logged time by time. */
  quotaOccurrenceId: string;
  escalationId: string;
  feedToken: string;
  /** Anna's one-click unsubscribe token, as her mail would carry it. */
  unsubscribeToken: string;
  /** Olle's status report in the plan's open reporting round (period ROUND). */
  statusReportId: string;
}
const ROUND = 'R9';
/** Ids a case makes for itself before each call (a substitute to delete, a person to deactivate…). */
type Made = Record<string, string>;

interface Case {
  /** The route as the router declares it: the matrix's key, compared with every route the API has. */
  route: string;
  path: (c: Ctx, made: Made, who: Who) => string;
  body?: (c: Ctx, made: Made, who: Who) => object;
  /** Sent as multipart/form-data with this file in the field "file". */
  file?: { name: string; content: string };
  /** Runs before each call, as the admin: what this call needs, fresh. */
  make?: (c: Ctx, who: Who) => Promise<Made>;
  /** Call with a session of its own (logout must not end the session the other rows use). */
  freshSession?: true;
  allowed: Who[];
  /** The error code of a refusal, where it is not FORBIDDEN (the admin's own powers: ADMIN_ONLY). */
  refusedWith?: Partial<Record<Who, string>>;
}

const emailOf = (who: SignedIn) => (who === 'admin' ? TEST_ADMIN.email : `${who}.roles@kommun.se`);
const passwordOf = (who: SignedIn) => (who === 'admin' ? TEST_ADMIN.password : PASSWORD);
const ADMIN_ONLY_FOR_CORA = { cora: 'ADMIN_ONLY' };
const IMPORT = 'AKTIVITET;NÄR;ANSVAR\nMöte med företagen;Q1 2030;Kultur';
let serial = 0;
const unique = () => `${Date.now().toString(36)}${++serial}`;

// Every route × every role. "Allowed" means neither 401 nor 403 (the request may still be refused
// for its content, e.g. 404 or 409); everyone else gets 401 (anonymous) or 403 with its code. Otto
// owns tasks in another unit than Olle's actions, so he must not touch them; Kim heads the
// organisation and gets the escalation of step 2. A route missing here fails the first test.
const CASES: Case[] = [
  // Public: signing in, health, the API's documentation, secret calendar links.
  {
    route: 'POST /api/auth/login',
    path: () => '/api/auth/login',
    body: (_c, _m, who) => (who === 'anonymous' ? { email: 'anna.roles@kommun.se', password: PASSWORD } : { email: emailOf(who), password: passwordOf(who) }),
    allowed: ANYONE,
  },
  // Sign-in with the organisation's provider: public; without a provider configured, /login and
  // /callback send the browser back to the login page with a reason, /session finds nothing.
  { route: 'GET /api/auth/providers', path: () => '/api/auth/providers', allowed: ANYONE },
  { route: 'GET /api/auth/oidc/login', path: () => '/api/auth/oidc/login', allowed: ANYONE },
  { route: 'GET /api/auth/oidc/callback', path: () => '/api/auth/oidc/callback?code=x&state=y', allowed: ANYONE },
  { route: 'POST /api/auth/oidc/session', path: () => '/api/auth/oidc/session', allowed: ANYONE },
  { route: 'GET /health', path: () => '/health', allowed: ANYONE },
  { route: 'GET /api/docs', path: () => '/api/docs', allowed: ANYONE },
  { route: 'GET /api/docs/', path: () => '/api/docs/', allowed: ANYONE },
  { route: 'GET /api/docs/index.html', path: () => '/api/docs/index.html', allowed: ANYONE },
  { route: 'GET /api/docs/LICENSE', path: () => '/api/docs/LICENSE', allowed: ANYONE },
  { route: 'GET /api/docs/swagger-ui-init.js', path: () => '/api/docs/swagger-ui-init.js', allowed: ANYONE },
  { route: 'GET /api/docs/docs/swagger-ui-init.js', path: () => '/api/docs/docs/swagger-ui-init.js', allowed: ANYONE },
  { route: 'GET /api/docs-json', path: () => '/api/docs-json', allowed: ANYONE },
  { route: 'GET /api/docs-yaml', path: () => '/api/docs-yaml', allowed: ANYONE },
  { route: 'GET /api/calendar/:token.ics', path: (c) => `/api/calendar/${c.feedToken}.ics`, allowed: ANYONE },
  // A mail client's one-click unsubscribe (RFC 8058): the token is the credential, a session adds nothing.
  { route: 'GET /api/notifications/unsubscribe', path: (c) => `/api/notifications/unsubscribe?token=${c.unsubscribeToken}`, allowed: ANYONE },
  { route: 'POST /api/notifications/unsubscribe', path: (c) => `/api/notifications/unsubscribe?token=${c.unsubscribeToken}`, body: () => ({ 'List-Unsubscribe': 'One-Click' }), allowed: ANYONE },

  // Oneself.
  { route: 'POST /api/auth/logout', path: () => '/api/auth/logout', freshSession: true, allowed: EVERYONE },
  { route: 'GET /api/me', path: () => '/api/me', allowed: EVERYONE },
  {
    route: 'POST /api/me/password',
    path: () => '/api/me/password',
    body: (_c, _m, who) => (who === 'anonymous' ? { currentPassword: PASSWORD, newPassword: PASSWORD } : { currentPassword: passwordOf(who), newPassword: passwordOf(who) }),
    allowed: EVERYONE,
  },
  { route: 'GET /api/me/tasks', path: () => '/api/me/tasks', allowed: EVERYONE },
  { route: 'GET /api/me/notification-preferences', path: () => '/api/me/notification-preferences', allowed: EVERYONE },
  { route: 'PUT /api/me/notification-preferences', path: () => '/api/me/notification-preferences', body: () => ({ locale: 'sv' }), allowed: EVERYONE },
  { route: 'POST /api/me/calendar-feeds', path: () => '/api/me/calendar-feeds', body: () => ({}), allowed: EVERYONE },
  { route: 'POST /api/me/calendar-feeds', path: () => '/api/me/calendar-feeds', body: (c) => ({ planId: c.planId }), allowed: COORDINATION },
  { route: 'GET /api/me/calendar-feeds', path: () => '/api/me/calendar-feeds', allowed: EVERYONE },
  {
    route: 'DELETE /api/me/calendar-feeds/:id',
    path: (_c, made) => `/api/me/calendar-feeds/${made.feedId}`,
    make: async (c, who) => ({ feedId: (await c.org[who === 'anonymous' ? 'olle' : who].post('/api/me/calendar-feeds', {})).body.id }),
    allowed: EVERYONE,
  },
  { route: 'GET /api/notifications', path: () => '/api/notifications?to=me', allowed: EVERYONE },
  { route: 'GET /api/notifications/unread-count', path: () => '/api/notifications/unread-count', allowed: EVERYONE },
  { route: 'POST /api/notifications/read-all', path: () => '/api/notifications/read-all', allowed: EVERYONE },
  // Someone else's notice or none: 404 for every signed-in caller, 401 for anyone else.
  { route: 'POST /api/notifications/:id/read', path: () => '/api/notifications/00000000-0000-4000-8000-000000000000/read', allowed: EVERYONE },

  // The organisation chart.
  { route: 'GET /api/units', path: () => '/api/units', allowed: EVERYONE },
  { route: 'POST /api/units', path: () => '/api/units', body: () => ({ name: `Ny enhet ${unique()}` }), allowed: COORDINATION },
  { route: 'PATCH /api/units/:id', path: (c) => `/api/units/${c.org.ids.kultur}`, body: () => ({ name: 'Kultur och fritid' }), allowed: COORDINATION },
  { route: 'POST /api/organisation/import', path: () => '/api/organisation/import?dryRun=true', body: () => ({ text: 'Enhet;Namn;E-post\nFritid;Fia;fia.matrix@kommun.se' }), allowed: COORDINATION },
  { route: 'POST /api/organisation/import', path: () => '/api/organisation/import', file: { name: 'chart.csv', content: `Enhet;Namn;E-post\nEnhet ${unique()};;` }, allowed: COORDINATION },
  { route: 'GET /api/people', path: () => '/api/people', allowed: EVERYONE },
  { route: 'POST /api/people', path: () => '/api/people', body: () => ({ name: 'Ny', email: `ny-${unique()}@kommun.se`, roles: ['owner'] }), allowed: COORDINATION },
  {
    route: 'POST /api/people',
    path: () => '/api/people',
    body: () => ({ name: 'Ny med lösenord', email: `ny-${unique()}@kommun.se`, roles: ['owner'], password: 'ett-långt-lösenord' }),
    allowed: ADMIN,
    refusedWith: ADMIN_ONLY_FOR_CORA,
  },
  { route: 'POST /api/people', path: () => '/api/people', body: () => ({ name: 'Ny admin', email: `ny-${unique()}@kommun.se`, roles: ['admin'] }), allowed: ADMIN, refusedWith: ADMIN_ONLY_FOR_CORA },
  { route: 'PATCH /api/people/:id', path: (c) => `/api/people/${c.org.ids.otto}`, body: () => ({ name: 'Otto O' }), allowed: COORDINATION },
  {
    route: 'PATCH /api/people/:id',
    path: (_c, made) => `/api/people/${made.personId}`,
    make: async (c) => ({ personId: await newPerson(c, ['owner']) }), // a role change ends that person's sessions
    body: () => ({ roles: ['owner', 'viewer'] }),
    allowed: COORDINATION,
  },
  {
    route: 'PATCH /api/people/:id',
    path: (_c, made) => `/api/people/${made.personId}`,
    make: async (c) => ({ personId: await newPerson(c, ['owner']) }),
    body: () => ({ roles: ['owner', 'admin'] }),
    allowed: ADMIN,
    refusedWith: ADMIN_ONLY_FOR_CORA,
  },
  {
    route: 'PATCH /api/people/:id',
    path: (_c, made) => `/api/people/${made.personId}`,
    make: async (c) => ({ personId: await newPerson(c, ['owner', 'admin']) }),
    body: () => ({ roles: ['owner'] }),
    allowed: ADMIN,
    refusedWith: ADMIN_ONLY_FOR_CORA,
  },
  {
    route: 'PATCH /api/people/:id',
    path: (_c, made) => `/api/people/${made.personId}`,
    make: async (c) => ({ personId: await newPerson(c, ['owner']) }),
    body: () => ({ password: 'ett-nytt-långt-lösenord' }),
    allowed: ADMIN,
    refusedWith: ADMIN_ONLY_FOR_CORA,
  },
  {
    route: 'POST /api/people/:id/deactivate',
    path: (_c, made) => `/api/people/${made.personId}/deactivate`,
    make: async (c) => ({ personId: await newPerson(c, ['owner']) }),
    allowed: COORDINATION,
  },
  {
    route: 'POST /api/people/:id/deactivate',
    path: (_c, made) => `/api/people/${made.personId}/deactivate`,
    make: async (c) => ({ personId: await newPerson(c, ['admin']) }),
    allowed: ADMIN,
    refusedWith: ADMIN_ONLY_FOR_CORA,
  },
  {
    route: 'POST /api/people/:id/reactivate',
    path: (_c, made) => `/api/people/${made.personId}/reactivate`,
    make: async (c) => {
      const personId = await newPerson(c, ['owner']);
      await c.org.admin.post(`/api/people/${personId}/deactivate`);
      return { personId };
    },
    allowed: COORDINATION,
  },
  { route: 'GET /api/people/:id/substitutes', path: (c) => `/api/people/${c.org.ids.olle}/substitutes`, allowed: EVERYONE },
  {
    route: 'POST /api/people/:id/substitutes',
    path: (c) => `/api/people/${c.org.ids.olle}/substitutes`,
    body: (c) => ({ substitutePersonId: c.org.ids.ulla, startsOn: '2031-07-01', endsOn: '2031-07-31' }),
    allowed: COORDINATION,
  },
  {
    route: 'DELETE /api/people/:id/substitutes/:substituteId',
    path: (c, made) => `/api/people/${c.org.ids.olle}/substitutes/${made.substituteId}`,
    make: async (c) => ({
      substituteId: (await c.org.admin.post(`/api/people/${c.org.ids.olle}/substitutes`, { substitutePersonId: c.org.ids.ulla, startsOn: '2032-01-01', endsOn: '2032-01-31' })).body.id,
    }),
    allowed: COORDINATION,
  },

  // Plans, actions and their reports.
  { route: 'GET /api/plans', path: () => '/api/plans', allowed: EVERYONE },
  { route: 'POST /api/plans', path: () => '/api/plans', body: () => ({ title: 'Ny plan', startDate: '2026-01-01' }), allowed: COORDINATION },
  { route: 'GET /api/plans/:id', path: (c) => `/api/plans/${c.planId}`, allowed: EVERYONE },
  { route: 'POST /api/plans/:id/actions', path: (c) => `/api/plans/${c.planId}/actions`, body: () => ({ title: 'Ny', schedule: { text: 'Löpande' } }), allowed: COORDINATION },
  { route: 'POST /api/plans/:id/import', path: (c) => `/api/plans/${c.importPlanId}/import?dryRun=true`, body: () => ({ text: IMPORT }), allowed: COORDINATION },
  { route: 'POST /api/plans/:id/import', path: (c) => `/api/plans/${c.importPlanId}/import`, file: { name: 'plan.csv', content: IMPORT }, allowed: COORDINATION },
  { route: 'GET /api/plans/:id/audit', path: (c) => `/api/plans/${c.planId}/audit`, allowed: COORDINATION },
  { route: 'GET /api/plans/:id/reports', path: (c) => `/api/plans/${c.planId}/reports`, allowed: EVERYONE },
  { route: 'GET /api/plans/:id/reports/:period', path: (c) => `/api/plans/${c.planId}/reports/2030H1`, allowed: EVERYONE },
  { route: 'GET /api/plans/:id/reports/:period', path: (c) => `/api/plans/${c.planId}/reports/2030H1?draft=true`, allowed: COORDINATION },
  { route: 'GET /api/actions/:id', path: (c) => `/api/actions/${c.actionId}`, allowed: EVERYONE },
  { route: 'PATCH /api/actions/:id', path: (c) => `/api/actions/${c.actionId}`, body: () => ({ title: 'Informationsmöte (ändrad)' }), allowed: COORDINATION },
  { route: 'GET /api/actions/:id/audit', path: (c) => `/api/actions/${c.actionId}/audit`, allowed: COORDINATION },
  { route: 'POST /api/actions/:id/pause', path: (c) => `/api/actions/${c.actionId}/pause`, body: () => ({ reason: 'Vilande' }), allowed: COORDINATION },
  { route: 'POST /api/actions/:id/resume', path: (c) => `/api/actions/${c.actionId}/resume`, body: () => ({}), allowed: COORDINATION },
  {
    route: 'POST /api/actions/:id/withdraw',
    path: (_c, made) => `/api/actions/${made.actionId}/withdraw`,
    body: () => ({ reason: 'Utgår' }),
    make: async (c) => ({ actionId: (await c.org.admin.post(`/api/plans/${c.importPlanId}/actions`, { title: `Att återkalla ${unique()}`, schedule: { text: 'Löpande' } })).body.id }),
    allowed: COORDINATION,
  },
  { route: 'PATCH /api/plans/:id', path: (c) => `/api/plans/${c.planId}`, body: () => ({ title: 'Ett bättre näringslivsklimat' }), allowed: COORDINATION },
  {
    route: 'POST /api/plans/:id/archive',
    path: (_c, made) => `/api/plans/${made.planId}/archive`,
    body: () => ({ reason: 'Ersatt' }),
    make: async (c) => ({ planId: (await c.org.admin.post('/api/plans', { title: `Att arkivera ${unique()}`, startDate: '2026-01-01' })).body.id }),
    allowed: COORDINATION,
  },
  {
    route: 'POST /api/plans/:id/restore',
    path: (_c, made) => `/api/plans/${made.planId}/restore`,
    body: () => ({}),
    make: async (c) => {
      const planId = (await c.org.admin.post('/api/plans', { title: `Att återställa ${unique()}`, startDate: '2026-01-01' })).body.id;
      await c.org.admin.post(`/api/plans/${planId}/archive`, { reason: 'Ersatt' });
      return { planId };
    },
    allowed: COORDINATION,
  },
  { route: 'POST /api/plans/:id/areas', path: (c) => `/api/plans/${c.importPlanId}/areas`, body: () => ({ title: `Område ${unique()}` }), allowed: COORDINATION },
  {
    route: 'PATCH /api/plans/:id/areas/:areaId',
    path: (c, made) => `/api/plans/${c.importPlanId}/areas/${made.areaId}`,
    body: () => ({ title: `Område ${unique()}`, position: 0 }),
    make: async (c) => ({ areaId: (await c.org.admin.post(`/api/plans/${c.importPlanId}/areas`, { title: `Område ${unique()}` })).body.id }),
    allowed: COORDINATION,
  },
  // Minutes (issue 15): read into a plan by coordinators; the balance list's questions seen by all.
  { route: 'POST /api/plans/:id/minutes', path: (c) => `/api/plans/${c.importPlanId}/minutes?dryRun=true`, body: () => ({ text: 'Anders följer upp.' }), allowed: COORDINATION },
  { route: 'POST /api/plans/:id/minutes', path: (c) => `/api/plans/${c.importPlanId}/minutes`, body: () => ({ text: `§ 1 Möte ${unique()}\nAnders följer upp.` }), allowed: COORDINATION },
  { route: 'GET /api/plans/:id/meetings', path: (c) => `/api/plans/${c.importPlanId}/meetings`, allowed: EVERYONE },
  { route: 'GET /api/plans/:id/open-questions', path: (c) => `/api/plans/${c.importPlanId}/open-questions?status=open`, allowed: EVERYONE },
  {
    route: 'POST /api/open-questions/:id/assign',
    path: (_c, made) => `/api/open-questions/${made.questionId}/assign`,
    body: (c) => ({ ownerPersonIds: [c.org.ids.olle] }),
    make: async (c) => ({ questionId: await openQuestion(c) }),
    allowed: COORDINATION,
  },
  {
    route: 'POST /api/open-questions/:id/close',
    path: (_c, made) => `/api/open-questions/${made.questionId}/close`,
    body: () => ({ reason: 'Besvarad' }),
    make: async (c) => ({ questionId: await openQuestion(c) }),
    allowed: COORDINATION,
  },
  { route: 'POST /api/plans/:id/policy-preview', path: (c) => `/api/plans/${c.planId}/policy-preview`, body: () => ({ policy: { remindBefore: ['P14D'], escalateAfter: ['P7D'] } }), allowed: COORDINATION },
  { route: 'POST /api/plans/:id/schedule-preview', path: (c) => `/api/plans/${c.planId}/schedule-preview`, body: () => ({ text: 'två gånger per år', when: 'Q1 2027' }), allowed: COORDINATION },

  // Occurrences and escalations.
  { route: 'GET /api/occurrences', path: () => '/api/occurrences', allowed: EVERYONE },
  { route: 'GET /api/occurrences/:id', path: (c) => `/api/occurrences/${c.occurrenceId}`, allowed: EVERYONE },
  { route: 'GET /api/occurrences/:id/history', path: (c) => `/api/occurrences/${c.occurrenceId}/history`, allowed: EVERYONE },
  // Reporting rounds: everyone sees a plan's rounds; owners their status reports; coordinators the rest.
  { route: 'GET /api/plans/:id/rounds', path: (c) => `/api/plans/${c.planId}/rounds`, allowed: EVERYONE },
  { route: 'GET /api/plans/:id/rounds/:period', path: (c) => `/api/plans/${c.planId}/rounds/${ROUND}`, allowed: COORDINATION },
  { route: 'GET /api/occurrences/:id/status-report', path: (c) => `/api/occurrences/${c.statusReportId}/status-report`, allowed: ['admin', 'cora', 'olle'] },
  {
    route: 'POST /api/occurrences/:id/status-report',
    path: (c) => `/api/occurrences/${c.statusReportId}/status-report`,
    body: () => ({ assessment: 'on-track', comment: 'Enligt plan' }),
    allowed: ['admin', 'cora', 'olle'],
  },
  {
    route: 'POST /api/plans/:id/rounds/:period/status-reports/:occurrenceId/return',
    path: (c) => `/api/plans/${c.planId}/rounds/${ROUND}/status-reports/${c.statusReportId}/return`,
    body: () => ({ note: 'Komplettera' }),
    allowed: COORDINATION,
  },
  { route: 'PUT /api/plans/:id/rounds/:period/summaries', path: (c) => `/api/plans/${c.planId}/rounds/${ROUND}/summaries`, body: () => ({ overall: 'Sammanfattning' }), allowed: COORDINATION },
  { route: 'POST /api/plans/:id/rounds/:period/approve', path: (c) => `/api/plans/${c.planId}/rounds/${ROUND}/approve`, allowed: COORDINATION },
  {
    route: 'PUT /api/plans/:id/rounds/:period/board-decision',
    path: (c) => `/api/plans/${c.planId}/rounds/${ROUND}/board-decision`,
    body: () => ({ body: 'KS', date: '2030-09-15', paragraph: '§ 1' }),
    allowed: COORDINATION,
  },
  {
    route: 'POST /api/occurrences/:id/entries',
    path: (c) => `/api/occurrences/${c.quotaOccurrenceId}/entries`,
    body: () => ({ happenedOn: todayInStockholm(), note: 'Företagsfrukost' }),
    allowed: ['admin', 'cora', 'olle'],
  },
  { route: 'GET /api/occurrences/:id/entries', path: (c) => `/api/occurrences/${c.quotaOccurrenceId}/entries`, allowed: EVERYONE },
  { route: 'POST /api/occurrences/:id/complete', path: (c) => `/api/occurrences/${c.completeOccurrenceId}/complete`, body: () => ({ note: 'Klart' }), allowed: ['admin', 'cora', 'olle'] },
  { route: 'POST /api/occurrences/:id/postpone', path: (c) => `/api/occurrences/${c.occurrenceId}/postpone`, body: () => ({ due: inSeconds(7200), reason: 'Omplanering' }), allowed: ['admin', 'cora', 'olle'] },
  { route: 'POST /api/occurrences/:id/reassign', path: (c) => `/api/occurrences/${c.occurrenceId}/reassign`, body: (c) => ({ ownerPersonId: c.org.ids.olle }), allowed: COORDINATION },
  { route: 'POST /api/occurrences/:id/skip', path: (c) => `/api/occurrences/${c.occurrenceId}/skip`, body: () => ({ reason: 'Utgår' }), allowed: COORDINATION },
  { route: 'GET /api/escalations', path: () => '/api/escalations?to=me', allowed: EVERYONE },
  { route: 'POST /api/escalations/:id/acknowledge', path: (c) => `/api/escalations/${c.escalationId}/acknowledge`, allowed: ['admin', 'cora', 'kim'] },
  { route: 'DELETE /api/actions/:id', path: (c) => `/api/actions/${c.actionId}`, allowed: COORDINATION },
];

/** A new open question on the balance list of the import plan, from minutes of its own. */
async function openQuestion(c: Ctx): Promise<string> {
  const read = await c.org.admin.post(`/api/plans/${c.importPlanId}/minutes`, { text: `§ 2 Fråga ${unique()}\nVem driver frågan vidare?` });
  return read.body.questions[0].id;
}

async function newPerson(c: Ctx, roles: string[]): Promise<string> {
  return (await c.org.admin.post('/api/people', { name: 'Tillfällig', email: `tillfallig-${unique()}@kommun.se`, roles })).body.id;
}

/** Every route the running API declares, from Express's router: nothing can hide from it. */
function declaredRoutes(stack: TestStack): string[] {
  const express = stack.api!.getHttpAdapter().getInstance();
  const layers = (express.router ?? express._router).stack as unknown as Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  return layers.flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`) : []));
}

/** `/api/people/:id/substitutes/:substituteId` → a pattern its paths (without the query) match. */
function routePattern(route: string): RegExp {
  const [, template] = route.split(' ');
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

describe('roles on every route', () => {
  let stack: TestStack;
  const ctx = {} as Ctx;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    ctx.org = await buildOrganisation(stack.api!, 'roles');
    const anna = (await ctx.org.admin.post('/api/people', { name: 'Anna', email: 'anna.roles@kommun.se', roles: ['viewer'], password: PASSWORD })).body.id as string;
    ctx.unsubscribeToken = await new UnsubscribeTokenRepository(stack.dataSource.manager).tokenFor(anna);
    const cora = ctx.org.cora;
    ctx.planId = (await cora.post('/api/plans', { title: 'Rollplan', startDate: '2030-01-01' })).body.id;
    ctx.importPlanId = (await cora.post('/api/plans', { title: 'Importplan', startDate: '2030-01-01' })).body.id;
    const action = async (title: string, due: string, policy: object) =>
      (await cora.post(`/api/plans/${ctx.planId}/actions`, { title, ownerPersonIds: [ctx.org.ids.olle], schedule: { due: [due] }, policy })).body.id as string;
    const firstOccurrence = async (actionId: string) =>
      (await waitFor(async () => (await cora.get(`/api/occurrences?actionId=${actionId}`)).body.items as Array<{ id: string }>, { what: 'the occurrence' }))[0].id;
    ctx.actionId = await action('Informationsmöte', inSeconds(3600), {});
    const completeActionId = await action('Klarmarkering', inSeconds(3600), {});
    const escalatedActionId = await action('Eskalerad', inSeconds(1), { escalateAfter: ['PT1S', 'PT1S'] });
    ctx.occurrenceId = await firstOccurrence(ctx.actionId);
    ctx.completeOccurrenceId = await firstOccurrence(completeActionId);
    const quotaActionId = (await cora.post(`/api/plans/${ctx.planId}/actions`, { title: 'Företagsträffar', ownerPersonIds: [ctx.org.ids.olle], schedule: { due: [inSeconds(86_400)], target: 100 } })).body.id as string;
    ctx.quotaOccurrenceId = await firstOccurrence(quotaActionId);
    const [escalation] = await waitFor(
      async () => ((await ctx.org.kim.get('/api/escalations?to=me')).body as Array<{ id: string; occurrence: { actionId: string } }>).filter((e) => e.occurrence.actionId === escalatedActionId),
      { what: "the escalation of step 2 to Kim, the kommunchef" },
    );
    ctx.escalationId = escalation.id;
    // A round of the plan open now (its workflow follows the half-year; this one is opened directly).
    const { unresolved } = await new ReportingRoundRepository(stack.dataSource.manager).open({
      planId: ctx.planId,
      period: { key: ROUND, startsAt: inSeconds(-86_400), endsAt: inSeconds(30 * 86_400) },
      deadline: inSeconds(29 * 86_400),
      freezesAt: inSeconds(60 * 86_400),
      returnFor: 'P7D',
      openedAt: new Date().toISOString(),
      workflowId: planReportingWorkflowId(ctx.planId),
    });
    ctx.statusReportId = unresolved.find((r) => r.actionId === ctx.actionId)!.id;
    ctx.feedToken = /\/api\/calendar\/([\w-]+)\.ics$/.exec((await ctx.org.olle.post('/api/me/calendar-feeds', {})).body.url)![1];
  }, 90_000);
  afterAll(() => stack?.close());

  it('has a row for every route the API declares, and no row for a route it does not', async () => {
    const declared = [...new Set(declaredRoutes(stack))].sort();
    const covered = new Set(CASES.map((c) => c.route));
    const withoutRow = declared.filter((r) => !covered.has(r));
    const stale = [...covered].filter((r) => !declared.includes(r));
    if (withoutRow.length) throw new Error(`Routes without a row in the authorisation matrix (test/api/roles.e2e.ts):\n  ${withoutRow.join('\n  ')}`);
    if (stale.length) throw new Error(`Matrix rows for routes the API does not declare:\n  ${stale.join('\n  ')}`);
    // The router and the OpenAPI document agree (the document is what clients and the fuzz test read).
    const document = (await request(stack.api!.getHttpServer()).get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.filter((r) => !declared.includes(r))).toEqual([]);
    // Each row calls the route it claims.
    for (const c of CASES) expect(`${c.route} ← ${c.path(ctx, { feedId: 'x', personId: 'x', substituteId: 'x' }, 'admin').split('?')[0]}`).toMatch(new RegExp(` ← ${routePattern(c.route).source.slice(1)}`));
  });

  const call = async (who: Who, c: Case) => {
    const made = (await c.make?.(ctx, who)) ?? {};
    const path = c.path(ctx, made, who);
    const method = c.route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const client: ApiClient | undefined = who === 'anonymous' ? undefined : c.freshSession ? await loginAs(stack.api!, emailOf(who), passwordOf(who)) : ctx.org[who];
    const http = request(stack.api!.getHttpServer())[method](path);
    if (client) http.set('Authorization', `Bearer ${client.token}`);
    if (c.file) return { path, response: await http.attach('file', Buffer.from(c.file.content), c.file.name) };
    return { path, response: await http.send(c.body?.(ctx, made, who)) };
  };

  const rows = CASES.flatMap((c) => WHO.map((who) => [c.route, who, c] as const));

  it.each(rows)('%s as %s', async (_route, who, c) => {
    const { path, response } = await call(who, c);
    const code = response.body?.error?.code;
    const label = `${who} ${c.route.split(' ')[0]} ${path} → ${response.status} ${code ?? ''}`;
    if (c.allowed.includes(who)) expect(label).not.toMatch(/ → (401|403) /);
    else if (who === 'anonymous') expect(label).toMatch(/ → 401 UNAUTHENTICATED$/);
    else expect(label).toMatch(new RegExp(` → 403 ${c.refusedWith?.[who] ?? 'FORBIDDEN'}$`));
    expect(response.status).toBeLessThan(500);
  });

  it("a plan's calendar feed stops answering once its coordinator is demoted", async () => {
    const carl = (await ctx.org.admin.post('/api/people', { name: 'Carl', email: 'carl.roles@kommun.se', roles: ['coordinator'], password: PASSWORD })).body.id;
    const asCarl = await loginAs(stack.api!, 'carl.roles@kommun.se', PASSWORD);
    const planFeed = new URL((await asCarl.post('/api/me/calendar-feeds', { planId: ctx.planId })).body.url).pathname;
    const ownFeed = new URL((await asCarl.post('/api/me/calendar-feeds', {})).body.url).pathname;
    const anonymous = () => request(stack.api!.getHttpServer());
    expect((await anonymous().get(planFeed)).status).toBe(200);
    expect((await ctx.org.cora.patch(`/api/people/${carl}`, { roles: ['owner'] })).status).toBe(200);
    expect((await anonymous().get(planFeed)).status).toBe(404);
    expect((await anonymous().get(ownFeed)).status).toBe(200); // his own tasks are still his to follow
    expect((await asCarl.get('/api/me')).status).toBe(401); // the role change ended his session
  });
});
