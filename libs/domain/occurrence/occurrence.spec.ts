import fc from 'fast-check';
import { DomainError } from '../errors';
import type { NoticePolicy } from '../escalation/policy';
import { parseSchedule, scheduleFromInstants } from '../schedule';
import { decide, OCCURRENCE_ACTS, OccurrenceCommand } from './commands';
import { nextNotice, noticeFired, noticeKey, noticeReachesOwners, noticesDueBy, quotaPaceOf } from './notices';
import { nextOpening } from './opening';
import { mayAct } from './permissions';
import type { OccurrenceState } from './state';
import { isResolved, OCCURRENCE_STATUSES, OccurrenceStatus, RESOLVED_STATUSES, UNRESOLVED_STATUSES } from './status';

const T0 = '2026-06-30T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const TZ = 'Europe/Stockholm';
const LADDER: NoticePolicy = { remindBefore: ['PT10S', 'PT5S'], escalateAfter: ['PT5S', 'PT10S'], repeatEvery: 'PT5S', timing: 'exact', calendar: 'SE' };

function occurrence(overrides: Partial<OccurrenceState> = {}): OccurrenceState {
  return {
    id: 'o1',
    periodKey: '2026H1',
    status: 'open',
    dueInstant: at(0),
    owners: { personIds: ['olle'], unitIds: [] },
    escalationStep: 0,
    generation: 0,
    armedAt: at(-60),
    fired: [],
    version: 1,
    ...overrides,
  };
}

describe('occurrence statuses: one definition', () => {
  it('splits every status into unresolved or resolved, and nothing else', () => {
    expect([...UNRESOLVED_STATUSES, ...RESOLVED_STATUSES].sort()).toEqual([...OCCURRENCE_STATUSES].sort());
    expect(OCCURRENCE_STATUSES).not.toContain('due' as never);
    for (const status of OCCURRENCE_STATUSES) expect(isResolved(status)).toBe((RESOLVED_STATUSES as readonly string[]).includes(status));
  });
});

