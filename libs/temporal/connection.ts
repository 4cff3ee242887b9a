import { Client, Connection } from '@temporalio/client';
import type { BevakaConfig } from '../config/config';

/** Connection settings shared by the client (API) and the worker: address, TLS, API key. */
export function connectionOptions(temporal: BevakaConfig['temporal']) {
  if (!temporal.address) throw new Error('TEMPORAL_ADDRESS is not resolved; start through npm start or set it');
  return { address: temporal.address, tls: temporal.tls ? {} : undefined, apiKey: temporal.apiKey };
}

export async function connectClient(temporal: BevakaConfig['temporal']): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(temporal));
  return new Client({ connection, namespace: temporal.namespace });
}
