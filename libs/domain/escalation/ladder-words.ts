/**
 * The escalation ladder of one action said as who gets what when (issue 19, point 6): "dag 7:
 * enhetschefen Hanna Enhetschef, dag 14: kommunchefen Kim Kommunchef". The targets are the ones
 * the engine picks (`noticeRecipients`, the same context the worker reads), so the preview cannot
 * drift from what happens; only today's substitutes are left out, since the notices fire later.
 */
import { Duration } from 'luxon';
import { NoticePolicy } from './policy';
import { durationWords, repeatWords, WordsLanguage } from './policy-words';
import { noticeRecipients, RecipientContext } from './recipients';

export type LadderRole = 'owner' | 'unit-head' | 'kommunchef' | 'coordinator';

export interface LadderStepWords {
  /** Escalation step (0-based); absent for the reminders line. */
  step: number;
  /** The policy's duration after the due date (ISO 8601). */
  after: string;
  /** Whole days after the due date, when the duration is days or weeks; else null. */
  afterDays: number | null;
  /** "dag 7", "efter 1 månad" / "day 7", "after 1 month". */
  when: string;
  role: LadderRole;
  to: Array<{ personId: string; name: string }>;
  /** "dag 7: enhetschefen Hanna Enhetschef". */
  words: string;
}

export interface LadderWords {
  /** "14 dagar och 1 dag före: Olle Ansvarig", or "inga påminnelser". */
  reminders: string;
  steps: LadderStepWords[];
  /** "sedan varje vecka till kommunchefen Kim Kommunchef", or null without repeats or steps. */
  repeat: string | null;
  /** Everything in one line: the steps and the repeat, joined. */
  ladder: string;
}

const ROLE_WORDS: Record<WordsLanguage, Record<LadderRole, [string, string]>> = {
  sv: { owner: ['ansvarig', 'ansvariga'], 'unit-head': ['enhetschefen', 'enhetscheferna'], kommunchef: ['kommunchefen', 'kommuncheferna'], coordinator: ['samordnaren', 'samordnarna'] },
  en: { owner: ['owner', 'owners'], 'unit-head': ['the unit head', 'the unit heads'], kommunchef: ['the chief executive', 'the chief executives'], coordinator: ['the coordinator', 'the coordinators'] },
};

const TEXT = {
  sv: { day: (n: number) => `dag ${n}`, after: (d: string) => `efter ${d}`, none: 'ingen eskalering', noReminders: 'inga påminnelser', before: 'före', repeat: (every: string, to: string) => `sedan ${every} till ${to}`, nobody: 'ingen', and: 'och' },
  en: { day: (n: number) => `day ${n}`, after: (d: string) => `after ${d}`, none: 'no escalation', noReminders: 'no reminders', before: 'before', repeat: (every: string, to: string) => `then ${every} to ${to}`, nobody: 'nobody', and: 'and' },
};

function wholeDays(iso: string): number | null {
  const d = Duration.fromISO(iso);
  if (!d.isValid) return null;
  const o = d.toObject();
  if (Object.entries(o).some(([unit, n]) => n && unit !== 'days' && unit !== 'weeks')) return null;
  return (o.days ?? 0) + 7 * (o.weeks ?? 0);
}

function list(items: string[], lang: WordsLanguage): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${TEXT[lang].and} ${items[items.length - 1]}`;
}

/**
 * The ladder for `context` (as `OrgChartRepository.recipientContext` reads it for the action's
 * owners) under `policy`. `names` gives a person's name (else the id is shown). The head of the
 * last unit of the chain — the root — is the kommunchef; a step with nobody above goes to the
 * coordinators, as the engine does.
 */
export function ladderInWords(policy: Pick<NoticePolicy, 'remindBefore' | 'escalateAfter' | 'repeatEvery'>, context: RecipientContext, names: (personId: string) => string | undefined, lang: WordsLanguage): LadderWords {
  const text = TEXT[lang];
  const quiet = { ...context, substitutes: [] };
  const root = context.chain[context.chain.length - 1]?.unitId;
  const person = (personId: string) => ({ personId, name: names(personId) ?? personId });
  const said = (role: LadderRole, to: Array<{ name: string }>) => {
    if (to.length === 0) return text.nobody;
    return `${ROLE_WORDS[lang][role][to.length === 1 ? 0 : 1]} ${list(to.map((p) => p.name), lang)}`;
  };
  const steps = policy.escalateAfter.map((after, step): LadderStepWords => {
    const recipients = noticeRecipients(step, quiet);
    const role: LadderRole = recipients.unitId === undefined ? 'coordinator' : recipients.unitId === root ? 'kommunchef' : 'unit-head';
    const to = recipients.personIds.map(person);
    const days = wholeDays(after);
    const when = days !== null ? text.day(days) : text.after(durationWords(after, lang));
    return { step, after, afterDays: days, when, role, to, words: `${when}: ${said(role, to)}` };
  });
  const owners = noticeRecipients(undefined, quiet).personIds.map(person);
  const reminders = policy.remindBefore.length
    ? `${list(policy.remindBefore.map((d) => durationWords(d, lang)), lang)} ${text.before}: ${list(owners.map((p) => p.name), lang) || text.nobody}`
    : text.noReminders;
  const last = steps[steps.length - 1];
  const repeat = policy.repeatEvery && last ? text.repeat(repeatWords(policy.repeatEvery, lang), said(last.role, last.to)) : null;
  const ladder = steps.length ? [...steps.map((s) => s.words), ...(repeat ? [repeat] : [])].join(', ') : text.none;
  return { reminders, steps, repeat, ladder };
}