describe('decide: what people do to an occurrence', () => {
  const commands: Record<string, OccurrenceCommand> = {
    complete: { kind: 'complete', byPersonId: 'olle', note: 'Klart' },
    postpone: { kind: 'postpone', byPersonId: 'ulla', dueInstant: at(3600), reason: 'Väntar' },
    skip: { kind: 'skip', byPersonId: 'ulla', reason: 'Utgår' },
    reassign: { kind: 'reassign', byPersonId: 'ulla', ownerPersonId: 'otto' },
    cancel: { kind: 'cancel', reason: 'Åtgärden togs bort' },
  };
  // Every command in every status: a change with its transition, a no-op, or a rejection.
  const expected: Record<string, Record<OccurrenceStatus, 'change' | 'no-op' | 'INVALID_TRANSITION'>> = {
    complete: { open: 'change', overdue: 'change', escalated: 'change', completed: 'no-op', skipped: 'INVALID_TRANSITION', cancelled: 'INVALID_TRANSITION' },
    postpone: { open: 'change', overdue: 'change', escalated: 'change', completed: 'INVALID_TRANSITION', skipped: 'INVALID_TRANSITION', cancelled: 'INVALID_TRANSITION' },
    skip: { open: 'change', overdue: 'change', escalated: 'change', completed: 'INVALID_TRANSITION', skipped: 'INVALID_TRANSITION', cancelled: 'INVALID_TRANSITION' },
    reassign: { open: 'change', overdue: 'change', escalated: 'change', completed: 'INVALID_TRANSITION', skipped: 'INVALID_TRANSITION', cancelled: 'INVALID_TRANSITION' },
    cancel: { open: 'change', overdue: 'change', escalated: 'change', completed: 'no-op', skipped: 'no-op', cancelled: 'no-op' },
  };
  const cases = Object.keys(commands).flatMap((c) => OCCURRENCE_STATUSES.map((s) => [c, s, expected[c][s]] as const));

  it.each(cases)('%s when %s → %s', (command, status, outcome) => {
    const before = occurrence({ status, escalationStep: status === 'escalated' ? 1 : 0 });
    if (outcome === 'INVALID_TRANSITION') {
      expect(() => decide(before, commands[command], at(1))).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
      return;
    }
    const change = decide(before, commands[command], at(1));
    if (outcome === 'no-op') {
      expect(change).toEqual({ state: before });
      return;
    }
    expect(change.transition?.kind).toBe({ complete: 'completed', postpone: 'postponed', skip: 'skipped', reassign: 'reassigned', cancel: 'cancelled' }[command]);
    expect(change.state.version).toBe(before.version + 1);
    expect(change.transition?.at).toBe(at(1));
  });

  it('completion records who and whether it was on time, against the due instant', () => {
    expect(decide(occurrence(), { kind: 'complete', byPersonId: 'cora', onBehalfOfPersonId: 'olle' }, at(-1)).state.completion).toMatchObject({ byPersonId: 'cora', onBehalfOfPersonId: 'olle', onTime: true });
    expect(decide(occurrence({ status: 'escalated' }), { kind: 'complete', byPersonId: 'olle' }, at(1)).state.completion?.onTime).toBe(false);
  });

  it('postponement: a new generation due later, open again, its notices armed from now', () => {
    const { state, transition } = decide(occurrence({ status: 'escalated', escalationStep: 2, fired: ['overdue:0', 'escalation:0'] }), { kind: 'postpone', byPersonId: 'ulla', dueInstant: at(3600), reason: 'Väntar' }, at(30));
    expect(state).toMatchObject({ status: 'open', dueInstant: at(3600), generation: 1, escalationStep: 0, fired: [], armedAt: at(30) });
    expect(transition).toMatchObject({ kind: 'postponed', actorPersonId: 'ulla', data: { dueInstant: at(3600), reason: 'Väntar', from: at(0) } });
  });

  it('postponement: refused into the past, without a reason, or to an unreadable date', () => {
    const reject = (command: Partial<Extract<OccurrenceCommand, { kind: 'postpone' }>>) => {
      try {
        decide(occurrence(), { kind: 'postpone', byPersonId: 'ulla', dueInstant: at(60), reason: 'x', ...command }, at(0));
      } catch (error) {
        return error instanceof DomainError ? [error.code, error.message] : error;
      }
      return 'accepted';
    };
    expect(reject({ dueInstant: at(-1) })).toEqual(['INVALID_TRANSITION', 'The new due date must be in the future']);
    expect(reject({ dueInstant: at(0) })).toEqual(['INVALID_TRANSITION', 'The new due date must be in the future']);
    expect(reject({ reason: '  ' })).toEqual(['VALIDATION_FAILED', 'reason is required']);
    expect(reject({ dueInstant: 'i morgon' })).toEqual(['VALIDATION_FAILED', 'Not an ISO date-time: "i morgon"']);
  });

  it('reassignment gives the occurrence one owner and arms its notices again', () => {
    const { state, transition } = decide(occurrence({ owners: { personIds: [], unitIds: ['u1'] } }), { kind: 'reassign', byPersonId: 'ulla', ownerPersonId: 'otto' }, at(5));
    expect(state.owners).toEqual({ personIds: ['otto'], unitIds: [] });
    expect(state.armedAt).toBe(at(5));
    expect(transition?.data).toEqual({ from: { personIds: [], unitIds: ['u1'] }, to: { personIds: ['otto'], unitIds: [] } });
  });
});

