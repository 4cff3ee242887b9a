import { durationWords, fieldWords, parsePolicyPhrases, phraseWords, PolicyField, repeatWords } from './policy-words';

const read = (field: PolicyField, text: string) => parsePolicyPhrases(field, text);

describe('notice policy phrases', () => {
  // [field, phrase, ISO 8601 durations]
  const understood: Array<[PolicyField, string, string[]]> = [
    // Swedish
    ['remind', '14 dagar före', ['P14D']],
    ['remind', '1 vecka före', ['P1W']],
    ['remind', 'två veckor före', ['P2W']],
    ['remind', 'en månad innan', ['P1M']],
    ['remind', '14 dagar före, 1 dag före', ['P14D', 'P1D']],
    ['remind', '1 dag före och 14 dagar före', ['P14D', 'P1D']],
    ['remind', 'fjorton dagar före förfallodagen', ['P14D']],
    ['remind', '3 timmar före', ['PT3H']],
    ['remind', '14 dagar', ['P14D']],
    ['remind', 'P14D, P1D', ['P14D', 'P1D']],
    ['escalate', '7 dagar efter', ['P7D']],
    ['escalate', '7 dagar efter, 14 dagar efter', ['P7D', 'P14D']],
    ['escalate', '14 dagar efter, 7 dagar efter', ['P7D', 'P14D']],
    ['escalate', 'efter en vecka', ['P1W']],
    ['escalate', 'dag 7, dag 14', ['P7D', 'P14D']],
    ['escalate', '1 månad efter sista dagen', ['P1M']],
    ['escalate', 'Eskalera 7 dagar efter', ['P7D']],
    ['repeat', 'varje vecka', ['P1W']],
    ['repeat', 'sedan varje vecka', ['P1W']],
    ['repeat', 'dagligen', ['P1D']],
    ['repeat', 'varannan vecka', ['P2W']],
    ['repeat', 'var 3:e dag', ['P3D']],
    ['repeat', 'varje månad', ['P1M']],
    ['repeat', 'veckovis', ['P1W']],
    // Danish
    ['remind', '14 dage før', ['P14D']],
    ['remind', 'to uger før', ['P2W']],
    ['escalate', '7 dage efter', ['P7D']],
    ['escalate', '7 dage efter og 14 dage efter', ['P7D', 'P14D']],
    ['repeat', 'hver uge', ['P1W']],
    ['repeat', 'hver anden uge', ['P2W']],
    ['repeat', 'ugentlig', ['P1W']],
    // Norwegian (bokmål)
    ['remind', '14 dager før', ['P14D']],
    ['remind', 'en uke før', ['P1W']],
    ['escalate', '14 dager etter', ['P14D']],
    ['escalate', 'etter to uker', ['P2W']],
    ['repeat', 'hver uke', ['P1W']],
    ['repeat', 'annenhver uke', ['P2W']],
    ['repeat', 'daglig', ['P1D']],
    // English
    ['remind', '2 weeks before', ['P2W']],
    ['remind', 'a day before the deadline', ['P1D']],
    ['remind', 'fourteen days before', ['P14D']],
    ['escalate', '2 weeks after', ['P2W']],
    ['escalate', 'after 7 days', ['P7D']],
    ['escalate', '30 minutes after', ['PT30M']],
    ['repeat', 'every week', ['P1W']],
    ['repeat', 'then every other week', ['P2W']],
    ['repeat', 'every 3 days', ['P3D']],
    ['repeat', 'weekly', ['P1W']],
    ['repeat', 'daily', ['P1D']],
    // Typography from Word: typographic quotes, non-breaking spaces, upper case.
    ['remind', '“14\u00a0DAGAR FÖRE”', ['P14D']],
    ['remind', '', []],
    ['remind', 'inga påminnelser', []],
    ['repeat', 'ingen', []],
    ['escalate', 'none', []],
    ['escalate', '1 sekund efter', ['PT1S']],
    ['escalate', '3 seconds after', ['PT3S']],
  ];

  it.each(understood)('%s: "%s" → %j', (field, phrase, durations) => {
    expect(read(field, phrase)).toEqual({ durations, problems: [] });
  });

  // [field, phrase, problem code]
  const refused: Array<[PolicyField, string, string]> = [
    ['escalate', '2 arbetsdagar efter', 'WORKING_DAYS'],
    ['escalate', '2 arbejdsdage efter', 'WORKING_DAYS'],
    ['escalate', '2 virkedager etter', 'WORKING_DAYS'],
    ['escalate', '2 working days after', 'WORKING_DAYS'],
    ['repeat', 'varje arbetsdag', 'WORKING_DAYS'],
    ['remind', '7 dagar efter', 'WRONG_DIRECTION'],
    ['escalate', '14 dagar före', 'WRONG_DIRECTION'],
    ['escalate', '2 weeks before', 'WRONG_DIRECTION'],
    ['remind', 'varje vecka', 'IS_A_REPEAT'],
    ['repeat', '14 dagar före', 'NOT_A_REPEAT'],
    ['repeat', 'var 0:e dag', 'ZERO_REPEAT'],
    ['repeat', 'varje vecka, varje månad', 'ONE_REPEAT'],
    ['remind', 'snart', 'UNREADABLE'],
    ['remind', '14 bananer före', 'UNREADABLE'],
    ['remind', 'dagar före', 'UNREADABLE'],
    ['escalate', 'P14X', 'UNREADABLE'],
    ['remind', Array.from({ length: 11 }, (_, i) => `${i + 1} dagar`).join(', '), 'TOO_MANY'],
  ];

  it.each(refused)('%s: "%s" is refused (%s) with a message naming the phrase', (field, phrase, code) => {
    const { problems } = read(field, phrase);
    expect(problems.map((p) => p.code)).toContain(code);
    const problem = problems.find((p) => p.code === code)!;
    expect(problem.message).toContain(problem.phrase);
  });

  it('refuses working days saying that notices count calendar days, never counting them as calendar days', () => {
    const { durations, problems } = read('escalate', '7 dagar efter, 2 arbetsdagar efter');
    expect(durations).toEqual(['P7D']);
    expect(problems).toEqual([{ code: 'WORKING_DAYS', phrase: '2 arbetsdagar efter', message: expect.stringMatching(/calendar days/) }]);
  });

  it('keeps what it could read beside what it could not', () => {
    expect(read('remind', '14 dagar före, snart')).toEqual({ durations: ['P14D'], problems: [expect.objectContaining({ code: 'UNREADABLE', phrase: 'snart' })] });
  });

  it('survives hostile input in linear time', () => {
    const started = Date.now();
    read('remind', `${'1 '.repeat(20_000)}x`);
    read('repeat', `varje ${'vecka '.repeat(20_000)}`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('notice policy in words', () => {
  it.each([
    ['P14D', '14 dagar', '14 days'],
    ['P1D', '1 dag', '1 day'],
    ['P1W', '1 vecka', '1 week'],
    ['P2W', '2 veckor', '2 weeks'],
    ['P1M', '1 månad', '1 month'],
    ['PT3H', '3 timmar', '3 hours'],
    ['PT3S', '3 sekunder', '3 seconds'],
    ['P1DT2H', '1 dag och 2 timmar', '1 day and 2 hours'],
  ])('%s is "%s" / "%s"', (iso, sv, en) => {
    expect(durationWords(iso, 'sv')).toBe(sv);
    expect(durationWords(iso, 'en')).toBe(en);
  });

  it.each([
    ['P7D', 'varje vecka', 'every week'],
    ['P1W', 'varje vecka', 'every week'],
    ['P14D', 'varannan vecka', 'every other week'],
    ['P1D', 'varje dag', 'every day'],
    ['P3D', 'var 3:e dag', 'every 3 days'],
    ['P2Y', 'vartannat år', 'every other year'],
    ['P21D', 'var 3:e vecka', 'every 3 weeks'],
  ])('repeat %s is "%s" / "%s"', (iso, sv, en) => {
    expect(repeatWords(iso, 'sv')).toBe(sv);
    expect(repeatWords(iso, 'en')).toBe(en);
  });

  it('says a field back as it can be typed again, and reads it back to the same durations', () => {
    expect(phraseWords('remind', 'P14D', 'sv')).toBe('14 dagar före');
    expect(phraseWords('escalate', 'P7D', 'en')).toBe('7 days after');
    for (const [field, durations] of [['remind', ['P14D', 'P1D']], ['escalate', ['P7D', 'P14D']], ['escalate', ['PT1S', 'PT3S']], ['repeat', ['P7D']]] as Array<[PolicyField, string[]]>) {
      for (const lang of ['sv', 'en'] as const) {
        const words = fieldWords(field, durations, lang);
        expect(read(field, words).durations.map((d) => (d === 'P1W' ? 'P7D' : d))).toEqual(durations);
      }
    }
  });
});
