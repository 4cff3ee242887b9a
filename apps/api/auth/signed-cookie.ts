import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A value in a cookie with an HMAC, so the browser keeps a sign-in's state, nonce and PKCE
 * verifier for the API without the API keeping anything (any API process can take the callback)
 * and without the browser being able to alter them. The key comes from the client secret where
 * there is one (the same in every process), else it is random per process.
 */
export class CookieSigner {
  private readonly key: Buffer;

  constructor(secret: string | undefined) {
    this.key = secret ? createHash('sha256').update(`bevaka oidc cookie\0${secret}`).digest() : randomBytes(32);
  }

  sign(value: object): string {
    const body = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The value, or undefined when the cookie was not made here or was altered. */
  verify<T>(cookie: string | undefined): T | undefined {
    const [body, mac, ...rest] = (cookie ?? '').split('.');
    if (!body || !mac || rest.length) return undefined;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** One cookie of a Cookie header (no cookie-parser: these are the only cookies Bevaka reads). */
export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const split = part.indexOf('=');
    if (split > 0 && part.slice(0, split).trim() === name) return decodeURIComponent(part.slice(split + 1).trim());
  }
  return undefined;
}