describe("a quota's period", () => {
  const period = occurrence({ dueInstant: '2026-06-30T21:59:59.999Z', quota: { target: 2, count: 1, periodStartsAt: '2025-12-31T23:00:00.000Z' } });
  const entry = { byPersonId: 'olle', happenedOn: '2026-03-12', note: 'Frukostmöte' };
  it('is reached time by time: a log through decide() counts, and the time that reaches the target completes it', () => {
    const change = decide(period, { kind: 'log', entry, timezone: TZ }, '2026-03-13T09:00:00Z');
    expect(change.state).toMatchObject({ status: 'completed', quota: { count: 2 }, completion: { onTime: true } });
  });
  it('is neither completed in one go nor postponed, but may be skipped', () => {
    expect(() => decide(period, { kind: 'complete', byPersonId: 'olle' }, T0)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => decide(period, { kind: 'postpone', byPersonId: 'olle', dueInstant: '2026-09-30T00:00:00Z', reason: 'x' }, T0)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(decide(period, { kind: 'skip', byPersonId: 'ulla', reason: 'Inga träffar i år' }, T0).state.status).toBe('skipped');
  });
  it('a plain task is not logged', () => {
    expect(() => decide(occurrence(), { kind: 'log', entry, timezone: TZ }, T0)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });
});

describe('who may act', () => {
  const none = { coordinator: false, owner: false, escalationTarget: false };
  it.each(OCCURRENCE_ACTS)('%s: coordinators always; nobody unrelated', (act) => {
    expect(mayAct(act, { ...none, coordinator: true })).toBe(true);
    expect(mayAct(act, none)).toBe(false);
    expect(mayAct(act, { ...none, escalationTarget: true })).toBe(true);
  });
  it("owners complete, log a quota's times and ask for a new date; skipping and reassigning are for those it escalated to", () => {
    const owner = { ...none, owner: true };
    expect(OCCURRENCE_ACTS.filter((act) => mayAct(act, owner))).toEqual(['complete', 'postpone', 'log']);
  });
});

describe('notices', () => {
  it('come in order: reminders, overdue, escalation steps, then repeats to the last step', () => {
    let state = occurrence();
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      const notice = nextNotice(state, LADDER, TZ)!;
      sent.push(`${notice.key}@${(Date.parse(notice.at) - Date.parse(T0)) / 1000}`);
      state = noticeFired(state, notice, notice.at).state;
    }
    expect(sent).toEqual(['reminder:0@-10', 'reminder:1@-5', 'overdue:0@0', 'escalation:0@5', 'escalation:1@10', 'repeat:1@15', 'repeat:2@20']);
    expect(state).toMatchObject({ status: 'escalated', escalationStep: 2, version: 4 });
  });

  it('of a quota: reminders at the pace checkpoints of its period, whatever the policy’s reminders say', () => {
    let state = occurrence({ quota: { target: 6, count: 0, periodStartsAt: at(-40) } });
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) {
      const notice = nextNotice(state, LADDER, TZ)!;
      sent.push(`${notice.key}@${(Date.parse(notice.at) - Date.parse(T0)) / 1000}`);
      state = noticeFired(state, notice, notice.at).state;
    }
    expect(sent).toEqual(['reminder:0@-30', 'reminder:1@-20', 'reminder:2@-10', 'overdue:0@0', 'escalation:0@5']);
  });

  it('of a quota: a checkpoint reminds only an owner behind pace; the end and escalations always go out', () => {
    const period = { target: 4, periodStartsAt: at(-40) }; // checkpoints at -30, -20, -10: 1, 2 and 3 expected
    const reminder = { kind: 'reminder' as const };
    expect(noticeReachesOwners(occurrence({ quota: { ...period, count: 0 } }), reminder, at(-30))).toBe(true);
    expect(noticeReachesOwners(occurrence({ quota: { ...period, count: 1 } }), reminder, at(-30))).toBe(false);
    expect(noticeReachesOwners(occurrence({ quota: { ...period, count: 1 } }), reminder, at(-20))).toBe(true);
    expect(noticeReachesOwners(occurrence({ quota: { ...period, count: 4 } }), reminder, at(-10))).toBe(false);
    expect(noticeReachesOwners(occurrence({ quota: { ...period, count: 3 } }), { kind: 'overdue' }, at(0))).toBe(true);
    expect(noticeReachesOwners(occurrence(), reminder, at(-10))).toBe(true);
    expect(quotaPaceOf(occurrence({ quota: { ...period, count: 3 } }), at(0))).toBe('missed');
    expect(quotaPaceOf(occurrence({ quota: { ...period, count: 2 } }), at(-20))).toBe('on-pace');
    expect(quotaPaceOf(occurrence(), at(0))).toBeUndefined();
  });

  it('the overdue notice and each escalation step are transitions; reminders and repeats are not', () => {
    const due = occurrence();
    expect(noticeFired(due, { kind: 'reminder', step: 0 }, at(-10)).transition).toBeUndefined();
    expect(noticeFired(due, { kind: 'overdue', step: 0 }, at(0))).toMatchObject({ state: { status: 'overdue', version: 2 }, transition: { kind: 'overdue' } });
    expect(noticeFired(due, { kind: 'escalation', step: 1 }, at(0))).toMatchObject({ state: { status: 'escalated', escalationStep: 2 }, transition: { kind: 'escalated', data: { step: 1 } } });
    expect(noticeFired(occurrence({ status: 'escalated', escalationStep: 1 }), { kind: 'repeat', step: 1 }, at(20)).transition).toBeUndefined();
  });

  it('a notice of another generation, one already sent, or one for a resolved occurrence changes nothing', () => {
    const state = occurrence({ generation: 1, fired: ['overdue:0'] });
    expect(noticeFired(state, { kind: 'escalation', step: 0, generation: 0 }, at(5))).toEqual({ state });
    expect(noticeFired(state, { kind: 'overdue', step: 0 }, at(5))).toEqual({ state });
    const done = occurrence({ status: 'completed' });
    expect(noticeFired(done, { kind: 'overdue', step: 0 }, at(5))).toEqual({ state: done });
    expect(nextNotice(done, LADDER, TZ)).toBeUndefined();
  });

  it('reminders that had passed when the notices were armed: only the latest, and none once the due time has passed', () => {
    expect(nextNotice(occurrence({ armedAt: at(-7) }), LADDER, TZ)?.key).toBe('reminder:0'); // 10 s before passed: still the latest passed one
    expect(nextNotice(occurrence({ armedAt: at(-2) }), LADDER, TZ)?.key).toBe('reminder:1');
    expect(nextNotice(occurrence({ armedAt: at(2) }), LADDER, TZ)?.key).toBe('overdue:0');
  });

  it('no repeats before an escalation, and none without a repeat policy', () => {
    const quiet = { ...LADDER, escalateAfter: [] };
    let state = occurrence({ armedAt: at(1) });
    state = noticeFired(state, nextNotice(state, quiet, TZ)!, at(1)).state;
    expect(nextNotice(state, quiet, TZ)).toBeUndefined();
    const noRepeats = { ...LADDER, repeatEvery: undefined };
    expect(nextNotice(occurrence({ status: 'escalated', escalationStep: 2, fired: ['reminder:0', 'reminder:1', 'overdue:0', 'escalation:0', 'escalation:1'] }), noRepeats, TZ)).toBeUndefined();
  });

  it('working days: a notice goes out at the policy notice time on a working day', () => {
    const policy: NoticePolicy = { remindBefore: [], escalateAfter: ['P1D'], timing: 'working-days', calendar: 'SE', noticeTime: '07:30' };
    // Due at the end of Friday 2026-12-18: overdue and the first step both on Monday 07:30 (CET).
    const state = occurrence({ dueInstant: '2026-12-18T22:59:59.999Z', armedAt: '2026-12-01T00:00:00.000Z' });
    const due = noticesDueBy(state, policy, TZ, '2026-12-21T06:30:00.000Z');
    expect(due.map((d) => [d.notice.key, d.notice.at])).toEqual([
      ['overdue:0', '2026-12-21T06:30:00.000Z'],
      ['escalation:0', '2026-12-21T06:30:00.000Z'],
    ]);
  });

  // Properties over any ladder and any moment the workflow wakes: what is due is sent once, in
  // order, and nothing due is left behind.
  const ladders = fc.record({
    remindBefore: fc.array(fc.integer({ min: 1, max: 600 }).map((s) => `PT${s}S`), { maxLength: 3 }),
    escalateAfter: fc.array(fc.integer({ min: 0, max: 600 }).map((s) => `PT${s}S`), { maxLength: 3 }),
    repeatEvery: fc.option(fc.integer({ min: 1, max: 600 }).map((s) => `PT${s}S`), { nil: undefined }),
  });

  it('property: waking at any moments, every notice is sent once, in time order, and none that was due is left', () => {
    fc.assert(
      fc.property(ladders, fc.array(fc.integer({ min: -700, max: 3000 }), { minLength: 1, maxLength: 8 }), (ladder, wakes) => {
        const policy: NoticePolicy = { ...ladder, timing: 'exact', calendar: 'SE' };
        let state = occurrence({ armedAt: at(-1000) });
        const keys: string[] = [];
        let last = '';
        for (const wake of [...wakes].sort((a, b) => a - b)) {
          const due = noticesDueBy(state, policy, TZ, at(wake));
          for (const { notice, after } of due) {
            expect(notice.at <= at(wake)).toBe(true);
            expect(notice.at >= last).toBe(true);
            last = notice.at;
            keys.push(notice.key);
            state = after;
          }
          const next = nextNotice(state, policy, TZ);
          if (next && due.length < 100) expect(next.at > at(wake)).toBe(true); // (a workflow asleep for 100 repeats sends 100)
        }
        expect(new Set(keys).size).toBe(keys.length);
        expect(state.version).toBe(1 + keys.filter((k) => k.startsWith('overdue') || k.startsWith('escalation')).length);
      }),
    );
  });

  it("property: after a postponement the old generation's notices are refused, and the new one's keys start over", () => {
    fc.assert(
      fc.property(ladders, fc.integer({ min: 1, max: 3000 }), (ladder, later) => {
        const policy: NoticePolicy = { ...ladder, timing: 'exact', calendar: 'SE' };
        let state = occurrence({ armedAt: at(-1000) });
        const old = noticesDueBy(state, policy, TZ, at(100)).map(({ notice, after }) => ((state = after), notice));
        const postponed = decide(state, { kind: 'postpone', byPersonId: 'ulla', dueInstant: at(100 + later), reason: 'x' }, at(100)).state;
        expect(postponed.fired).toEqual([]);
        for (const notice of old) expect(noticeFired(postponed, { ...notice, generation: 0 }, at(101))).toEqual({ state: postponed });
        const fresh = noticesDueBy(postponed, policy, TZ, at(100 + later));
        expect(fresh.map((f) => f.notice.key)).toContain(noticeKey('overdue', 0));
      }),
    );
  });
});

