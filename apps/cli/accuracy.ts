/**
 * Prints the schedule parser's accuracy on a JSON-lines case file (default: our own phrase cases).
 *   npx tsx apps/cli/accuracy.ts [FILE ...]
 * A case passes when kind and the first due dates match its `expect`, and its warnings include the
 * codes `expect.warnings` names (if it names any).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listOccurrences, parseSchedule } from '../../libs/domain/schedule';

export interface PhraseCase {
  id: string;
  lang?: string;
  /** What the case is about ("week", "anchor", "relative", …), for the figures. */
  topic?: string;
  text: string;
  when?: string;
  from?: string;
  expect: { kind: string; due: string[]; warnings?: string[] };
}

export function loadCases(file: string): PhraseCase[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PhraseCase);
}

export function evaluate(c: PhraseCase): { pass: boolean; kind: string; due: string[]; warnings: string[] } {
  const spec = parseSchedule({ text: c.text, when: c.when, from: c.from });
  const due = listOccurrences(spec, { count: Math.max(c.expect.due.length, 1) }).map((o) => o.due).slice(0, c.expect.due.length);
  const warnings = spec.warnings.map((w) => w.code);
  const warned = (c.expect.warnings ?? []).every((code) => warnings.includes(code as (typeof warnings)[number]));
  const pass = spec.kind === c.expect.kind && JSON.stringify(due) === JSON.stringify(c.expect.due) && warned;
  return { pass, kind: spec.kind, due, warnings };
}

export const PHRASES_FILE = join(__dirname, '../../libs/domain/schedule/__fixtures__/phrases.jsonl');

if (require.main === module) {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : [PHRASES_FILE];
  for (const file of files) {
    const cases = loadCases(file);
    const byLang = new Map<string, { pass: number; total: number }>();
    for (const c of cases) {
      const r = evaluate(c);
      const lang = c.lang ?? 'all';
      const s = byLang.get(lang) ?? { pass: 0, total: 0 };
      s.total++;
      if (r.pass) s.pass++;
      else process.stderr.write(`FAIL ${c.id}: "${c.text}" / "${c.when ?? ''}" → ${r.kind} ${JSON.stringify(r.due)} ${r.warnings.join(',')}, expected ${c.expect.kind} ${JSON.stringify(c.expect.due)} ${(c.expect.warnings ?? []).join(',')}\n`);
      byLang.set(lang, s);
    }
    const pass = [...byLang.values()].reduce((a, s) => a + s.pass, 0);
    const detail = [...byLang].map(([l, s]) => `${l} ${s.pass}/${s.total}`).join(', ');
    process.stdout.write(`${file}: ${pass}/${cases.length} (${((100 * pass) / cases.length).toFixed(1)}%) — ${detail}\n`);
  }
}
