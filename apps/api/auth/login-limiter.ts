import { isIPv6 } from 'node:net';
import { DomainError } from '../../../libs/domain/errors';

/** Attempts at one account from one address, failed or not (so one user cannot lock out others). */
export const LOGIN_ATTEMPTS_PER_MINUTE = 5;
/** Failed sign-ins from one address across all e-mails (password spraying), per window. */
export const FAILED_LOGINS_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
const ACCOUNT_WINDOW_MS = 60_000;
/** Counters kept at most; beyond, expired ones are swept and then the oldest dropped. */
const MAX_COUNTERS = 50_000;

interface Counter {
  count: number;
  /** Attempts under way: they count against the address until they turn out to be right. */
  inFlight: number;
  resetsAt: number;
  lockoutReported: boolean;
}

export interface LoginTicket {
  /**
   * Call once the attempt is over. Only a failure counts against the address; a success or an
   * attempt that never got its password checked (the server was busy) gives the attempt back.
   */
  settle(outcome: 'succeeded' | 'failed' | 'not-checked'): void;
}

export class LoginRefused extends DomainError {
  constructor(
    readonly scope: 'address' | 'address+e-mail',
    /** True the first time in its window: that one is written to the audit log as a lockout. */
    readonly firstInWindow: boolean,
    retryInMs: number,
  ) {
    super('TOO_MANY_REQUESTS', `Too many sign-in attempts; try again in ${Math.max(1, Math.ceil(retryInMs / 60_000))} minute(s)`);
  }
}

/**
 * The sign-in limits of one API process, in memory (behind several replicas, each counts its own):
 * per address and e-mail every attempt counts; per address across all e-mails only failures (and
 * attempts still being checked) count, so an office behind one NAT address is not locked out by
 * its own morning sign-ins. Addresses are the client's as Express sees it (BEVAKA_TRUST_PROXY).
 */
export class LoginLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Refuses with LoginRefused (429) when a limit is reached; else returns the attempt's ticket. */
  begin(address: string, email: string): LoginTicket {
    const client = clientKey(address);
    const byAddress = this.counter(`address:${client}`, ADDRESS_WINDOW_MS);
    const byAccount = this.counter(`account:${client}:${email.trim().toLowerCase()}`, ACCOUNT_WINDOW_MS);
    if (byAddress.count + byAddress.inFlight >= FAILED_LOGINS_PER_ADDRESS) throw this.refuse('address', byAddress);
    if (byAccount.count >= LOGIN_ATTEMPTS_PER_MINUTE) throw this.refuse('address+e-mail', byAccount);
    byAccount.count++;
    byAddress.inFlight++;
    let settled = false;
    return {
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        byAddress.inFlight--;
        if (outcome === 'failed') byAddress.count++;
      },
    };
  }

  private refuse(scope: LoginRefused['scope'], counter: Counter): LoginRefused {
    const first = !counter.lockoutReported;
    counter.lockoutReported = true;
    return new LoginRefused(scope, first, counter.resetsAt - this.now());
  }

  private counter(key: string, windowMs: number): Counter {
    const now = this.now();
    const existing = this.counters.get(key);
    if (existing && (existing.resetsAt > now || existing.inFlight > 0)) return existing;
    if (existing) this.counters.delete(key);
    if (this.counters.size >= MAX_COUNTERS) this.sweep(now);
    const counter = { count: 0, inFlight: 0, resetsAt: now + windowMs, lockoutReported: false };
    this.counters.set(key, counter);
    return counter;
  }

  private sweep(now: number): void {
    for (const [key, counter] of this.counters) if (counter.resetsAt <= now && counter.inFlight === 0) this.counters.delete(key);
    // Still full (a flood from very many addresses): forget the oldest windows first.
    for (const key of this.counters.keys()) {
      if (this.counters.size < MAX_COUNTERS) break;
      this.counters.delete(key);
    }
  }
}

/**
 * The key of a client address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, since one
 * subscriber gets a whole /64 and could otherwise rotate addresses within it.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
