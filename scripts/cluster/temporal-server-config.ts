/**
 * The server's configuration file for the cluster mode: every service (frontend, history,
 * matching, internal worker) in one `temporal-server` process, on loopback ports of its own, with
 * PostgreSQL as the persistence and the visibility store. The server reads YAML, and JSON is YAML,
 * so this is a plain object written as JSON.
 */
export interface ServerPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** Membership (ringpop) ports, one per service. */
  membership: [number, number, number, number];
  metrics: number;
}

export interface ServerDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Temporal's two databases on that server. */
  database: string;
  visibilityDatabase: string;
}

export function temporalServerConfig(options: { ports: ServerPorts; db: ServerDatabase; historyShards: number; dynamicConfigFile: string }) {
  const { ports, db } = options;
  const sql = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${db.host}:${db.port}`,
      connectProtocol: 'tcp',
      user: db.user,
      password: db.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number, extra: object = {}) => ({ rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra } });
  const frontendAddress = `127.0.0.1:${ports.frontend}`;
  return {
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: options.historyShards,
      datastores: { 'postgres-default': sql(db.database, 20), 'postgres-visibility': sql(db.visibilityDatabase, 4) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: { prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `127.0.0.1:${ports.metrics}` } },
    },
    services: {
      frontend: service(ports.frontend, ports.membership[0], { httpPort: ports.frontendHttp }),
      history: service(ports.history, ports.membership[1]),
      matching: service(ports.matching, ports.membership[2]),
      worker: service(ports.worker, ports.membership[3]),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: frontendAddress } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
  };
}

/**
 * Dynamic configuration of the cluster, in the server's file format (JSON as YAML): empty, on
 * purpose. The cluster stands for production, where several workers poll and the server's
 * defaults (four partitions per task queue, among others) are what they meet; the dev server of
 * `npm start` is the one tuned for one worker (libs/temporal/dev-server.ts).
 */
export function temporalDynamicConfig(): Record<string, unknown> {
  return {};
}