describe('opening', () => {
  const quiet: NoticePolicy = { remindBefore: ['P14D'], escalateAfter: [], timing: 'exact', calendar: 'SE' };

  it('explicit instants: the first opens at once, each next one when the previous falls due', () => {
    const none = { ...quiet, remindBefore: [] };
    const schedule = scheduleFromInstants({ due: [at(86_400 * 10), at(86_400 * 30)] });
    expect(nextOpening({ schedule, timezone: TZ, policy: none, now: T0 })).toMatchObject({ opensAt: T0, dueInstant: at(86_400 * 10) });
    expect(nextOpening({ schedule, timezone: TZ, policy: none, openedThrough: at(86_400 * 10), now: at(5) })).toMatchObject({ opensAt: at(86_400 * 10), dueInstant: at(86_400 * 30) });
    expect(nextOpening({ schedule, timezone: TZ, policy: none, openedThrough: at(86_400 * 30), now: at(5) })).toBeUndefined();
  });

  it('a period opens on its first day at local midnight, or at its first reminder when that comes first', () => {
    const schedule = parseSchedule({ text: 'Informationsmöten två gånger per år', when: '2026' });
    const h2 = nextOpening({ schedule, timezone: TZ, policy: quiet, openedThrough: '2026-06-30T21:59:59.999Z', now: T0 });
    expect(h2).toMatchObject({ periodKey: '2026H2', opensAt: '2026-06-30T22:00:00.000Z' });
    const early = nextOpening({ schedule, timezone: TZ, policy: { ...quiet, remindBefore: ['P200D'] }, openedThrough: '2026-06-30T21:59:59.999Z', now: T0 });
    expect(Date.parse(early!.opensAt)).toBeLessThan(Date.parse('2026-06-30T22:00:00.000Z'));
  });

  it('a quota period opens at its first local midnight, whatever the lead times, with its target', () => {
    const schedule = parseSchedule({ text: 'Företagsträffar minst sex gånger per år', when: '2026' });
    expect(schedule.kind).toBe('quota');
    const year = nextOpening({ schedule, timezone: TZ, policy: { ...quiet, remindBefore: ['P400D'] }, followFrom: '2026-03-01T00:00:00Z', now: '2026-03-01T00:00:00Z' });
    expect(year).toMatchObject({ periodKey: '2026', opensAt: '2025-12-31T23:00:00.000Z', quota: { target: 6, periodStartsAt: '2025-12-31T23:00:00.000Z' } });
  });

  it('explicit instants with a target: each period runs from the previous instant, the first from when follow-up began', () => {
    const schedule = scheduleFromInstants({ due: [at(100), at(200)], target: 3 });
    expect(schedule).toMatchObject({ kind: 'quota', rule: { type: 'instants', target: 3 } });
    expect(nextOpening({ schedule, timezone: TZ, policy: quiet, followFrom: at(-5), now: at(0) })).toMatchObject({ dueInstant: at(100), opensAt: at(-5), quota: { target: 3, periodStartsAt: at(-5) } });
    expect(nextOpening({ schedule, timezone: TZ, policy: quiet, openedThrough: at(100), now: at(50) })).toMatchObject({ dueInstant: at(200), opensAt: at(100), quota: { periodStartsAt: at(100) } });
    expect(nextOpening({ schedule: scheduleFromInstants({ due: [at(100)] }), timezone: TZ, policy: quiet, now: at(0) })?.quota).toBeUndefined();
    for (const target of [0, 1.5, -1, 367, '3']) {
      expect(() => scheduleFromInstants({ due: [at(100)], target: target as number })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('what fell due before follow-up began never opens', () => {
    const schedule = scheduleFromInstants({ due: [at(-100), at(100)] });
    expect(nextOpening({ schedule, timezone: TZ, policy: quiet, followFrom: T0, now: T0 })?.dueInstant).toBe(at(100));
  });
});
