import { isIP } from 'node:net';
import { Duration, IANAZone } from 'luxon';
import type { RoundSettings } from '../domain/reporting/round';
import { z } from 'zod';
import { passwordProblem } from '../domain/accounts/password-policy';
import { Role, ROLES } from '../persistence/entities/person.entity';

/**
 * The environment, validated once at boot into typed configuration (API.md "Configuration").
 * Unset optional services mean "embedded": DATABASE_URL unset → embedded PostgreSQL under the
 * data dir; TEMPORAL_ADDRESS unset → embedded Temporal dev server.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const isoDuration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => Duration.fromISO(v).isValid, { message: 'not an ISO 8601 duration (e.g. P30D, PT12H)' });

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const EnvSchema = z.object({
  PORT: port(3000),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  BEVAKA_DATA_DIR: z.string().default('./data'),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('bevaka'),
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_TLS: z.stringbool().default(false),
  TEMPORAL_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).default(500),
  TEMPORAL_WORKFLOW_TASK_SLOTS: z.coerce.number().int().min(2).max(1000).default(40),
  TEMPORAL_LOCAL_ACTIVITY_SLOTS: z.coerce.number().int().min(1).max(1000).default(100),
  BEVAKA_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  BEVAKA_ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  BEVAKA_ADMIN_PASSWORD: optionalString.pipe(
    z
      .string()
      .superRefine((password, context) => {
        const problem = passwordProblem(password);
        if (problem) context.addIssue({ code: 'custom', message: `the password ${problem}` });
      })
      .optional(),
  ),
  BEVAKA_TRUST_PROXY: optionalString.transform((value, context) => {
    const parsed = parseTrustProxy(value);
    if (typeof parsed === 'string') {
      context.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed.value;
  }),
  BEVAKA_TIMEZONE: z.string().default('Europe/Stockholm'),
  BEVAKA_CALENDAR: z.enum(['SE', 'DK', 'NO']).default('SE'),
  BEVAKA_ROUND_OPENS_BEFORE: isoDuration('P30D'),
  BEVAKA_ROUND_DEADLINE_BEFORE: isoDuration('P0D'),
  BEVAKA_ROUND_FREEZE_AFTER: isoDuration('P30D'),
  BEVAKA_ROUND_RETURN_FOR: isoDuration('P7D'),
  SMTP_URL: optionalString,
  MAIL_FROM: optionalString,
  // Where people reach Bevaka: the origin of the links in mail and calendar events. Unset: this
  // process's own port on localhost. Bevaka is served at the root, so a path would make dead links.
  BEVAKA_PUBLIC_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, message: 'an http(s) URL such as https://bevaka.kommun.se' })
      .refine((v) => /^[a-z]+:\/\/[^/?#]+\/?$/i.test(v), { message: 'the origin only, such as https://bevaka.kommun.se (no path, query or fragment: Bevaka is served at the root)' })
      .optional(),
  ),
  // Sign-in with the organisation's OpenID Connect provider (docs/SIGN-IN.md); on when an issuer is set.
  BEVAKA_OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  BEVAKA_OIDC_CLIENT_ID: optionalString,
  BEVAKA_OIDC_CLIENT_SECRET: optionalString,
  BEVAKA_OIDC_REDIRECT_URI: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  BEVAKA_OIDC_SCOPES: z.string().default('openid email profile'),
  BEVAKA_OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  BEVAKA_OIDC_SUBJECT_CLAIM: z.string().min(1).default('sub'),
  BEVAKA_OIDC_NAME_CLAIM: z.string().min(1).default('name'),
  BEVAKA_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  BEVAKA_OIDC_ROLE_MAP: optionalString.transform((value, context) => {
    const parsed = parseRoleMap(value);
    if (typeof parsed === 'string') {
      context.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  }),
  BEVAKA_OIDC_DISPLAY_NAME: z.string().min(1).default('kommunens konto'),
  BEVAKA_OIDC_CREATE_PEOPLE: z.stringbool().default(false),
  BEVAKA_PASSWORD_LOGIN: z.stringbool().default(true),
  // Embedded services' ports; only used when the service is embedded.
  BEVAKA_PG_PORT: port(5439),
  BEVAKA_TEMPORAL_PORT: port(7233),
  BEVAKA_TEMPORAL_UI_PORT: port(8233),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface BevakaConfig {
  port: number;
  dataDir: string;
  timezone: string;
  /** Whose public holidays make non-working days: Sweden, Denmark or Norway. */
  calendar: 'SE' | 'DK' | 'NO';
  /** When reporting rounds open before a period ends, are due, freeze unapproved, and give a report sent back. */
  reportingRound: RoundSettings;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  database: { url?: string; embeddedPort: number };
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    apiKey?: string;
    tls: boolean;
    /** Workflows a worker keeps in memory; the rest are replayed when they wake. */
    maxCachedWorkflows: number;
    /** Workflow tasks a worker runs at once (each holds its slot while its local activities run). */
    workflowTaskSlots: number;
    /** Local activities a worker runs at once. */
    localActivitySlots: number;
    /** How often the API carries out the Temporal commands (intents) still pending. */
    reconcileIntervalMs: number;
    embeddedPort: number;
    embeddedUiPort: number;
  };
  admin: { email?: string; password?: string };
  mail: { smtpUrl?: string; from?: string };
  /** Base URL of the web app, for links in mail and calendar feeds (no trailing slash). */
  publicUrl: string;
  /**
   * Express's `trust proxy`: which proxies in front of Bevaka may tell the client's address
   * (X-Forwarded-For), so that the per-address sign-in limits see real clients. false: none;
   * a number: that many hops; a list: proxies by address, CIDR or loopback/linklocal/uniquelocal.
   */
  trustProxy: TrustProxy;
  /** Whether people may sign in with e-mail and password (POST /api/auth/login). */
  passwordLogin: boolean;
  /** Sign-in with an OpenID Connect provider; undefined when none is configured. */
  oidc?: OidcConfig;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Unset: a public client, proven by PKCE alone. */
  clientSecret?: string;
  redirectUri: string;
  scopes: string;
  /** The claim whose value is matched (lower-cased) against people's e-mail addresses. */
  emailClaim: string;
  /** The claim holding the provider's stable id of a person ('sub'; Entra ID also gives 'oid'), recorded at the first sign-in and matched from then on. */
  subjectClaim: string;
  nameClaim: string;
  groupsClaim: string;
  /**
   * Provider group → Bevaka role. The roles named here are the provider's to give: at each
   * sign-in a person has exactly those of them their groups map to; other roles stay as set in Bevaka.
   */
  roleMap: Array<{ group: string; role: Role }>;
  /** The provider's name on the sign-in button: "Logga in med <displayName>". */
  displayName: string;
  /** Whether a person unknown to Bevaka is created at their first sign-in. */
  createPeople: boolean;
}

