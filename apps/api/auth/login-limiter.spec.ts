import { ADDRESS_WINDOW_MS, clientKey, FAILED_LOGINS_PER_ADDRESS, LOGIN_ATTEMPTS_PER_MINUTE, LoginLimiter, LoginRefused } from './login-limiter';

function refusal(fn: () => unknown): LoginRefused | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof LoginRefused) return error;
    throw error;
  }
}

describe('LoginLimiter', () => {
  let now = 0;
  const limiter = () => new LoginLimiter(() => now);
  beforeEach(() => (now = 1_000_000));

  it('allows a few attempts per address and e-mail, failed or not, then refuses until the minute is over', () => {
    const l = limiter();
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE; i++) l.begin('10.0.0.1', 'Olle@kommun.se').settle('succeeded');
    const refused = refusal(() => l.begin('10.0.0.1', 'olle@kommun.se'));
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', scope: 'address+e-mail', firstInWindow: true });
    expect(refusal(() => l.begin('10.0.0.1', 'olle@kommun.se'))).toMatchObject({ firstInWindow: false });
    expect(refusal(() => l.begin('10.0.0.2', 'olle@kommun.se'))).toBeUndefined(); // another address
    expect(refusal(() => l.begin('10.0.0.1', 'cora@kommun.se'))).toBeUndefined(); // another account
    now += 60_000;
    expect(refusal(() => l.begin('10.0.0.1', 'olle@kommun.se'))).toBeUndefined();
  });

  it('refuses an address after many failures across e-mails, but not after many successes', () => {
    const l = limiter();
    for (let i = 0; i < 3 * FAILED_LOGINS_PER_ADDRESS; i++) l.begin('10.0.0.9', `person${i}@kommun.se`).settle('succeeded');
    for (let i = 0; i < FAILED_LOGINS_PER_ADDRESS; i++) l.begin('10.0.0.1', `guess${i}@kommun.se`).settle('failed');
    expect(refusal(() => l.begin('10.0.0.1', 'new@kommun.se'))).toMatchObject({ scope: 'address', firstInWindow: true });
    expect(refusal(() => l.begin('10.0.0.9', 'new@kommun.se'))).toBeUndefined();
    now += ADDRESS_WINDOW_MS;
    expect(refusal(() => l.begin('10.0.0.1', 'new@kommun.se'))).toBeUndefined();
  });

  it('counts attempts still being checked against the address, so a burst cannot get ahead of the count', () => {
    const l = limiter();
    const tickets = Array.from({ length: FAILED_LOGINS_PER_ADDRESS }, (_, i) => l.begin('10.0.0.1', `burst${i}@kommun.se`));
    expect(refusal(() => l.begin('10.0.0.1', 'one-more@kommun.se'))).toMatchObject({ scope: 'address' });
    tickets.forEach((t, i) => t.settle(i % 2 ? 'succeeded' : 'not-checked'));
    tickets[0].settle('failed'); // settling twice changes nothing
    expect(refusal(() => l.begin('10.0.0.1', 'one-more@kommun.se'))).toBeUndefined();
  });
});

describe('clientKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and groups IPv6 by /64', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});
