/**
 * Malformed requests derived from the OpenAPI document the API serves: every operation, every
 * role, with wrong types, missing and extra fields, huge and hostile strings (U+0000, lone
 * surrogates, 1 MB), deep nesting, bad ids and bad query values.
 *
 * Each request that could change something carries at least one fault that is certain to be
 * refused (its "guarantee": an unknown field, U+0000 or deep nesting in the body, malformed JSON,
 * an id that names nothing, a token that is no session, no token at all); other faults are added
 * on top. GETs change nothing and may be well-formed; an import preview (dryRun=true) writes
 * nothing and gets hostile files. So any row that changes is a bug, and so is any 5xx.
 */
import fc from 'fast-check';

export type Role = 'admin' | 'coordinator' | 'owner' | 'executive' | 'viewer' | 'anonymous';
export const ROLES: Role[] = ['admin', 'coordinator', 'owner', 'executive', 'viewer', 'anonymous'];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  nullable?: boolean;
  allOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema?: Schema }>; requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[] }>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: Array<{ name: string; schema: Schema }>;
  body?: Schema;
  multipart: boolean;
  public: boolean;
}

/** Real ids and values of the fixture, by the path they belong to. */
export interface Fixture {
  /** `/api/plans/{id}` → the plan's id, `/api/people/{id}/substitutes/{substituteId}` → …; by template and parameter. */
  pathValue(path: string, param: string): string;
  tokens: Record<Exclude<Role, 'anonymous'>, string>;
  /** Well-formed ids that exist, for bodies that name a person, a unit or a plan. */
  someId: string;
}

export interface PlannedRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  /** Only a preview (dryRun=true) may answer a non-GET with 2xx: it writes nothing. */
  mayPass: boolean;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/docs')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const schema = content['application/json']?.schema ?? content['multipart/form-data']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
        body: schema ? resolve(doc, schema) : undefined,
        multipart: 'multipart/form-data' in content,
        public: !operation.security,
      });
    }
  }
  return operations;
}

function resolve(doc: OpenApiDocument, schema: Schema, seen = 0): Schema {
  if (seen > 8) return { type: 'object' };
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!], seen + 1);
  if (schema.allOf?.length) return resolve(doc, schema.allOf[0], seen + 1);
  const properties = schema.properties && Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v, seen + 1)]));
  const items = schema.items && resolve(doc, schema.items, seen + 1);
  return { ...schema, properties, items };
}

// ------------------------------------------------------------------ values

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** A value marker that the serialiser writes as `depth` nested arrays (JSON.stringify would recurse). */
interface Deep {
  deep: number;
}

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', '\u0000'.repeat(100)) },
  { weight: 4, arbitrary: fc.constantFrom('', ' ', '-1', '0', '1e300', 'NaN', 'null', 'true', '[]', '{}', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --", '%00', '\r\n', '😀', '&#x110000;', '&#99999999;', 'Q1 2026', 'P14D', '2026H1', '2026-02-30', '0000-01-01', '+275760-09-13T00:00:00Z') },
  { weight: 4, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 2, arbitrary: fc.constantFrom('A'.repeat(5000), '<'.repeat(20_000), '. '.repeat(20_000), '1-'.repeat(20_000), '&#'.repeat(20_000)) },
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
);

const deep: fc.Arbitrary<Deep> = fc.constantFrom(40, 500, 5000).map((depth) => ({ deep: depth }));

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
  hostileString,
  deep,
);

const badId = fc.oneof(
  fc.constantFrom('x', '0', '-1', 'null', 'undefined', '%00', '%ED%A0%80', '..%2F..%2Fetc', '1%27%20OR%201%3D1', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'A'.repeat(2000), '%E0%A4%A'),
  fc.uuid().map((u) => u),
);

const queryValue = fc.oneof(
  hostileString.filter((s) => s.length < 6000),
  fc.constantFrom('-1', '0', '1e300', '99999999999999999999', '1.5', 'true', 'false', 'me', 'open', 'json', 'pdf', 'sv', '1', '2026', '2026-01-01T00:00:00Z'),
  fc.array(fc.constantFrom('1', 'me', 'true', 'x'), { minLength: 2, maxLength: 3 }),
);

const mutation = fc.record({
  kind: fc.constantFrom('wrongType', 'missing', 'extra', 'hostile', 'deep', 'nestedExtra', 'nestedWrong'),
  pick: fc.nat(),
  value: wrongValue,
});

