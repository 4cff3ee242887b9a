import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { BoundedQueue } from '../common/bounded-queue';

/**
 * Password hashes with scrypt from node:crypto (a current memory-hard KDF, no native add-on to
 * build). Format: scrypt$N$r$p$salt$hash (base64url), so parameters can be raised later.
 */
const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/**
 * Every hash in this process (logins, password changes, the first admin) takes a turn here: two
 * at a time (32 MiB and ~100 ms of a core each, on libuv's pool of four threads), 32 waiting, and
 * the rest refused with BUSY at once. A login flood then costs bounded CPU and memory, and the
 * other work of the server (follow-up, the web app) keeps its share.
 */
export const HASHING = new BoundedQueue(2, 32, 'Too many sign-ins at once; try again in a moment');

export function hashPassword(password: string): Promise<string> {
  return HASHING.run(async () => {
    const salt = randomBytes(16);
    const hash = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
    return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
  });
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await HASHING.run(() =>
    scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEMORY }),
  );
  return timingSafeEqual(actual, expected);
}

export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
