import { mailRoute } from './outbox-router';

const options = { smtpEnabled: true, timezone: 'Europe/Stockholm' };
const notice = (createdAt: string, delivery: 'immediate' | 'digest' | 'off', recipientActive = true, planId: string | null = 'plan-a') => ({ recipientPersonId: 'p1', planId, createdAt, delivery, recipientActive });

describe('mailRoute', () => {
  it('sends at once, never, or not at all without SMTP', () => {
    expect(mailRoute(notice('2024-01-08T10:00:00Z', 'immediate'), options)).toEqual({ state: 'queued' });
    expect(mailRoute(notice('2024-01-08T10:00:00Z', 'off'), options)).toEqual({ state: 'off' });
    expect(mailRoute(notice('2024-01-08T10:00:00Z', 'immediate'), { ...options, smtpEnabled: false })).toEqual({ state: 'in-app' });
  });

  it('mails nothing to a deactivated person, whatever they chose', () => {
    for (const delivery of ['immediate', 'digest', 'off'] as const) expect(mailRoute(notice('2024-01-08T10:00:00Z', delivery, false), options)).toEqual({ state: 'off' });
  });

  it('puts digest notices in the 08:00 digest of the next working day', () => {
    // Monday 06:30 local: today's digest; Friday after 08:00: Monday's; before midsommar: after it.
    expect(mailRoute(notice('2024-01-08T05:30:00Z', 'digest'), options)).toEqual({ state: 'queued', dueAt: '2024-01-08T07:00:00.000Z', digestKey: 'digest:p1:2024-01-08T07:00:00.000Z:plan-a' });
    expect(mailRoute(notice('2024-01-12T09:00:00Z', 'digest'), options).dueAt).toBe('2024-01-15T07:00:00.000Z');
    expect(mailRoute(notice('2024-06-20T12:00:00Z', 'digest'), options).dueAt).toBe('2024-06-24T06:00:00.000Z');
  });

  it('makes one digest per plan: the same reader and window, another plan, another key', () => {
    const key = (planId: string | null) => mailRoute(notice('2024-01-08T05:30:00Z', 'digest', true, planId), options).digestKey;
    expect(key('plan-b')).toBe('digest:p1:2024-01-08T07:00:00.000Z:plan-b');
    expect(new Set([key('plan-a'), key('plan-b'), key(null)]).size).toBe(3);
    expect(key(null)).toBe('digest:p1:2024-01-08T07:00:00.000Z:no-plan');
  });
});
