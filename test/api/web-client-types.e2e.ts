import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestStack, TestStack } from '../support/test-stack';

/**
 * The web app's view of the API is generated from the OpenAPI document the API serves
 * (openapi-typescript): this suite generates it again and compares. After a change of the API,
 * `npm run api:types` writes the new file, and the web app's type check shows what to follow.
 */
const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'schema.ts');
const HEADER = '// Generated from the OpenAPI document of the API by `npm run api:types` (openapi-typescript). Do not edit.\n\n';

describe("the web app's API types", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false });
  });
  afterAll(() => stack?.close());

  it('are what the OpenAPI document says', async () => {
    const document = (await request(stack.api!.getHttpServer()).get('/api/docs-json')).body;
    const generated = HEADER + generate(document);
    if (process.env.BEVAKA_WRITE_API_TYPES === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});

/** openapi-typescript's own command (an ES module, which jest's module loader cannot run). */
function generate(document: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bevaka-openapi-'));
  try {
    writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(document));
    const cli = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, path.join(dir, 'openapi.json'), '--alphabetize', '--output', path.join(dir, 'schema.ts')], { stdio: 'pipe' });
    return readFileSync(path.join(dir, 'schema.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
