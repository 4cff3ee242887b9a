import { ladderInWords } from './ladder-words';
import { DEFAULT_POLICY } from './policy';
import { RecipientContext } from './recipients';

// Olle Ansvarig in Upphandling (head Hanna Enhetschef) under Kommunledning (head Kim Kommunchef).
const NAMES: Record<string, string> = { olle: 'Olle Ansvarig', hanna: 'Hanna Enhetschef', kim: 'Kim Kommunchef', cora: 'Cora Samordnare', sara: 'Sara Ersättare' };
const names = (id: string) => NAMES[id];
const context: RecipientContext = {
  ownerPersonIds: ['olle'],
  ownerUnitHeads: [],
  chain: [
    { unitId: 'upphandling', headPersonId: 'hanna' },
    { unitId: 'kommunledning', headPersonId: 'kim' },
  ],
  substitutes: [{ personId: 'hanna', substitutePersonId: 'sara', startsOn: '2026-01-01', endsOn: '2026-12-31' }],
  coordinators: ['cora'],
  today: '2026-06-01',
};

describe('the escalation ladder in words', () => {
  it('says who gets what when, in Swedish and in English, with the targets the engine picks', () => {
    const sv = ladderInWords(DEFAULT_POLICY, context, names, 'sv');
    expect(sv.ladder).toBe('dag 7: enhetschefen Hanna Enhetschef, dag 14: kommunchefen Kim Kommunchef, sedan varje vecka till kommunchefen Kim Kommunchef');
    expect(sv.reminders).toBe('14 dagar och 1 dag före: Olle Ansvarig');
    expect(sv.steps.map((s) => [s.afterDays, s.role, s.to.map((p) => p.personId)])).toEqual([
      [7, 'unit-head', ['hanna']],
      [14, 'kommunchef', ['kim']],
    ]);
    const en = ladderInWords(DEFAULT_POLICY, context, names, 'en');
    expect(en.ladder).toBe('day 7: the unit head Hanna Enhetschef, day 14: the chief executive Kim Kommunchef, then every week to the chief executive Kim Kommunchef');
    expect(en.reminders).toBe('14 days and 1 day before: Olle Ansvarig');
  });

  it('stays with the kommunchef past the top, as the engine does', () => {
    const words = ladderInWords({ remindBefore: [], escalateAfter: ['P7D', 'P14D', 'P1M'], repeatEvery: undefined }, context, names, 'sv');
    expect(words.ladder).toBe('dag 7: enhetschefen Hanna Enhetschef, dag 14: kommunchefen Kim Kommunchef, efter 1 månad: kommunchefen Kim Kommunchef');
    expect(words.reminders).toBe('inga påminnelser');
  });

  it('skips the owner who heads the unit, and goes to the coordinators with nobody above', () => {
    const head = ladderInWords({ remindBefore: [], escalateAfter: ['P7D'] }, { ...context, ownerPersonIds: ['hanna'] }, names, 'sv');
    expect(head.ladder).toBe('dag 7: kommunchefen Kim Kommunchef');
    const alone = ladderInWords({ remindBefore: [], escalateAfter: ['P2W'] }, { ...context, chain: [{ unitId: 'x', headPersonId: null }] }, names, 'sv');
    expect(alone.ladder).toBe('dag 14: samordnaren Cora Samordnare');
  });

  it('passes over a deactivated head', () => {
    const words = ladderInWords({ remindBefore: [], escalateAfter: ['P7D'] }, { ...context, inactive: ['hanna'] }, names, 'sv');
    expect(words.ladder).toBe('dag 7: kommunchefen Kim Kommunchef');
  });

  it('says there is no escalation when there is none', () => {
    expect(ladderInWords({ remindBefore: ['P1D'], escalateAfter: [], repeatEvery: 'P7D' }, context, names, 'sv')).toEqual({ reminders: '1 dag före: Olle Ansvarig', steps: [], repeat: null, ladder: 'ingen eskalering' });
  });
});
