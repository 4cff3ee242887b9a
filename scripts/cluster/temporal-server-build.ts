import { spawn } from 'node:child_process';
import { access, constants, cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { userCacheDir } from '../../libs/temporal/temporal-cli';

/**
 * The Temporal server of the cluster mode: the `temporal-server` binary and Temporal's SQL schema
 * tool, built with `go install` once per machine and cached beside the CLI. The release is the one
 * the CLI (v1.5.1) embeds, so the dev server and the cluster run the same server code; the
 * cluster spec checks that against `temporal --version`.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** Temporal's versioned SQL schema (`postgresql/v12/{temporal,visibility}/versioned`). */
  schemaDir: string;
}

export function serverCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.dirname(userCacheDir(env)), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}

/** The cached binaries, or a build of them (a few minutes on a cold Go cache) when Go is here. */
export async function findOrBuildTemporalServer(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<TemporalServerBinaries> {
  const dir = serverCacheDir(env);
  const binaries = { server: path.join(dir, 'server'), sqlTool: path.join(dir, 'sql'), schemaDir: path.join(dir, 'schema') };
  if ((await isExecutable(binaries.server)) && (await isExecutable(binaries.sqlTool)) && (await exists(path.join(binaries.schemaDir, 'postgresql')))) return binaries;
  log(`building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool with Go (once per machine; 5-15 minutes on a cold Go cache)...`);
  const started = Date.now();
  await mkdir(dir, { recursive: true });
  const goEnv = { ...env, GOBIN: dir, CGO_ENABLED: '0' };
  for (const cmd of ['cmd/server', 'cmd/tools/sql']) await run('go', ['install', `${MODULE}/${cmd}@${TEMPORAL_SERVER_VERSION}`], goEnv);
  // The schema files are not in the binaries: they come from the module's source, which the
  // build left in Go's module cache (read-only there, so a copy of our own).
  const moduleDir = (await output('go', ['mod', 'download', '-json', `${MODULE}@${TEMPORAL_SERVER_VERSION}`], goEnv)).match(/"Dir":\s*"([^"]+)"/)?.[1];
  if (!moduleDir) throw new Error(`go mod download did not say where ${MODULE}@${TEMPORAL_SERVER_VERSION} is`);
  await cp(path.join(moduleDir, 'schema', 'postgresql'), path.join(binaries.schemaDir, 'postgresql'), { recursive: true });
  log(`built the Temporal server in ${Math.round((Date.now() - started) / 1000)} s: ${dir}`);
  return binaries;
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return output(command, args, env).then(() => undefined);
}

function output(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
