import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * deploy/temporal-cluster.env: the values docker-compose.yml hands the `temporal` service and the
 * cluster mode reads here, so that both topologies run with the same shards, retention and number
 * of workers (test/docker-compose.int.ts compares them).
 */
export interface ClusterSettings {
  historyShards: number;
  /** Go duration, as the server and the CLI take it ("720h"). */
  namespaceRetention: string;
  workers: number;
}

export const CLUSTER_SETTINGS_FILE = path.join('deploy', 'temporal-cluster.env');

export function readClusterSettings(root: string): ClusterSettings {
  const values = parseEnvFile(readFileSync(path.join(root, CLUSTER_SETTINGS_FILE), 'utf8'));
  return {
    historyShards: positiveInteger(values, 'NUM_HISTORY_SHARDS'),
    namespaceRetention: required(values, 'DEFAULT_NAMESPACE_RETENTION'),
    workers: positiveInteger(values, 'BEVAKA_WORKER_REPLICAS'),
  };
}

/** KEY=value lines; `#` comments and blank lines skipped (the subset of the env-file format used). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at < 1) throw new Error(`${CLUSTER_SETTINGS_FILE}: not KEY=value: ${line}`);
    values[line.slice(0, at)] = line.slice(at + 1);
  }
  return values;
}

function required(values: Record<string, string>, key: string): string {
  const value = values[key];
  if (!value) throw new Error(`${CLUSTER_SETTINGS_FILE}: ${key} is missing`);
  return value;
}

function positiveInteger(values: Record<string, string>, key: string): number {
  const value = Number(required(values, key));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${CLUSTER_SETTINGS_FILE}: ${key} must be a whole number of at least 1`);
  return value;
}
