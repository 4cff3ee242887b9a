import { spawn } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Finds the `temporal` CLI (which carries the dev server), in the order ARCHITECTURE.md gives:
 * TEMPORAL_CLI_PATH, `temporal` on PATH, ./.tools/bin/temporal, the per-user cache, and finally a
 * build with `go install` when Go is present. v1.5.1 is the last tag that `go install` accepts
 * (later go.mod files carry a replace directive). The build result is cached per user so that a
 * fresh clone on the same machine does not build again.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_PACKAGE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

export interface FindCliOptions {
  projectRoot: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Build with Go when no binary is found (default true). */
  build?: boolean;
}

export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'bevaka', TEMPORAL_CLI_VERSION);
}

export async function findTemporalCli(options: FindCliOptions): Promise<string | undefined> {
  const env = options.env ?? process.env;
  if (env.TEMPORAL_CLI_PATH) {
    if (await isExecutable(env.TEMPORAL_CLI_PATH)) return env.TEMPORAL_CLI_PATH;
    throw new Error(`TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} is not an executable file`);
  }
  const candidates = [
    ...(env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'temporal')),
    path.join(options.projectRoot, '.tools', 'bin', 'temporal'),
    path.join(userCacheDir(env), 'temporal'),
  ];
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Finds the CLI or builds it; undefined when neither is possible (no Go on this machine). */
export async function findOrBuildTemporalCli(options: FindCliOptions): Promise<string | undefined> {
  const found = await findTemporalCli(options);
  if (found || options.build === false) return found;
  const env = options.env ?? process.env;
  if (!(await commandExists('go', env))) return undefined;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cacheDir = userCacheDir(env);
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go (once per machine; 2-10 minutes on a cold Go cache)...`);
  const started = Date.now();
  await mkdir(cacheDir, { recursive: true });
  await run('go', ['install', GO_PACKAGE], { ...env, GOBIN: cacheDir, CGO_ENABLED: '0' });
  const target = path.join(cacheDir, 'temporal');
  log(`Built the Temporal CLI in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function commandExists(command: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) if (await isExecutable(path.join(dir, command))) return true;
  return false;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}