const hostileFile = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.from('Aktivitet;När;Ansvar\nMöte &#99999999;;Q1 2026;Kul\u0000tur\n'),
    Buffer.from(`| Aktivitet | När |\n|---|---|\n| ${'<'.repeat(50_000)} | ${'1-'.repeat(20_000)} |\n`),
    Buffer.from('\n'.repeat(100_000) + 'Aktivitet\tNär\n'),
    Buffer.alloc(0),
  ),
);

export const recipe = fc.record({
  guarantee: fc.nat(),
  realIds: fc.boolean(),
  badId,
  mutations: fc.array(mutation, { maxLength: 3 }),
  queries: fc.array(fc.record({ pick: fc.nat(), value: queryValue }), { maxLength: 3 }),
  extraQuery: fc.option(fc.record({ name: fc.constantFrom('x', 'page', '__proto__', 'constructor'), value: queryValue }), { nil: undefined }),
  shape: fc.constantFrom('object', 'object', 'object', 'object', 'object', 'array', 'primitive', 'wrongContentType'),
  file: fc.option(hostileFile, { nil: undefined }),
  // Header values are bytes: no U+0000 or line breaks can be sent in one.
  bogusToken: fc.constantFrom('x', 'Bearer', '%00', 'A'.repeat(4000), 'ünicode', '0'.repeat(43), "' OR 1=1 --"),
});

export type Recipe = typeof recipe extends fc.Arbitrary<infer T> ? T : never;

// ------------------------------------------------------------------ building a request

type Guarantee = 'none' | 'extraField' | 'nulInBody' | 'deepInBody' | 'malformedJson' | 'badPath' | 'nulInQuery' | 'bogusToken' | 'dryRun' | 'withoutCookie';

export function plan(operation: Operation, role: Role, r: Recipe, fixture: Fixture): PlannedRequest {
  const guarantees = guaranteesFor(operation, role);
  const guarantee = guarantees[r.guarantee % guarantees.length];
  const pathValues = Object.fromEntries(operation.pathParams.map((p) => [p, guarantee === 'badPath' || !r.realIds ? r.badId : encodeURIComponent(fixture.pathValue(operation.path, p))]));
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name]);

  const query: Array<[string, string | string[]]> = operation.queryParams.map((q) => [q.name, exampleQuery(q.schema)]);
  for (const q of r.queries) if (query.length) query[q.pick % query.length] = [query[q.pick % query.length][0], stringsOf(q.value)];
  if (r.extraQuery) query.push([r.extraQuery.name, stringsOf(r.extraQuery.value)]);
  if (guarantee === 'nulInQuery') query[r.guarantee % query.length] = [query[r.guarantee % query.length][0], '\u0000'];
  if (guarantee === 'dryRun') setQuery(query, 'dryRun', 'true');
  const url = path + queryString(query);

  const headers: Record<string, string> = {};
  if (guarantee === 'bogusToken') headers.Authorization = `Bearer ${r.bogusToken}`;
  else if (role !== 'anonymous') headers.Authorization = `Bearer ${fixture.tokens[role]}`;

  let body: string | FormData | undefined;
  if (operation.body) {
    // Copies: the document's examples and fast-check's constants are shared between requests, and
    // a value set inside itself (a shared `{}` given as its own extra field) could not be sent.
    const value = structuredClone(example(operation.body, fixture)) as Record<string, unknown>;
    for (const m of r.mutations) mutate(value, operation.body, { ...m, value: structuredClone(m.value) });
    // The guarantee last, so that no other fault undoes it.
    if (guarantee === 'extraField') value.unexpectedField = 'x';
    if (guarantee === 'nulInBody') value[firstStringKey(operation.body) ?? 'unexpectedField'] = 'a\u0000b';
    if (guarantee === 'deepInBody') value[Object.keys(operation.body.properties ?? {})[0] ?? 'unexpectedField'] = { deep: 100 };
    if (operation.multipart && r.file !== undefined && guarantee !== 'malformedJson') {
      const form = new FormData();
      for (const [k, v] of Object.entries(value)) form.append(k, typeof v === 'string' ? v : serialise(v));
      form.append('file', new Blob([r.file]), 'plan.xlsx');
      body = form;
    } else if (guarantee === 'malformedJson') {
      body = serialise(value).slice(0, -1); // an object without its closing brace
      headers['Content-Type'] = 'application/json';
    } else {
      body = r.shape === 'array' && guarantee === 'none' ? serialise([value]) : r.shape === 'primitive' && guarantee === 'none' ? '"text"' : serialise(value);
      headers['Content-Type'] = r.shape === 'wrongContentType' && guarantee === 'none' ? 'text/plain' : 'application/json';
    }
  }
  const mayPass = operation.method === 'GET' || guarantee === 'dryRun';
  return { label: `${role} ${operation.method} ${operation.path} [${guarantee}]`, method: operation.method, url, headers, body, mayPass };
}

