import { DomainError } from '../errors';
import { listOccurrences, nextOccurrence, parseSchedule } from '.';

const spec = (text: string, when?: string, from = '2020-01-01') => parseSchedule({ text, when, from });

describe('listOccurrences', () => {
  it.each([
    ['en gång per år', ['2020', '2021']],
    ['halvårsvis', ['2020H1', '2020H2']],
    ['tre gånger per år', ['2020T1', '2020T2']],
    ['kvartalsvis', ['2020Q1', '2020Q2']],
    ['varannan månad', ['2020B1', '2020B2']],
    ['månadsvis', ['2020-01', '2020-02']],
    ['varje vecka', ['2020-W01', '2020-W02']],
    ['vartannat år', ['2020', '2022']],
  ])('period keys of "%s"', (text, keys) => {
    expect(listOccurrences(spec(text), { count: 2 }).map((o) => o.periodKey)).toEqual(keys);
  });

  it('once: the key is the due date', () => {
    expect(listOccurrences(spec('Översyn', 'Q4 2020'))).toEqual([
      { periodKey: '2020-12-31', periodStart: '2020-10-01', periodEnd: '2020-12-31', due: '2020-12-31', dueInstant: '2020-12-31T22:59:59.999Z' },
    ]);
  });

  it('continues after a period key, a date or an instant', () => {
    const quarterly = spec('kvartalsvis');
    expect(nextOccurrence(quarterly, { after: '2020Q3' })?.periodKey).toBe('2020Q4');
    expect(nextOccurrence(quarterly, { after: '2030Q4' })?.periodKey).toBe('2031Q1');
    expect(nextOccurrence(quarterly, { after: '2020-09-30' })?.periodKey).toBe('2020Q4');
    expect(nextOccurrence(quarterly, { after: '2020-09-29' })?.periodKey).toBe('2020Q3');
    expect(nextOccurrence(quarterly, { after: '2020' })?.periodKey).toBe('2021Q1');
    expect(nextOccurrence(quarterly, { after: '2020-09-30T21:59:59.998Z' })?.periodKey).toBe('2020Q3');
    expect(nextOccurrence(spec('Översyn', 'Q4 2020'), { after: '2020-12-31' })).toBeUndefined();
  });

  it('stops at until', () => {
    expect(listOccurrences(spec('månadsvis'), { until: '2020Q1' }).map((o) => o.periodKey)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(listOccurrences(spec('månadsvis'), { after: '2020-01', until: '2020-03-30' }).map((o) => o.periodKey)).toEqual(['2020-02']);
  });

  it('puts the due instant at the end of the local day, across DST', () => {
    const weekly = listOccurrences(spec('varje vecka', '2021-03-20'), { count: 2, timezone: 'Europe/Stockholm' });
    expect(weekly.map((o) => o.dueInstant)).toEqual(['2021-03-21T22:59:59.999Z', '2021-03-28T21:59:59.999Z']);
    const ny = listOccurrences(spec('månadsvis', '2021-10'), { count: 1, timezone: 'America/New_York' });
    expect(ny[0].dueInstant).toBe('2021-11-01T03:59:59.999Z');
  });

  it('rejects an unknown timezone, a bad cursor and a bad count', () => {
    expect(() => listOccurrences(spec('kvartalsvis'), { timezone: 'Mars/Olympus' })).toThrow(DomainError);
    expect(() => listOccurrences(spec('kvartalsvis'), { after: 'last tuesday' })).toThrow(DomainError);
    expect(() => listOccurrences(spec('kvartalsvis'), { count: -1 })).toThrow(DomainError);
  });

  it('gives nothing for continuous and unreadable schedules', () => {
    expect(listOccurrences(spec('löpande'))).toEqual([]);
    expect(listOccurrences(spec('fem gånger i månaden'))).toEqual([]);
  });
});