/** BEVAKA_OIDC_ROLE_MAP, `group=role,group=role`, or why not. A group may itself hold `=`: the last one splits. */
function parseRoleMap(value: string | undefined): Array<{ group: string; role: Role }> | string {
  if (value === undefined) return [];
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const map: Array<{ group: string; role: Role }> = [];
  for (const entry of entries) {
    const split = entry.lastIndexOf('=');
    const group = entry.slice(0, split).trim();
    const role = entry.slice(split + 1).trim();
    if (split < 1 || !group) return `"${entry}" is not group=role`;
    if (!(ROLES as readonly string[]).includes(role)) return `"${role}" is not a role (${ROLES.join(', ')})`;
    map.push({ group, role: role as Role });
  }
  return map;
}

export type TrustProxy = false | number | string[];

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** BEVAKA_TRUST_PROXY as Express takes it, or why not. `true` (trust anyone) is refused on purpose. */
function parseTrustProxy(value: string | undefined): { value: TrustProxy } | string {
  if (value === undefined || value === 'false') return { value: false };
  if (value === 'true') return 'true would let any client choose its own address; give the proxies\' addresses or their number of hops';
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? { value: hops } : 'a number of hops is 1 to 10';
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !PROXY_NAMES.includes(entry) && !isAddressOrSubnet(entry));
  if (wrong.length) return `not an address, a CIDR subnet or one of ${PROXY_NAMES.join(', ')}: ${wrong.join(', ')}`;
  return { value: entries };
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BevakaConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidc = oidcConfig(e);
  if (typeof oidc === 'string') throw new ConfigError(`Invalid configuration:\n  ${oidc}`);
  if (!IANAZone.isValidZone(e.BEVAKA_TIMEZONE)) {
    throw new ConfigError(`Invalid configuration:\n  BEVAKA_TIMEZONE: unknown timezone "${e.BEVAKA_TIMEZONE}"`);
  }
  return {
    port: e.PORT,
    dataDir: e.BEVAKA_DATA_DIR,
    timezone: e.BEVAKA_TIMEZONE,
    calendar: e.BEVAKA_CALENDAR,
    reportingRound: {
      opensBefore: e.BEVAKA_ROUND_OPENS_BEFORE,
      deadlineBefore: e.BEVAKA_ROUND_DEADLINE_BEFORE,
      freezeAfter: e.BEVAKA_ROUND_FREEZE_AFTER,
      returnFor: e.BEVAKA_ROUND_RETURN_FOR,
    },
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, embeddedPort: e.BEVAKA_PG_PORT },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      apiKey: e.TEMPORAL_API_KEY,
      tls: e.TEMPORAL_TLS || e.TEMPORAL_API_KEY !== undefined,
      maxCachedWorkflows: e.TEMPORAL_MAX_CACHED_WORKFLOWS,
      workflowTaskSlots: e.TEMPORAL_WORKFLOW_TASK_SLOTS,
      localActivitySlots: e.TEMPORAL_LOCAL_ACTIVITY_SLOTS,
      reconcileIntervalMs: e.BEVAKA_RECONCILE_INTERVAL_MS,
      embeddedPort: e.BEVAKA_TEMPORAL_PORT,
      embeddedUiPort: e.BEVAKA_TEMPORAL_UI_PORT,
    },
    admin: { email: e.BEVAKA_ADMIN_EMAIL, password: e.BEVAKA_ADMIN_PASSWORD },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    publicUrl: publicUrlOf(e),
    trustProxy: e.BEVAKA_TRUST_PROXY,
    passwordLogin: e.BEVAKA_PASSWORD_LOGIN,
    oidc,
  };
}