function guaranteesFor(operation: Operation, role: Role): Guarantee[] {
  if (operation.method === 'GET') return ['none'];
  if (role === 'anonymous' && !operation.public) return ['none'];
  const list: Guarantee[] = [];
  if (operation.body) list.push('extraField', 'nulInBody', 'deepInBody', 'malformedJson');
  if (operation.pathParams.length) list.push('badPath');
  if (operation.queryParams.length) list.push('nulInQuery');
  if (operation.path.endsWith('/import')) list.push('dryRun', 'dryRun');
  if (!operation.public) list.push('bogusToken');
  // A public call with nothing to send but a cookie of its own (the sign-in hand-over,
  // POST /api/auth/oidc/session): the fuzzer never has that cookie, so it is refused.
  if (operation.public && !operation.body && !operation.pathParams.length && !operation.queryParams.length) list.push('withoutCookie');
  if (!list.length) throw new Error(`${operation.method} ${operation.path} cannot be made certainly invalid`);
  return list;
}

function example(schema: Schema, fixture: Fixture): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object':
    case undefined: {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = example(v, fixture);
      return out;
    }
    case 'array':
      return schema.items ? [example(schema.items, fixture)] : [];
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return schema.format === 'uuid' ? fixture.someId : 'Bevaka';
  }
}

function mutate(value: Record<string, unknown>, schema: Schema, m: { kind: string; pick: number; value: unknown }): void {
  const keys = Object.keys(schema.properties ?? {});
  const key = keys.length ? keys[m.pick % keys.length] : 'x';
  switch (m.kind) {
    case 'wrongType':
      value[key] = m.value;
      break;
    case 'missing':
      delete value[key];
      break;
    case 'extra':
      value[`extra${m.pick % 7}`] = m.value;
      break;
    case 'hostile':
      value[key] = typeof m.value === 'string' ? m.value : '\u0000';
      break;
    case 'deep':
      value[key] = { deep: 40 + (m.pick % 5000) };
      break;
    case 'nestedExtra':
    case 'nestedWrong': {
      const nested = keys.find((k, i) => i >= m.pick % Math.max(keys.length, 1) && schema.properties![k].properties) ?? keys.find((k) => schema.properties![k].properties);
      if (!nested) return void (value[`extra${m.pick % 7}`] = m.value);
      const inner = (value[nested] && typeof value[nested] === 'object' ? value[nested] : {}) as Record<string, unknown>;
      const innerKeys = Object.keys(schema.properties![nested].properties!);
      if (m.kind === 'nestedExtra' || !innerKeys.length) inner[`extra${m.pick % 7}`] = m.value;
      else inner[innerKeys[m.pick % innerKeys.length]] = m.value;
      value[nested] = inner;
    }
  }
}

function firstStringKey(schema: Schema): string | undefined {
  return Object.entries(schema.properties ?? {}).find(([, s]) => s.type === 'string')?.[0];
}

function exampleQuery(schema: Schema): string {
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.type === 'boolean') return 'false';
  if (schema.type === 'number' || schema.type === 'integer') return '1';
  return 'x';
}

function setQuery(query: Array<[string, string | string[]]>, name: string, value: string): void {
  const i = query.findIndex(([k]) => k === name);
  if (i >= 0) query[i] = [name, value];
  else query.push([name, value]);
}

function stringsOf(value: unknown): string | string[] {
  return Array.isArray(value) ? value.map(String) : String(value);
}

function queryString(query: Array<[string, string | string[]]>): string {
  const parts = query.flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encode(k)}=${encode(x)}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Percent-encoding; a lone surrogate has no UTF-8 form, so it goes as the bytes of one (invalid UTF-8). */
function encode(s: string): string {
  return s.isWellFormed() ? encodeURIComponent(s) : encodeURIComponent(s.toWellFormed()).replace(/%EF%BF%BD/g, '%ED%A0%80');
}

/** JSON with Deep markers written as nested arrays; lone surrogates are escaped by JSON.stringify. */
export function serialise(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && 'deep' in v && Object.keys(v).length === 1 ? `\u0001deep:${v.deep}\u0001` : v)).replace(/"\\u0001deep:(\d+)\\u0001"/g, (_, n: string) => '['.repeat(Number(n)) + ']'.repeat(Number(n)));
}
