import { cellLines, cellText, decodeEntities } from './import/cells';
import { detectFormat, parsePlanDocument, splitOwners } from './import';
import { parseSchedule } from './schedule';
import { trimChars, WHITESPACE } from './schedule/normalize';

// Long hostile strings in the shapes that made the old expressions backtrack quadratically: a run
// that a pattern must scan to its end from every position (". . . x", "<<<<", blank lines). With
// the old expressions each of these took seconds at 40,000 characters and tens of seconds at the 100,000
// used here (the time grows with the square of the length); linear code reads them in
// milliseconds. The per-test limit is there so that a regression fails instead of hanging.
const N = 100_000;
const FINISHES = 4_000;

const shapes = {
  spaces: ' '.repeat(N) + 'x',
  dots: '.'.repeat(N) + 'x',
  spacedDots: '. '.repeat(N / 2) + 'x',
  unclosedTags: '<'.repeat(N),
  unclosedListTags: '<li'.repeat(N / 3),
  tagWithSpaces: '<' + ' '.repeat(N) + 'x',
  blankLines: '\n'.repeat(N) + 'x',
  dashes: '1-'.repeat(N / 2),
  slashes: '1/'.repeat(N / 2),
  spacedSlashTags: '< / '.repeat(N / 4),
};

describe('text from users is read in linear time', () => {
  it.each(Object.entries(shapes))('owners: %s', (_shape, text) => {
    expect(Array.isArray(splitOwners(text))).toBe(true);
  }, FINISHES);

  it.each(Object.entries(shapes))('cell text: %s', (_shape, text) => {
    expect(typeof cellText(text)).toBe('string');
  }, FINISHES);

  it.each(Object.entries(shapes))('schedule text: %s', (_shape, text) => {
    expect(parseSchedule({ text, from: '2020-01-01' }).kind).toBeDefined();
  }, FINISHES);

  it.each(Object.entries(shapes))('schedule timing: %s', (_shape, when) => {
    expect(parseSchedule({ text: 'Möte', when, from: '2020-01-01' }).kind).toBeDefined();
  }, FINISHES);

  it.each(Object.entries(shapes))('format detection: %s', (_shape, content) => {
    expect(detectFormat({ content })).toBeDefined();
  }, FINISHES);

  it('a whole CSV of hostile cells', async () => {
    const row = `${shapes.spacedDots.slice(0, 20_000)};${shapes.dashes.slice(0, 20_000)};${shapes.tagWithSpaces.slice(0, 20_000)}`;
    const plan = await parsePlanDocument({ filename: 'p.csv', content: `Aktivitet;När;Ansvar\n${row}\n${row}\n` }, { from: '2020-01-01' });
    expect(plan.areas[0].actions).toHaveLength(2);
  }, FINISHES);
});

describe('trimChars', () => {
  it('trims the given characters at each end only', () => {
    expect(trimChars('  - • Kultur. . ', `${WHITESPACE}-•`, `${WHITESPACE}.`)).toBe('Kultur');
    expect(trimChars('a. .b', `${WHITESPACE}.`)).toBe('a. .b');
    expect(trimChars('...', '.')).toBe('');
    expect(trimChars('', '.')).toBe('');
  });
});

describe('numeric character references', () => {
  it.each([
    ['&#x110000;', '\uFFFD'],
    ['&#99999999;', '\uFFFD'],
    ['&#9999999999;', '\uFFFD'],
    ['&#0;', '\uFFFD'],
    ['&#xD800;', '\uFFFD'],
    ['&#xdfff;', '\uFFFD'],
    ['&#x10FFFF;', '\u{10FFFF}'],
    ['&#229;', 'å'],
    ['&#x1F600;', '😀'],
    ['&#x' + 'f'.repeat(40) + ';', '&#x' + 'f'.repeat(40) + ';'],
  ])('%s decodes to %j without throwing', (reference, decoded) => {
    expect(decodeEntities(reference)).toBe(decoded);
  });

  it('in a Markdown plan', async () => {
    const content = '| Aktivitet | När | Ansvar |\n|---|---|---|\n| Möte &#x110000; &#99999999; | Q1 2021 | Kultur&#0; |\n';
    const plan = await parsePlanDocument({ filename: 'p.md', content }, { from: '2021-01-01' });
    expect(plan.areas[0].actions[0]).toMatchObject({ title: 'Möte \uFFFD \uFFFD', owners: ['Kultur\uFFFD'] });
  });
});

describe('characters PostgreSQL cannot store', () => {
  it('U+0000, other control characters and lone surrogates leave cell text; tabs and line breaks stay', () => {
    expect(cellLines('Kul\u0000tur\u0007\nKS\uD800O\uDC00\tx')).toBe('Kultur\nKSO x');
    expect(cellText('Möte 😀')).toBe('Möte 😀');
  });

  it('are gone from titles, owners and area headings of an import', async () => {
    const content = 'Om\u0000råde\nAktivitet\tNär\tAnsvar\nMö\u0000te\tQ1 2021\tKul\u0000tur\n';
    const plan = await parsePlanDocument({ filename: 'p.txt', content }, { from: '2021-01-01' });
    expect(plan.areas).toEqual([expect.objectContaining({ title: 'Område', actions: [expect.objectContaining({ title: 'Möte', owners: ['Kultur'] })] })]);
  });
});
