import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig, OidcConfig } from '../../../libs/config/config';
import { groupsOf, rolesAfterSignIn } from '../../../libs/domain/accounts/provider-roles';
import { DomainError } from '../../../libs/domain/errors';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { SessionRepository } from '../../../libs/persistence/repositories/session.repository';
import { openSession } from './auth.service';
import { OidcClient } from './oidc-client';
import { CookieSigner } from './signed-cookie';

/**
 * Why a sign-in through the provider did not end in a session. The web app's login page shows
 * each in Swedish (apps/web/src/i18n.ts, login.oidcError); nothing else of the failure leaves the API.
 */
export type OidcFailure = 'off' | 'unavailable' | 'denied' | 'provider' | 'expired' | 'state' | 'no-email' | 'unknown-person' | 'deactivated' | 'no-subject' | 'other-account';

/** The sign-in under way, kept by the browser in a signed cookie between /login and /callback. */
interface Flow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Epoch milliseconds after which the callback is refused. */
  expires: number;
}

export const FLOW_COOKIE = 'bevaka_oidc';
export const SESSION_COOKIE = 'bevaka_oidc_session';
/** Time to sign in at the provider (a forgotten password there, a second factor). */
const FLOW_MINUTES = 10;

export interface CookieToSet {
  name: string;
  value: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

/** An answer of /login or /callback: where the browser goes next, with the cookies to set on the way. */
export interface Redirect {
  location: string;
  cookies: CookieToSet[];
}

/**
 * Sign-in with the organisation's OpenID Connect provider (issue 16): authorization code flow with
 * PKCE, state and nonce. The person is matched by e-mail address (the configured claim), created
 * at their first sign-in only when configured, refused when deactivated in Bevaka; their roles
 * follow the mapped groups at each sign-in. The session is the one a password sign-in gets; it
 * reaches the web app in a short-lived httpOnly cookie that the app trades for the token
 * (POST /api/auth/oidc/session), so the token is never in a URL, a log or the browser's history.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private readonly client?: OidcClient;
  private readonly signer: CookieSigner;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {
    this.client = config.oidc && new OidcClient(config.oidc);
    this.signer = new CookieSigner(config.oidc?.clientSecret);
  }

  /** What the login page offers. */
  providers(): { password: boolean; oidc: { name: string } | null } {
    return { password: this.config.passwordLogin, oidc: this.config.oidc ? { name: this.config.oidc.displayName } : null };
  }

  /** To the provider, with a fresh state, nonce and PKCE verifier kept in the flow cookie. */
  async begin(returnTo: string | undefined): Promise<Redirect> {
    if (!this.client) return failed('off');
    try {
      const request = await this.client.authorizationRequest();
      const flow: Flow = { state: request.state, nonce: request.nonce, codeVerifier: request.codeVerifier, returnTo: safeReturnTo(returnTo), expires: Date.now() + FLOW_MINUTES * 60_000 };
      return { location: request.url, cookies: [{ name: FLOW_COOKIE, value: this.signer.sign(flow), maxAge: FLOW_MINUTES * 60 }] };
    } catch (error) {
      this.logger.warn(`The identity provider ${this.config.oidc!.issuer} cannot be reached: ${reasonOf(error)}`);
      return failed('unavailable');
    }
  }

  /** The provider's answer: a session and the way back into the web app, or the login page with why not. */
  async finish(query: URLSearchParams, flowCookie: string | undefined, address: string): Promise<Redirect> {
    const endFlow: CookieToSet = { name: FLOW_COOKIE, value: '', maxAge: 0 };
    const outcome = await this.signIn(query, flowCookie, address);
    if (typeof outcome === 'string') return failed(outcome, [endFlow]);
    const session = this.signer.sign({ token: outcome.token, expiresAt: outcome.expiresAt });
    return { location: `${outcome.returnTo}#oidc`, cookies: [endFlow, { name: SESSION_COOKIE, value: session, maxAge: 60 }] };
  }

  /** The session the callback left in its cookie (the caller deletes the cookie). */
  session(cookie: string | undefined): { token: string; expiresAt: string } {
    const session = this.signer.verify<{ token: string; expiresAt: string }>(cookie);
    // Not 401: the caller is not refused, there is just no sign-in waiting in this browser.
    if (!session) throw new DomainError('NOT_FOUND', 'No sign-in to take over');
    return { token: session.token, expiresAt: session.expiresAt };
  }

