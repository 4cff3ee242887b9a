import type { OidcConfig } from '../../../libs/config/config';

/**
 * The OpenID Connect relying party, by panva's openid-client (v6, maintained and certified).
 * v6 is ESM only and the API is compiled to CommonJS: `import()` stays a real dynamic import in
 * what tsc emits for module node16 (as pdf.js is loaded in libs/pdf-reading), and jest compiles
 * the package to CommonJS itself (jest.config.js). v5, the last CommonJS release, gets no more
 * than security fixes, so it was not chosen.
 */
const openidClient = () => import('openid-client');
type OpenidClient = Awaited<ReturnType<typeof openidClient>>;
type Configuration = InstanceType<OpenidClient['Configuration']>;

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface ProviderIdentity {
  subject: string;
  claims: Record<string, unknown>;
}

export class OidcClient {
  private discovered?: Promise<{ lib: OpenidClient; configuration: Configuration }>;

  constructor(private readonly config: OidcConfig) {}

  /** Where to send the browser: the provider's authorization endpoint, with state, nonce and PKCE (S256). */
  async authorizationRequest(): Promise<AuthorizationRequest> {
    const { lib, configuration } = await this.provider();
    const state = lib.randomState();
    const nonce = lib.randomNonce();
    const codeVerifier = lib.randomPKCECodeVerifier();
    const url = lib.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes,
      response_type: 'code',
      code_challenge: await lib.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * The code of the callback exchanged at the token endpoint; openid-client checks the state, the
   * ID token (signature, issuer, audience, expiry, nonce) and the PKCE verifier. The callback's
   * query is put on the configured redirect URI, never on the request's Host header. Claims the ID
   * token lacks (providers that keep groups or e-mail to the userinfo endpoint) come from userinfo.
   */
  async exchange(query: URLSearchParams, expected: { state: string; nonce: string; codeVerifier: string }): Promise<ProviderIdentity> {
    const { lib, configuration } = await this.provider();
    const currentUrl = new URL(this.config.redirectUri);
    currentUrl.search = query.toString();
    const tokens = await lib.authorizationCodeGrant(configuration, currentUrl, {
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      pkceCodeVerifier: expected.codeVerifier,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const wanted = [this.config.emailClaim, this.config.subjectClaim, this.config.nameClaim, this.config.groupsClaim];
    let claims: Record<string, unknown> = { ...idClaims };
    if (wanted.some((claim) => claims[claim] === undefined) && configuration.serverMetadata().userinfo_endpoint) {
      const userinfo = await lib.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...userinfo, ...idClaims };
    }
    return { subject: idClaims.sub, claims };
  }

  /** Discovery once, at the first sign-in (not at boot: a provider that is down must not stop Bevaka); retried after a failure. */
  private provider(): Promise<{ lib: OpenidClient; configuration: Configuration }> {
    this.discovered ??= (async () => {
      const lib = await openidClient();
      const issuer = new URL(this.config.issuer);
      // Plain http only to a provider on this machine (tests, a developer's provider); never over a network.
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      const configuration = await lib.discovery(
        issuer,
        this.config.clientId,
        this.config.clientSecret,
        this.config.clientSecret ? undefined : lib.None(),
        loopback && issuer.protocol === 'http:' ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
      return { lib, configuration };
    })();
    this.discovered.catch(() => (this.discovered = undefined));
    return this.discovered;
  }
}
