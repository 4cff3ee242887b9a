import type { INestApplication } from '@nestjs/common';
import request, { Test } from 'supertest';

/** A signed-in HTTP client for e2e tests: every request carries the bearer token. */
export interface ApiClient {
  token: string;
  get(path: string): Test;
  post(path: string, body?: object): Test;
  patch(path: string, body?: object): Test;
  put(path: string, body?: object): Test;
  delete(path: string): Test;
}

export async function loginAs(app: INestApplication, email: string, password: string): Promise<ApiClient> {
  const response = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return clientWithToken(app, response.body.token);
}

export function clientWithToken(app: INestApplication, token: string): ApiClient {
  const server = app.getHttpServer();
  const auth = { Authorization: `Bearer ${token}` };
  return {
    token,
    get: (path) => request(server).get(path).set(auth),
    post: (path, body) => request(server).post(path).set(auth).send(body),
    patch: (path, body) => request(server).patch(path).set(auth).send(body),
    put: (path, body) => request(server).put(path).set(auth).send(body),
    delete: (path) => request(server).delete(path).set(auth),
  };
}

/** Creates a person through the API (as an admin or coordinator) and returns the created body. */
export async function createPerson(
  client: ApiClient,
  person: { name: string; email: string; unitId?: string; roles: string[]; password?: string },
): Promise<{ id: string }> {
  const response = await client.post('/api/people', person);
  if (response.status !== 201) throw new Error(`creating ${person.email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
