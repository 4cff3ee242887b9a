import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DomainError } from '../errors';
import { listOccurrences, nextOccurrence, parseSchedule, scheduleFromInstants, scheduleFromRRule, toScheduleSpec } from '.';
import { ScheduleSpec } from './types';

interface Case {
  id: string;
  lang?: string;
  text: string;
  when?: string;
  from?: string;
  /** A quota's expectation is its target and period (`due` then optional: one per period's end). */
  expect: { kind: string; due?: string[]; target?: number; per?: string };
}

const load = (file: string): Case[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);

const firstDue = (spec: ScheduleSpec, n = 4) => listOccurrences(spec, { count: n }).map((o) => o.due);

/** What a case expects, read from the parsed schedule in the same shape. */
function check(c: Case) {
  const spec = parseSchedule({ text: c.text, when: c.when, from: c.from });
  const wanted = c.expect.due?.length ?? 0;
  return {
    kind: spec.kind,
    ...(c.expect.due ? { due: firstDue(spec, Math.max(wanted, 1)).slice(0, wanted) } : {}),
    ...(c.expect.target !== undefined && spec.rule?.type === 'quota' ? { target: spec.rule.target, per: spec.rule.per } : {}),
  };
}

describe('shared schedule examples (test/fixtures/schedule-examples.jsonl)', () => {
  const cases = load(join(__dirname, '../../../test/fixtures/schedule-examples.jsonl'));
  it('has all the examples', () => expect(cases.length).toBeGreaterThanOrEqual(22));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(check(c)).toEqual(c.expect);
  });
});

describe('our own phrase cases (__fixtures__/phrases.jsonl)', () => {
  const cases = load(join(__dirname, '__fixtures__/phrases.jsonl'));
  const results = new Map<string, boolean>();

  it('has at least 120 cases, 25 Danish, 25 Norwegian and English ones', () => {
    const per = (lang: string) => cases.filter((c) => c.lang === lang).length;
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(per('da')).toBeGreaterThanOrEqual(25);
    expect(per('nb')).toBeGreaterThanOrEqual(25);
    expect(per('en')).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.id, c.text, c.when ?? '', c] as const))('%s: %s / %s', (id, _t, _w, c) => {
    const got = check(c);
    results.set(id, isDeepStrictEqual(got, c.expect));
    expect(got).toEqual(c.expect);
  });

  afterAll(() => {
    const passed = [...results.values()].filter(Boolean).length;
    // The accuracy figure (also: npx tsx apps/cli/accuracy.ts).
    console.log(`schedule phrase accuracy: ${passed}/${cases.length} (${((100 * passed) / cases.length).toFixed(1)}%)`);
  });
});

describe('timing expressions (SCHEDULES.md table)', () => {
  const due = (when: string, from = '2020-01-01') => parseSchedule({ text: 'Översyn', when, from });
  it.each([
    ['Q4 2020', '2020-12-31'], ['Q4-2020', '2020-12-31'], ['kvartal 4 2020', '2020-12-31'], ['4. kvartal 2020', '2020-12-31'],
    ['2021', '2021-12-31'], ['januari 2021', '2021-01-31'], ['januar 2021', '2021-01-31'], ['January 2021', '2021-01-31'],
    ['våren 2021', '2021-06-30'], ['VT 2021', '2021-06-30'], ['hösten 2020', '2020-12-31'], ['HT 2020', '2020-12-31'],
    ['sommaren 2021', '2021-08-31'], ['2021-03-15', '2021-03-15'], ['15 mars 2021', '2021-03-15'], ['den 15. marts 2021', '2021-03-15'],
    ['senast 2021-03-15', '2021-03-15'], ['inden udgangen af februar 2016', '2016-02-29'], ['by 31 March 2022', '2022-03-31'],
    ['Senast: 2021-03-15.', '2021-03-15'], ['HT20', '2020-12-31'], ['vt-19', '2019-06-30'], ['Q3/2021', '2021-09-30'],
    ['2021 Q2', '2021-06-30'], ['fourth quarter of 2020', '2020-12-31'], ['15/3 2021', '2021-03-15'], ['15.03.2021', '2021-03-15'],
    ['H1 2022', '2022-06-30'], ['T3 2021', '2021-12-31'], ['utgången av 2021', '2021-12-31'], ['jan-mar 2022', '2022-03-31'],
    ['Q1–Q2 2021', '2021-06-30'], ['hösten 2021 – våren 2022', '2022-06-30'], ['2020/2021', '2021-12-31'], ['under 2021', '2021-12-31'],
    ['innan 2021', '2020-12-31'], ['efteråret 2016', '2016-12-31'], ['høsten 2021', '2021-12-31'], ['uge 53 2020', '2021-01-03'],
  ])('%s → %s', (when, expected) => {
    const spec = due(when);
    expect(spec).toMatchObject({ kind: 'once', due: expected });
    expect(firstDue(spec)).toEqual([expected]);
  });

  it('starts a recurring schedule on the first day of the timing cell', () => {
    expect(parseSchedule({ text: 'Möte varje kvartal', when: 'Q3 2020' }).start).toBe('2020-07-01');
    expect(parseSchedule({ text: 'Möte varje kvartal', when: '2021' }).start).toBe('2021-01-01');
    expect(parseSchedule({ text: 'Möte varje kvartal', when: 'hösten 2020' }).start).toBe('2020-07-01');
    expect(parseSchedule({ text: 'Möte varje kvartal', from: '2020-05-17' }).start).toBe('2020-05-17');
  });

  it('"Löpande" is continuous', () => {
    expect(parseSchedule({ text: 'Arbeta för laganda', when: 'Löpande' })).toMatchObject({ kind: 'continuous', rule: null, warnings: [] });
  });

  it('warns when a weekday does not match the date', () => {
    const spec = parseSchedule({ text: 'Möte', when: 'måndag den 11 september 2018' });
    expect(spec.due).toBe('2018-09-11');
    expect(spec.warnings.map((w) => w.code)).toContain('WEEKDAY_MISMATCH');
  });

  it('assumes the plan year for a timing without one, with a warning', () => {
    const spec = parseSchedule({ text: 'Möte', when: 'Q2', from: '2022-01-01' });
    expect(spec).toMatchObject({ kind: 'once', due: '2022-06-30' });
    expect(spec.warnings.map((w) => w.code)).toEqual(['YEAR_ASSUMED']);
    expect(parseSchedule({ text: 'Möte', when: 'Q2' })).toMatchObject({ kind: 'unreadable' });
  });
});