  private async signIn(query: URLSearchParams, flowCookie: string | undefined, address: string): Promise<OidcFailure | { token: string; expiresAt: string; returnTo: string }> {
    if (!this.client) return 'off';
    const oidc = this.config.oidc!;
    const flow = this.signer.verify<Flow>(flowCookie);
    if (!flow || flow.expires < Date.now()) return 'expired';
    // The answer must belong to the sign-in this browser began (no login CSRF, no replayed callback).
    if (query.get('state') !== flow.state) return 'state';
    if (query.has('error')) {
      this.logger.log(`The identity provider refused a sign-in: ${query.get('error')} ${query.get('error_description') ?? ''}`);
      return query.get('error') === 'access_denied' ? 'denied' : 'provider';
    }
    let claims: Record<string, unknown>;
    try {
      claims = (await this.client.exchange(query, flow)).claims;
    } catch (error) {
      this.logger.warn(`A sign-in through ${oidc.issuer} failed at the code exchange: ${reasonOf(error)}`);
      return 'provider';
    }
    const emailClaim = claims[oidc.emailClaim];
    const email = typeof emailClaim === 'string' && emailClaim.includes('@') ? emailClaim.trim().toLowerCase() : undefined;
    // An address the provider itself says it has not verified proves nothing about who signs in.
    if (!email || claims.email_verified === false) return 'no-email';
    const nameClaim = claims[oidc.nameClaim];
    const name = typeof nameClaim === 'string' && nameClaim.trim() ? nameClaim.trim() : email;
    const groups = groupsOf(claims[oidc.groupsClaim]);
    const subjectClaim = claims[oidc.subjectClaim];
    const subject = typeof subjectClaim === 'string' && subjectClaim.trim() ? subjectClaim.trim().slice(0, 255) : undefined;
    if (!subject) return 'no-subject';
    return this.dataSource.transaction(async (db) => {
      const person = await this.person(db, oidc, { email, subject, name, groups, address });
      if (typeof person === 'string') return person;
      const session = await openSession(db, person.id);
      await new AuditRepository(db).append({ actorPersonId: person.id, entity: 'person', entityId: person.id, action: 'login', after: { address, via: oidc.issuer } });
      return { ...session, returnTo: flow.returnTo };
    });
  }

  /** The person signing in, made or brought up to date with their groups' roles; or why they may not. */
  private async person(db: EntityManager, oidc: OidcConfig, who: { email: string; subject: string; name: string; groups: string[]; address: string }): Promise<OidcFailure | { id: string }> {
    const people = new PersonRepository(db);
    const audit = new AuditRepository(db);
    // The provider's id decides once recorded: an address can pass to someone else, the id cannot.
    const bySubject = await people.idBySubject(who.subject);
    const found = bySubject ? await people.byId(bySubject) : await people.byEmail(who.email);
    if (found && !bySubject) {
      const recorded = await people.subjectOf(found.id);
      if (recorded !== null) {
        await audit.append({ actorPersonId: null, entity: 'person', entityId: found.id, action: 'login failed', after: { reason: 'the address belongs to another account of the provider', address: who.address, via: oidc.issuer } });
        return 'other-account';
      }
      await people.setSubject(found.id, who.subject);
    }
    if (!found) {
      if (!oidc.createPeople) {
        await audit.append({ actorPersonId: null, entity: 'login', entityId: who.email, action: 'login failed', after: { reason: 'unknown e-mail', address: who.address, via: oidc.issuer } });
        return 'unknown-person';
      }
      const roles = rolesAfterSignIn([], who.groups, oidc.roleMap);
      const id = await people.insert({ name: who.name, email: who.email, unitId: null, roles, passwordHash: null });
      // A concurrent first sign-in of the same person inserted the row: theirs is the one.
      if (!id) return this.person(db, oidc, who);
      await people.setSubject(id, who.subject);
      await audit.append({ actorPersonId: null, entity: 'person', entityId: id, action: 'created at first sign-in', after: { name: who.name, email: who.email, roles, via: oidc.issuer } });
      return { id };
    }
    const person = (await people.byId(found.id, { lock: true }))!;
    if (person.deactivatedAt) {
      await audit.append({ actorPersonId: null, entity: 'person', entityId: person.id, action: 'login failed', after: { reason: 'deactivated', address: who.address, via: oidc.issuer } });
      return 'deactivated';
    }
    const roles = rolesAfterSignIn(person.roles, who.groups, oidc.roleMap);
    if (!sameSet(roles, person.roles)) {
      await people.setRoles(person.id, roles);
      // As when a coordinator changes roles: sessions with the old roles end.
      const sessionsEnded = await new SessionRepository(db).revokeAllOf(person.id);
      await audit.append({ actorPersonId: null, entity: 'person', entityId: person.id, action: 'roles changed', before: { roles: person.roles }, after: { roles, sessionsEnded, via: oidc.issuer } });
    }
    return { id: person.id };
  }
}

/** openid-client's own message is often general ("something went wrong"); its cause says what. */
function reasonOf(error: unknown): string {
  const { message, cause } = error as Error;
  return cause instanceof Error ? `${message} (${cause.message})` : message;
}

function failed(reason: OidcFailure, cookies: CookieToSet[] = []): Redirect {
  return { location: `/#oidc-fel=${reason}`, cookies };
}

/** Only a path of Bevaka itself: never another site (an open redirect) and never `//host`. */
export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\') || returnTo.length > 500 || /[\r\n#]/.test(returnTo)) return '/';
  return returnTo;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
