/**
 * Schedule language v2 (issue 14 points 2–5): week numbers, yearly anchors, relative deadlines, and
 * what still is not read. The cases in __fixtures__/phrases-v2.jsonl were written for this, in
 * sv/da/nb/en, with their expected due dates worked out apart from the parser.
 */
import { join } from 'node:path';
import { PhraseCase, evaluate, loadCases } from '../../../apps/cli/accuracy';

const cases: PhraseCase[] = loadCases(join(__dirname, '__fixtures__/phrases-v2.jsonl'));
const results = new Map<string, boolean>();

describe('schedule language v2 phrase cases (__fixtures__/phrases-v2.jsonl)', () => {
  it('has at least 120 cases, with every language and topic well covered', () => {
    const count = (key: 'lang' | 'topic', value: string) => cases.filter((c) => c[key] === value).length;
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const lang of ['sv', 'da', 'nb', 'en']) expect(count('lang', lang)).toBeGreaterThanOrEqual(20);
    for (const topic of ['week', 'anchor', 'relative']) expect(count('topic', topic)).toBeGreaterThanOrEqual(30);
    expect(count('topic', 'unreadable')).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [c.id, c.text, c.when ?? '', c] as const))('%s: %s / %s', (id, _text, _when, c) => {
    const got = evaluate(c);
    results.set(id, got.pass);
    expect({ kind: got.kind, due: got.due }).toEqual({ kind: c.expect.kind, due: c.expect.due });
    expect(got.warnings).toEqual(expect.arrayContaining(c.expect.warnings ?? []));
  });

  afterAll(() => {
    const figure = (list: PhraseCase[]) => `${list.filter((c) => results.get(c.id)).length}/${list.length}`;
    const by = (key: 'lang' | 'topic') => [...new Set(cases.map((c) => c[key] ?? '?'))].map((v) => `${v} ${figure(cases.filter((c) => c[key] === v))}`).join(', ');
    // The accuracy figure (also: npx tsx apps/cli/accuracy.ts libs/domain/schedule/__fixtures__/phrases-v2.jsonl).
    console.log(`schedule v2 phrase accuracy: ${figure(cases)} — ${by('lang')} — ${by('topic')}`);
  });
});
