import { DomainError } from '../errors';
import { decide } from '../occurrence/commands';
import type { OccurrenceState } from '../occurrence/state';
import { ASSESSMENT_LABELS, ASSESSMENTS } from './assessment';
import { DEFAULT_ROUND_SETTINGS, requireApprovable, requireOpen, returnedDue, roundProgress, roundTimes, statusReportState } from './round';

describe('reporting round rules', () => {
  it('opens 30 days before the period ends, is due at the end and freezes 30 days after, by default', () => {
    expect(roundTimes({ endsAt: '2026-12-31T23:00:00.000Z' }, DEFAULT_ROUND_SETTINGS)).toEqual({
      opensAt: '2026-12-01T23:00:00.000Z',
      deadline: '2026-12-31T23:00:00.000Z',
      freezesAt: '2027-01-30T23:00:00.000Z',
    });
  });

  it('reads a report state from its occurrence: submitted, missing, returned, not reported', () => {
    expect(statusReportState('completed', true)).toBe('submitted');
    expect(statusReportState('open', false)).toBe('missing');
    expect(statusReportState('escalated', false)).toBe('missing');
    expect(statusReportState('open', true)).toBe('returned');
    expect(statusReportState('cancelled', false)).toBe('not-reported');
  });

  it('is approved only once its period has ended, and only while open', () => {
    const round = { status: 'open' as const, periodEndsAt: '2026-12-31T23:00:00.000Z' };
    expect(() => requireApprovable(round, '2026-12-31T22:59:59.000Z')).toThrow(DomainError);
    expect(() => requireApprovable(round, '2026-12-31T23:00:00.000Z')).not.toThrow();
    expect(() => requireApprovable({ ...round, status: 'approved' }, '2027-01-05T00:00:00.000Z')).toThrow(/already approved/);
    expect(() => requireOpen({ status: 'frozen' })).toThrow(/frozen/);
  });

  it('gives a report sent back the round deadline, or more time when the deadline has passed', () => {
    expect(returnedDue('2026-12-31T23:00:00.000Z', '2026-12-20T10:00:00.000Z', { returnFor: 'P7D' })).toBe('2026-12-31T23:00:00.000Z');
    expect(returnedDue('2026-12-31T23:00:00.000Z', '2027-01-03T10:00:00.000Z', { returnFor: 'P7D' })).toBe('2027-01-10T10:00:00.000Z');
  });

  it('counts reported and missing per area and per unit', () => {
    const progress = roundProgress([
      { area: 'Upphandling', unit: 'Ekonomi', state: 'submitted' },
      { area: 'Upphandling', unit: 'Samhällsbyggnad', state: 'missing' },
      { area: 'Service', unit: 'Samhällsbyggnad', state: 'returned' },
      { area: 'Service', unit: 'Ekonomi', state: 'not-reported' },
    ]);
    expect(progress.overall).toEqual({ total: 4, submitted: 1, missing: 1, returned: 1, notReported: 1 });
    expect(progress.byArea).toEqual([
      { area: 'Upphandling', total: 2, submitted: 1, missing: 1, returned: 0, notReported: 0 },
      { area: 'Service', total: 2, submitted: 0, missing: 0, returned: 1, notReported: 1 },
    ]);
    expect(progress.byUnit.map((u) => [u.unit, u.total])).toEqual([
      ['Ekonomi', 2],
      ['Samhällsbyggnad', 2],
    ]);
  });

  it('labels every assessment in Swedish and English', () => {
    expect(ASSESSMENTS.map((a) => ASSESSMENT_LABELS.sv[a])).toEqual(['Genomförd', 'Enligt plan', 'Risk för avvikelse', 'Avvikelse', 'Ej påbörjad']);
    for (const a of ASSESSMENTS) expect(ASSESSMENT_LABELS.en[a]).toMatch(/\w/);
  });
});

describe('sending a status report back', () => {
  const submitted: OccurrenceState = {
    id: 'o1',
    periodKey: 'report:2026H2',
    status: 'completed',
    dueInstant: '2026-12-31T23:00:00.000Z',
    owners: { personIds: ['olle'], unitIds: [] },
    escalationStep: 1,
    generation: 0,
    armedAt: '2026-12-01T23:00:00.000Z',
    fired: ['reminder:0', 'overdue:0'],
    version: 4,
    completion: { byPersonId: 'olle', at: '2026-12-20T10:00:00.000Z', onTime: true },
  };

  it('opens it again with a new generation, its notices armed from now', () => {
    const change = decide(submitted, { kind: 'return', byPersonId: 'cora', note: 'Komplettera', dueInstant: '2027-01-10T10:00:00.000Z' }, '2027-01-03T10:00:00.000Z');
    expect(change.state).toMatchObject({ status: 'open', generation: 1, fired: [], escalationStep: 0, armedAt: '2027-01-03T10:00:00.000Z', dueInstant: '2027-01-10T10:00:00.000Z', version: 5 });
    expect(change.state.completion).toBeUndefined();
    expect(change.transition).toMatchObject({ kind: 'returned', actorPersonId: 'cora', data: { note: 'Komplettera' } });
  });

  it('refuses what is not submitted, and a return without a note', () => {
    expect(() => decide({ ...submitted, status: 'open' }, { kind: 'return', byPersonId: 'cora', note: 'x', dueInstant: submitted.dueInstant }, submitted.armedAt)).toThrow(/Only a submitted report/);
    expect(() => decide(submitted, { kind: 'return', byPersonId: 'cora', note: ' ', dueInstant: submitted.dueInstant }, submitted.armedAt)).toThrow(/note is required/);
  });
});
