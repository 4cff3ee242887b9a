import request from 'supertest';
import { startTestStack, TestStack } from '../support/test-stack';

// API.md's endpoints are all in the OpenAPI document, with request schemas where they take a body.
const CONTRACT: Array<[string, string, boolean]> = [
  ['post', '/api/auth/login', true],
  ['post', '/api/units', true],
  ['get', '/api/units', false],
  ['patch', '/api/units/{id}', true],
  ['post', '/api/people', true],
  ['get', '/api/people', false],
  ['post', '/api/people/{id}/deactivate', false],
  ['post', '/api/people/{id}/reactivate', false],
  ['post', '/api/me/password', true],
  ['post', '/api/plans', true],
  ['get', '/api/plans', false],
  ['post', '/api/plans/{id}/import', false],
  // The coordinator's workbench (beyond API.md).
  ['patch', '/api/plans/{id}', true],
  ['post', '/api/plans/{id}/archive', true],
  ['post', '/api/plans/{id}/restore', true],
  ['post', '/api/plans/{id}/areas', true],
  ['patch', '/api/plans/{id}/areas/{areaId}', true],
  ['post', '/api/plans/{id}/schedule-preview', true],
  ['post', '/api/plans/{id}/policy-preview', true],
  ['post', '/api/actions/{id}/withdraw', true],
  ['get', '/api/actions/{id}/audit', false],
  ['post', '/api/plans/{id}/actions', true],
  ['get', '/api/actions/{id}', false],
  ['patch', '/api/actions/{id}', true],
  ['delete', '/api/actions/{id}', false],
  ['post', '/api/actions/{id}/pause', true],
  ['post', '/api/actions/{id}/resume', true],
  ['get', '/api/occurrences', false],
  ['post', '/api/occurrences/{id}/complete', true],
  ['post', '/api/occurrences/{id}/postpone', true],
  ['post', '/api/occurrences/{id}/skip', true],
  ['post', '/api/occurrences/{id}/reassign', true],
  ['get', '/api/me/tasks', false],
  ['get', '/api/escalations', false],
  ['get', '/api/notifications', false],
  ['get', '/api/plans/{id}/reports', false],
  ['get', '/api/plans/{id}/reports/{period}', false],
  ['get', '/health', false],
];

describe('OpenAPI document', () => {
  let stack: TestStack;
  let document: {
    paths: Record<string, Record<string, { requestBody?: unknown; parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties: Record<string, { enum?: string[]; description?: string }> }> };
  };
  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false });
    const response = await request(stack.api!.getHttpServer()).get('/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => stack?.close());

  it.each(CONTRACT)('%s %s is documented', (method, path, hasBody) => {
    const operation = document.paths[path]?.[method];
    expect(operation).toBeDefined();
    if (hasBody) expect(operation.requestBody).toBeDefined();
    expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
  });

  it.each([
    ['post', '/api/plans'],
    ['post', '/api/plans/{id}/actions'],
    ['post', '/api/plans/{id}/import'],
    ['post', '/api/occurrences/{id}/postpone'],
  ])('%s %s documents the Idempotency-Key header', (method, path) => {
    expect(document.paths[path][method].parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
  });

  it('documents followUp on actions, plans and occurrences, and paused as an action status', () => {
    for (const schema of ['ActionResponse', 'PlanResponse', 'OccurrenceResponse']) {
      expect(document.components.schemas[schema].properties.followUp).toMatchObject({ enum: ['pending', 'applied'], description: expect.stringContaining('pending') });
    }
    expect(document.components.schemas.ActionResponse.properties.status.enum).toContain('paused');
  });

  it('serves the OpenAPI UI without a token', async () => {
    const response = await request(stack.api!.getHttpServer()).get('/api/docs/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
  });
});
