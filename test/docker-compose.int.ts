import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// No Docker engine runs here, but `docker compose config` parses, interpolates and validates the
// file against the Compose specification without one. scripts/test.sh makes sure it is installed.
const root = path.resolve(__dirname, '..');

function composeConfig(env: Record<string, string> = {}) {
  const run = spawnSync('docker', ['compose', '-f', 'docker-compose.yml', 'config', '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: process.env.DOCKER_CONFIG ?? '', ...env },
  });
  if (run.status !== 0) throw new Error(`docker compose config failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('docker-compose.yml', () => {
  it('parses and has PostgreSQL, Temporal on it, its UI, the API and workers', () => {
    const config = composeConfig();
    expect(Object.keys(config.services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-ui', 'worker']);
    expect(config.services.temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    expect(config.services.worker.build.context).toBe(root);
    expect(config.services.worker.command).toEqual(['node', 'dist/apps/worker/main.js']);
    expect(config.services.api.command).toEqual(['node', 'dist/apps/api/main.js']);
  });

  it('wires api and worker to the same PostgreSQL and Temporal, from the environment', () => {
    const config = composeConfig({ POSTGRES_PASSWORD: 's3cret', BEVAKA_TIMEZONE: 'Europe/Copenhagen' });
    for (const service of ['api', 'worker']) {
      expect(config.services[service].environment).toMatchObject({
        DATABASE_URL: 'postgres://bevaka:s3cret@postgres:5432/bevaka',
        TEMPORAL_ADDRESS: 'temporal:7233',
        BEVAKA_TIMEZONE: 'Europe/Copenhagen',
      });
    }
    expect(config.services.temporal.environment.POSTGRES_PWD).toBe('s3cret');
  });

  it('runs the commands the Dockerfile builds', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist dist/);
  });
});