/** Where people reach Bevaka; unset, this process's own port on localhost. */
function publicUrlOf(e: z.infer<typeof EnvSchema>): string {
  return (e.BEVAKA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
}

function oidcConfig(e: z.infer<typeof EnvSchema>): OidcConfig | undefined | string {
  if (!e.BEVAKA_OIDC_ISSUER) {
    // Nobody could sign in at all.
    return e.BEVAKA_PASSWORD_LOGIN ? undefined : 'BEVAKA_PASSWORD_LOGIN: password sign-in can only be turned off when BEVAKA_OIDC_ISSUER is set';
  }
  if (!e.BEVAKA_OIDC_CLIENT_ID) return 'BEVAKA_OIDC_CLIENT_ID: required when BEVAKA_OIDC_ISSUER is set';
  const scopes = e.BEVAKA_OIDC_SCOPES.split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) return 'BEVAKA_OIDC_SCOPES: must hold openid';
  return {
    issuer: e.BEVAKA_OIDC_ISSUER,
    clientId: e.BEVAKA_OIDC_CLIENT_ID,
    clientSecret: e.BEVAKA_OIDC_CLIENT_SECRET,
    redirectUri: e.BEVAKA_OIDC_REDIRECT_URI ?? `${publicUrlOf(e)}/api/auth/oidc/callback`,
    scopes: scopes.join(' '),
    emailClaim: e.BEVAKA_OIDC_EMAIL_CLAIM,
    subjectClaim: e.BEVAKA_OIDC_SUBJECT_CLAIM,
    nameClaim: e.BEVAKA_OIDC_NAME_CLAIM,
    groupsClaim: e.BEVAKA_OIDC_GROUPS_CLAIM,
    roleMap: e.BEVAKA_OIDC_ROLE_MAP,
    displayName: e.BEVAKA_OIDC_DISPLAY_NAME.trim(),
    createPeople: e.BEVAKA_OIDC_CREATE_PEOPLE,
  };
}

export const BEVAKA_CONFIG = Symbol('BEVAKA_CONFIG');
