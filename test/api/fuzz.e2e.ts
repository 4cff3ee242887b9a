import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { startTestStack, startWorker, TestStack } from '../support/test-stack';
import { tableChecksums, TableChecksum } from '../support/table-checksums';
import { inSeconds, waitFor } from '../support/wait-for';
import { buildOrganisation } from './api-fixtures';
import { Fixture, OpenApiDocument, Operation, operationsOf, plan, PlannedRequest, recipe, Role, ROLES } from './fuzz/malformed-requests';

// 10,000 malformed requests derived from the OpenAPI document, across every operation and every
// role (see fuzz/malformed-requests.ts for what they are and why each must be refused). Asserts:
// no 5xx, every error in the error body of API.md, no row changed in any table. The seed is
// printed; BEVAKA_FUZZ_SEED=<seed> sends the same requests again.
const REQUESTS = 10_000;
const BATCHES = 40;
const IN_FLIGHT = 8;
const seed = Number(process.env.BEVAKA_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface Finding {
  label: string;
  url: string;
  status: number;
  body: string;
}

describe(`malformed requests from the OpenAPI document (seed ${seed})`, () => {
  let stack: TestStack;
  let baseUrl: string;
  let operations: Operation[];
  let fixture: Fixture;
  let before: TableChecksum[];
  const seen = new Set<string>();

  beforeAll(async () => {
    process.stdout.write(`[fuzz] seed ${seed}: BEVAKA_FUZZ_SEED=${seed} repeats this run\n`);
    stack = await startTestStack({ api: true, worker: false });
    // A worker only to open the occurrence that the requests then name; stopped before they start,
    // so that nothing but the requests could change a row.
    const worker = await startWorker(stack.config);
    const org = await buildOrganisation(stack.api!, 'fuzz');
    const planId = (await org.cora.post('/api/plans', { title: 'Fuzzplan', startDate: '2026-01-01' })).body.id as string;
    const actionId = (await org.cora.post(`/api/plans/${planId}/actions`, { title: 'Möte', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(3600)] }, policy: {} })).body.id as string;
    const [occurrence] = await waitFor(async () => (await org.cora.get(`/api/occurrences?actionId=${actionId}`)).body.items, { what: 'the occurrence' });
    const substituteId = (await org.cora.post(`/api/people/${org.ids.olle}/substitutes`, { substitutePersonId: org.ids.ulla, startsOn: '2031-07-01', endsOn: '2031-07-31' })).body.id as string;
    const feed = (await org.olle.post('/api/me/calendar-feeds', {})).body as { id: string; url: string };
    await worker.close();

    const ids: Record<string, string> = {
      units: org.ids.kultur,
      people: org.ids.olle,
      plans: planId,
      actions: actionId,
      occurrences: occurrence.id,
      'calendar-feeds': feed.id,
      calendar: feed.url.split('/').pop()!.replace(/\.ics$/, ''),
    };
    fixture = {
      pathValue: (path, param) => {
        if (param === 'period') return '2026H1';
        if (param === 'substituteId') return substituteId;
        const segment = path.split('/').filter((s) => s && !s.startsWith('{')).filter((s) => s !== 'api' && s !== 'me').shift() ?? '';
        return ids[segment] ?? '00000000-0000-4000-8000-000000000000';
      },
      tokens: { admin: org.admin.token, coordinator: org.cora.token, owner: org.olle.token, executive: org.kim.token, viewer: org.vera.token },
      someId: org.ids.olle,
    };
    operations = operationsOf((await request(stack.api!.getHttpServer()).get('/api/docs-json')).body as OpenApiDocument);
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    before = await tableChecksums(stack.dataSource);
  });
  afterAll(() => stack?.close());

  const batch = (n: number) => async () => {
    const size = REQUESTS / BATCHES;
    const recipes = fc.sample(recipe, { seed: seed + n, numRuns: size });
    const planned = recipes.map((r, i) => {
      const index = n * size + i;
      const operation = operations[index % operations.length];
      const role = ROLES[Math.floor(index / operations.length) % ROLES.length];
      seen.add(`${role} ${operation.method} ${operation.path}`);
      return plan(operation, role, r, fixture);
    });
    const findings: Finding[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (next < planned.length) await send(planned[next++], findings);
    }));
    expect(findings.slice(0, 20)).toEqual([]);
  };

  async function send(planned: PlannedRequest, findings: Finding[]): Promise<void> {
    const finding = (problem: string, status = 0, body = '') => findings.push({ label: `${planned.label}: ${problem}`, url: planned.url.slice(0, 300), status, body: body.slice(0, 300) });
    try {
      const response = await fetch(baseUrl + planned.url, { method: planned.method, headers: planned.headers, body: planned.body });
      const text = await response.text();
      const problem = judge(planned, response.status, response.headers.get('content-type') ?? '', text);
      if (problem) finding(problem, response.status, text);
    } catch (error) {
      finding(`no answer: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`);
    }
  }

  for (let n = 0; n < BATCHES; n++) it(`batch ${n + 1} of ${BATCHES}: ${REQUESTS / BATCHES} requests, no 5xx, every error in the error body`, batch(n));

  it('reached every operation in every role', () => {
    const missing = operations.flatMap((o) => ROLES.map((role: Role) => `${role} ${o.method} ${o.path}`)).filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
  });

  it('changed no row in any table', async () => {
    expect(await tableChecksums(stack.dataSource)).toEqual(before);
  });
});

function judge(planned: PlannedRequest, status: number, contentType: string, text: string): string | undefined {
  if (status >= 500) return `${status}`;
  if (status >= 400) {
    if (!contentType.includes('application/json')) return `a ${status} that is not JSON`;
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !Array.isArray(error.details)) return `a ${status} without the error body`;
    return undefined;
  }
  if (!planned.mayPass) return `${status} for a request that must be refused`;
  return undefined;
}