describe('frequencies in any language, case and punctuation', () => {
  const perYear = (text: string, when?: string) => {
    const spec = parseSchedule({ text, when, from: '2021-01-01' });
    if (spec.rule?.type === 'quota') return `quota ${spec.rule.target}/${spec.rule.per}`;
    return spec.rule && spec.rule.type === 'perYear' ? spec.rule.perYear : spec.rule?.type ?? spec.kind;
  };
  it.each([
    ['SEX GÅNGER PER ÅR!!', 6], ['Möten 2 GGR / ÅR.', 2], ['Två gånger per år.', 2], ['två ggr om året', 2], ['2x/år', 2],
    ['minst sex gånger per år', 'quota 6/year'], ['sex gånger', 'unreadable'], ['tolv gånger årligen', 12], ['fyra gånger årligen', 4],
    ['2 gange årligt', 2], ['hvert kvartal', 4], ['to ganger i året', 2], ['every other month', 6], ['halvårsvis', 2],
    ['en gång i månaden', 12], ['tre gånger per halvår', 6], ['to gange om kvartalet', 'quota 2/quarter'],
    ['Tertialvis', 3], ['kvartalsvis', 4], ['månedlig', 12], ['årlig', 1], ['annually', 1], ['once a quarter', 4],
    ['twice yearly', 2], ['Twice per year', 2], ['6 times a year', 6], ['var tredje månad', 4], ['var 3:e månad', 4],
    ['hver 2. måned', 6], ['hver sjette måned', 2], ['var sjätte månad', 2], ['every 4 months', 3], ['every 5 months', 'unreadable'],
    ['tio gånger per år', 'quota 10/year'], ['fyra möten per år', 4], ['ett möte i månaden', 12], ['tre træf om året', 3],
  ])('%s → %s', (text, expected) => {
    expect(perYear(text)).toBe(expected);
  });

  it('reads the frequency from the timing cell', () => {
    const spec = parseSchedule({ text: 'Frukostmöte', when: '2 ggr/år', from: '2021-01-01' });
    expect(firstDue(spec, 2)).toEqual(['2021-06-30', '2021-12-31']);
    expect(parseSchedule({ text: 'Frukostmöte', when: 'Kvartalsvis fr.o.m. Q2 2021' }).start).toBe('2021-04-01');
  });

  it.each([
    ['vartannat år', 2], ['vart tredje år', 3], ['hvert andet år', 2], ['annethvert år', 2], ['every two years', 2], ['biennially', 2],
    ['vart 4:e år', 4],
  ])('%s is every %i years', (text, years) => {
    expect(parseSchedule({ text, from: '2021-03-01' }).rule).toMatchObject({ type: 'everyYears', everyYears: years });
  });

  it.each(['varje vecka', 'veckovis', 'ugentlig', 'ukentlig', 'weekly', 'hver uke', 'en gång i veckan', 'once a week'])('%s is weekly', (text) => {
    expect(parseSchedule({ text, from: '2021-03-01' }).rule?.type).toBe('weekly');
  });

  it.each([
    ['ibland', 'VAGUE_FREQUENCY'], ['vid behov', 'VAGUE_FREQUENCY'], ['efter behov', 'VAGUE_FREQUENCY'], ['ved behov', 'VAGUE_FREQUENCY'],
    ['as needed', 'VAGUE_FREQUENCY'], ['några gånger per år', 'VAGUE_FREQUENCY'], ['flere gange om året', 'VAGUE_FREQUENCY'],
  ])('"%s" is continuous with %s', (text, code) => {
    const spec = parseSchedule({ text, when: '2021' });
    expect(spec.kind).toBe('continuous');
    expect(spec.warnings.map((w) => w.code)).toContain(code);
  });

  it.each([
    ['fem gånger i månaden', 'UNSUPPORTED_FREQUENCY'], ['varannan vecka', 'UNSUPPORTED_FREQUENCY'], ['dagligen', 'UNSUPPORTED_FREQUENCY'],
    ['bimonthly', 'AMBIGUOUS_FREQUENCY'], ['2-3 gånger per år', 'AMBIGUOUS_FREQUENCY'],
    ['kvartalsvis, två gånger per år', 'CONFLICTING_FREQUENCY'], ['Utbildning', 'NO_TIMING'],
  ])('"%s" is unreadable with %s, never a guess', (text, code) => {
    const spec = parseSchedule({ text, from: '2021-01-01' });
    expect(spec).toMatchObject({ kind: 'unreadable', rule: null });
    expect(spec.warnings.map((w) => w.code)).toContain(code);
    expect(firstDue(spec)).toEqual([]);
  });

  it('reports an unreadable timing cell', () => {
    const spec = parseSchedule({ text: 'Utbildning', when: 'när det passar' });
    expect(spec.kind).toBe('unreadable');
    expect(spec.warnings.map((w) => w.code)).toEqual(['UNKNOWN_TIMING']);
  });

  it('prints an RRULE for every recurring phrase', () => {
    expect(parseSchedule({ text: 'två gånger per år', when: 'Q1 2020' }).rule).toEqual({
      type: 'perYear', perYear: 2, rrule: 'DTSTART:20200630T000000\nRRULE:FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1',
    });
    expect(parseSchedule({ text: 'vartannat år', when: 'Q2 2020' }).rule).toEqual({
      type: 'everyYears', everyYears: 2, rrule: 'DTSTART:20201231T000000\nRRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=31',
    });
  });

  it('rejects a bad plan start', () => {
    expect(() => parseSchedule({ text: 'x', from: '2021-02-30' })).toThrow(DomainError);
  });
});

