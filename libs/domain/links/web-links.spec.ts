import { actionLinkFor, noticeActions, OCCURRENCE_ACTIONS, occurrenceActionOf, OccurrenceAction, webLinkFor } from './web-links';

describe('webLinkFor', () => {
  const base = 'https://bevaka.kommun.se';

  it('links to the most precise item there is', () => {
    expect(webLinkFor({ occurrenceId: 'o1', actionId: 'a1', planId: 'p1' }, base)).toBe(`${base}/occurrences/o1`);
    expect(webLinkFor({ occurrenceId: null, actionId: 'a1', planId: 'p1' }, base)).toBe(`${base}/actions/a1`);
    expect(webLinkFor({ planId: 'p1' }, base)).toBe(`${base}/plans/p1`);
    expect(webLinkFor({}, base)).toBe(`${base}/`);
  });
});

describe('action links', () => {
  const base = 'https://bevaka.kommun.se';

  it('are the occurrence link with the action as a readable query value, read back the same', () => {
    expect(actionLinkFor('o1', 'complete', base)).toBe(`${base}/occurrences/o1?gora=klarmarkera`);
    expect(actionLinkFor('o1', 'setNewDate', base)).toBe(`${base}/occurrences/o1?gora=nytt-datum`);
    for (const action of Object.keys(OCCURRENCE_ACTIONS) as OccurrenceAction[]) {
      expect(occurrenceActionOf(new URL(actionLinkFor('o1', action, base)).searchParams.get('gora'))).toBe(action);
    }
    expect(occurrenceActionOf('radera')).toBeNull();
    expect(occurrenceActionOf(null)).toBeNull();
  });

  it('keep their query values: they are in mail already sent', () => {
    expect(Object.fromEntries(Object.entries(OCCURRENCE_ACTIONS).map(([a, d]) => [a, d.param]))).toEqual({
      complete: 'klarmarkera',
      requestNewDate: 'be-om-nytt-datum',
      logTime: 'logga-tid',
      acknowledge: 'kvittera',
      setNewDate: 'nytt-datum',
      reassign: 'ge-till-annan',
    });
  });
});

describe('noticeActions', () => {
  const n = (kind: string, payload: Record<string, unknown> = {}) => noticeActions({ kind, payload, occurrenceId: 'o1' });

  it('offers the owner done or a new date, and a time logged for a quota', () => {
    for (const kind of ['reminder', 'overdue', 'repeat']) expect(n(kind)).toEqual(['complete', 'requestNewDate']);
    expect(n('overdue', { quota: { count: 2, target: 6 } })).toEqual(['logTime']);
  });

  it('offers whoever an escalation reached acknowledge, a new date and reassign', () => {
    expect(n('escalation-1')).toEqual(['acknowledge', 'setNewDate', 'reassign']);
    expect(n('escalation-3')).toEqual(['acknowledge', 'setNewDate', 'reassign']);
    expect(n('escalation-2', { quota: { count: 2, target: 6 } })).toEqual(['acknowledge', 'reassign']);
    expect(n('escalation-1', { statusReport: true })).toEqual(['acknowledge', 'reassign']);
  });

  it('offers nothing but the item on receipts, status reports and notices without an occurrence', () => {
    expect(n('completed')).toEqual([]);
    expect(n('postponed')).toEqual([]);
    expect(n('status-request')).toEqual([]);
    expect(n('overdue', { statusReport: true })).toEqual([]);
    expect(noticeActions({ kind: 'overdue', payload: {}, occurrenceId: null })).toEqual([]);
  });
});
