import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readClusterSettings } from '../scripts/cluster/cluster-settings';

// No Docker engine runs here, but `docker compose config` parses, interpolates and validates the
// file against the Compose specification without one. scripts/test.sh makes sure it is installed.
const root = path.resolve(__dirname, '..');
/** What every deployment must set: there are no defaults for these. */
const REQUIRED = { POSTGRES_PASSWORD: 's3cret', BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se' };

function compose(env: Record<string, string>, ...args: string[]) {
  return spawnSync('docker', ['compose', '-f', 'docker-compose.yml', ...args, 'config', '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: process.env.DOCKER_CONFIG ?? '', ...env },
  });
}

function composeConfig(env: Record<string, string> = {}, ...args: string[]) {
  const run = compose({ ...REQUIRED, ...env }, ...args);
  if (run.status !== 0) throw new Error(`docker compose config failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('docker-compose.yml', () => {
  it('parses and has PostgreSQL, Temporal on it, the API and workers; the Temporal UI only on request', () => {
    const config = composeConfig();
    expect(Object.keys(config.services).sort()).toEqual(['api', 'postgres', 'temporal', 'worker']);
    expect(config.services.temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    expect(config.services.worker.build.context).toBe(root);
    expect(config.services.worker.command).toEqual(['node', 'dist/apps/worker/main.js']);
    expect(config.services.api.command).toEqual(['node', 'dist/apps/api/main.js']);
    expect(Object.keys(composeConfig({}, '--profile', 'temporal-ui').services)).toContain('temporal-ui');
  });

  it('wires api and worker to the same PostgreSQL and Temporal, from the environment', () => {
    const config = composeConfig({ BEVAKA_TIMEZONE: 'Europe/Copenhagen' });
    for (const service of ['api', 'worker']) {
      expect(config.services[service].environment).toMatchObject({
        DATABASE_URL: 'postgres://bevaka:s3cret@postgres:5432/bevaka',
        TEMPORAL_ADDRESS: 'temporal:7233',
        BEVAKA_TIMEZONE: 'Europe/Copenhagen',
        BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se',
      });
    }
    expect(config.services.temporal.environment.POSTGRES_PWD).toBe('s3cret');
    expect(config.services.postgres.environment.POSTGRES_PASSWORD).toBe('s3cret');
  });

  it.each(Object.keys(REQUIRED))('has no default for %s: without it the file does not start', (name) => {
    const run = compose({ ...REQUIRED, [name]: '' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`required variable ${name} is missing a value: set ${name}`);
  });

  it('publishes only the API: no Temporal port, no database port, no UI without a login', () => {
    const config = composeConfig({}, '--profile', 'temporal-ui');
    const published = Object.entries(config.services as Record<string, { ports?: Array<{ target: number }> }>)
      .filter(([, service]) => service.ports?.length)
      .map(([name, service]) => `${name}:${service.ports!.map((p) => p.target).join(',')}`);
    expect(published.sort()).toEqual(['api:3000', 'temporal-ui:8080']);
    // The UI insists on an OIDC login; with the provider unset it refuses to start instead.
    expect(config.services['temporal-ui'].environment).toMatchObject({ TEMPORAL_AUTH_ENABLED: 'true', TEMPORAL_AUTH_TYPE: 'oidc', TEMPORAL_AUTH_PROVIDER_URL: '' });
    expect(composeConfig({ TEMPORAL_UI_OIDC_PROVIDER_URL: 'https://login.kommun.se' }, '--profile', 'temporal-ui').services['temporal-ui'].environment.TEMPORAL_AUTH_PROVIDER_URL).toBe('https://login.kommun.se');
  });

  it('gives the first admin’s password to the API only, never to the workers, and the proxy trust to the API', () => {
    const config = composeConfig({ BEVAKA_ADMIN_PASSWORD: 'ett långt lösenord', BEVAKA_TRUST_PROXY: '10.0.0.5' });
    expect(config.services.api.environment).toMatchObject({ BEVAKA_ADMIN_PASSWORD: 'ett långt lösenord', BEVAKA_TRUST_PROXY: '10.0.0.5' });
    for (const name of Object.keys(config.services).filter((s) => s !== 'api')) {
      expect(JSON.stringify(config.services[name])).not.toContain('ett långt lösenord');
      expect(config.services[name].environment?.BEVAKA_ADMIN_PASSWORD).toBeUndefined();
    }
  });

  it('runs the commands the Dockerfile builds, and the image carries the built web app', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build && npm run build:web/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist dist/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/apps\/web\/dist apps\/web\/dist/);
    // The API serves apps/web/dist relative to the project root (where package.json is).
    expect(dockerfile).toMatch(/COPY --from=build \/app\/package.json \.\//);
  });

  it('runs Temporal with the settings of deploy/temporal-cluster.env, as the cluster mode of the tests does', () => {
    const settings = readClusterSettings(root);
    const config = composeConfig();
    expect(config.services.temporal.environment).toMatchObject({
      NUM_HISTORY_SHARDS: String(settings.historyShards),
      DEFAULT_NAMESPACE_RETENTION: settings.namespaceRetention,
    });
    expect(config.services.worker.deploy.replicas).toBe(settings.workers);
  });
});