describe('explicit schedules (REST API forms)', () => {
  it('an RRULE with a date start gives local due dates', () => {
    const spec = scheduleFromRRule({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', start: '2021-01-01' });
    expect(spec).toMatchObject({ kind: 'recurring', start: '2021-01-01' });
    const occ = listOccurrences(spec, { count: 3 });
    expect(occ.map((o) => o.periodKey)).toEqual(['2021-01-15', '2021-02-15', '2021-03-15']);
    expect(occ[1].periodStart).toBe('2021-01-16');
    expect(occ[0].dueInstant).toBe('2021-01-15T22:59:59.999Z');
  });

  it('an RRULE with DTSTART inside and a local time gives instants in the plan timezone', () => {
    const spec = toScheduleSpec({ rrule: 'DTSTART:20210325T080000\nRRULE:FREQ=DAILY;COUNT=5' });
    const occ = listOccurrences(spec, { timezone: 'Europe/Stockholm' });
    expect(occ).toHaveLength(5);
    // 08:00 local is 07:00Z before the DST change on 28 March 2021 and 06:00Z after it.
    expect(occ.map((o) => o.dueInstant)).toEqual([
      '2021-03-25T07:00:00.000Z', '2021-03-26T07:00:00.000Z', '2021-03-27T07:00:00.000Z', '2021-03-28T06:00:00.000Z', '2021-03-29T06:00:00.000Z',
    ]);
    expect(occ[0].periodKey).toBe('20210325T070000Z');
  });

  it('rejects an RRULE without a start or with nonsense', () => {
    expect(() => scheduleFromRRule({ rrule: 'FREQ=WEEKLY' })).toThrow(expect.objectContaining({ code: 'SCHEDULE_UNREADABLE' }));
    expect(() => scheduleFromRRule({ rrule: 'FREQ=SOMETIMES', start: '2021-01-01' })).toThrow(DomainError);
    expect(() => scheduleFromRRule({ rrule: 'hello', start: '2021-01-01' })).toThrow(DomainError);
  });

  it('explicit instants mean exactly those moments', () => {
    const spec = toScheduleSpec({ due: ['2030-01-01T10:00:05+01:00', '2030-01-01T09:00:02Z', '2030-01-01T09:00:02Z'] });
    expect(spec.kind).toBe('recurring');
    const occ = listOccurrences(spec);
    expect(occ.map((o) => [o.periodKey, o.dueInstant])).toEqual([
      ['20300101T090002Z', '2030-01-01T09:00:02.000Z'],
      ['20300101T090005Z', '2030-01-01T09:00:05.000Z'],
    ]);
    expect(nextOccurrence(spec, { after: '20300101T090002Z' })?.periodKey).toBe('20300101T090005Z');
    expect(() => scheduleFromInstants({ due: ['2030-01-01T10:00'] })).toThrow(DomainError);
    expect(() => scheduleFromInstants({ due: [] })).toThrow(DomainError);
  });

  it('text forms go through the phrase parser with the plan start', () => {
    expect(toScheduleSpec({ text: 'kvartalsvis' }, { from: '2021-05-05' }).start).toBe('2021-05-05');
    expect(() => toScheduleSpec({} as never)).toThrow(DomainError);
  });
});
