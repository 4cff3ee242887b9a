/**
 * Precision and recall of the rules on hand-written sentences in four languages
 * (__fixtures__/sentences.jsonl: text, expected kind or null, owner, deadline). A finding counts
 * as right when its kind is the expected one and, for an assignment, its owner too. The
 * thresholds are what the rules measured when written, a little below, so a change that makes
 * them worse fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FindingKind, readMinutes } from '.';

interface Case {
  lang: 'sv' | 'da' | 'nb' | 'en';
  /**
   * Unset: written alongside the rules. 'round2': written after them, measured (precision 0.57,
   * recall 0.22 on its 18 positives), then the rules were extended for what it showed.
   * 'holdout': written after round2 and never used to change a rule; measured precision 1.00,
   * recall 0.53 (9/17). 'round3': 58 sentences written next, aimed at the verbs municipal
   * minutes use that the holdout showed missing ("sammankallar", "tjekker", "vedtok å", "is to
   * prepare") and at traps (past tense, reported speech, attendance, agenda boilerplate,
   * questions not about who); measured before the rules changed — precision 0.92 (22/24), recall
   * 0.56 (22/39) — then used to extend them, as was the holdout's misses (so the holdout is no
   * longer untouched). 'holdout2': 25 sentences written after those rule changes and never used
   * to change a rule — now the fairest figure.
   */
  set?: 'round2' | 'holdout' | 'round3' | 'holdout2';
  text: string;
  kind: FindingKind | null;
  owner: string | null;
  deadline: string | null;
}

const cases: Case[] = readFileSync(join(__dirname, '__fixtures__', 'sentences.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const context = {
  meetingDate: '2024-03-12',
  nextMeetingDate: '2024-04-09',
  attendees: ['Anna Berg', 'Lars Holm', 'Karin Ek', 'Mette Nielsen', 'Søren Dahl', 'Jens Olsen', 'Kari Nordmann', 'Ola Hansen', 'Sarah Jones', 'Tom Baker'],
};

function outcome(c: Case) {
  const found = readMinutes(c.text, context).findings[0];
  const right = found !== undefined && found.kind === c.kind && (c.kind !== 'assignment' || found.owner === c.owner);
  return { c, found, right, deadlineRight: (found?.deadline?.date ?? null) === c.deadline };
}

/** What the rules measured when this spec was written (see the printed table), rounded down. */
// Measured (all sets, precision / recall): sv 1.00 / 0.98, da 1.00 / 0.97, nb 1.00 / 0.97,
// en 1.00 / 1.00; round3 1.00 (39/39) / 1.00 (39/39); holdout 1.00 (17/17) / 1.00 (17/17), tuned on;
// holdout2, untuned: precision 1.00 (14/14), recall 0.82 (14/17) — the misses are verbs the lists
// do not hold ("återrapporterar", "inviterer", "skriver"): the rules still only know the verbs given.
const THRESHOLDS = {
  sv: { precision: 0.97, recall: 0.95 },
  da: { precision: 0.97, recall: 0.95 },
  nb: { precision: 0.97, recall: 0.95 },
  en: { precision: 0.97, recall: 0.97 },
};

function figures(mine: Array<ReturnType<typeof outcome>>) {
  const predicted = mine.filter((o) => o.found).length;
  const expected = mine.filter((o) => o.c.kind).length;
  const correct = mine.filter((o) => o.right).length;
  const precision = correct / predicted;
  const recall = correct / expected;
  const wrong = mine.filter((o) => (o.found || o.c.kind) && !o.right).map((o) => `  ${o.c.kind ?? 'none'} ≠ ${o.found ? `${o.found.kind}(${o.found.owner ?? ''})` : 'none'}: ${o.c.text}`);
  return { precision, recall, wrong, text: `precision ${precision.toFixed(2)} (${correct}/${predicted}), recall ${recall.toFixed(2)} (${correct}/${expected})` };
}

/** The sets printed on their own: the later ones say more about sentences the rules were not written for. */
const SETS = ['round3', 'holdout', 'holdout2'] as const;

describe('rule accuracy on the sentence fixtures', () => {
  const outcomes = cases.map(outcome);

  it('prints precision and recall per set over all languages', () => {
    const lines = [undefined, ...SETS].map((set) => `${set ?? 'all'}: ${figures(outcomes.filter((o) => !set || o.c.set === set)).text}`);
    console.log(lines.join('\n'));
  });

  it('has at least 60 sentences in each of sv, da, nb and en, positive and negative', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['sv', 'da', 'nb', 'en']) {
      expect(cases.filter((c) => c.lang === lang && c.kind).length).toBeGreaterThan(5);
      expect(cases.filter((c) => c.lang === lang && !c.kind).length).toBeGreaterThan(3);
    }
  });

  it.each(Object.keys(THRESHOLDS) as Array<keyof typeof THRESHOLDS>)('%s: precision and recall stay above the measured thresholds', (lang) => {
    const mine = outcomes.filter((o) => o.c.lang === lang);
    const all = figures(mine);
    const perSet = SETS.map((set) => `${set} ${figures(mine.filter((o) => o.c.set === set)).text}`).join('; ');
    console.log(`${lang}: all ${all.text}; ${perSet}\n${all.wrong.join('\n')}`);
    expect(all.precision).toBeGreaterThanOrEqual(THRESHOLDS[lang].precision);
    expect(all.recall).toBeGreaterThanOrEqual(THRESHOLDS[lang].recall);
  });

  it('every finding that is right also has the expected deadline', () => {
    const wrongDeadline = outcomes.filter((o) => o.right && !o.deadlineRight).map((o) => `${o.c.text} → ${o.found?.deadline?.date}`);
    expect(wrongDeadline).toEqual([]);
  });
});
