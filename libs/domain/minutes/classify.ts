/**
 * The rules for one sentence: an open "who?" question, an assignment (someone named does
 * something), or a decision nobody was named to carry out. One sentence may hold several
 * assignments ("Anitta og Inger formulerer et forord, og Lene udfører de aftalte rettelser").
 */
import { readDeadline } from './deadline';
import { clean, isOwner, subjectBefore } from './owner-text';
import { Because, Deadline, FindingKind, MeetingDates } from './types';

/** What a sentence is read against: the meeting's dates and, when known, who attended. */
export interface SentenceContext extends MeetingDates {
  attendees?: string[];
}
import {
  ACTION_TO, AGREED_ON, ASSIGNMENT_VERBS, COMMISSION_PATTERNS, DECISION_LABEL, DECISION_PHRASES, GROUP_NOUN, MODAL_ADVERBS, MODALS, NOBODY_APPOINTED,
  NOT_OWNERS, OBLIGATION, PAST_WHO_VERBS, REPORTING_VERBS, STATE_VERBS, UNCLEAR_WHO, WHO_WORDS,
} from './words';

export interface SentenceFinding {
  kind: FindingKind;
  owner?: string;
  deadline?: Deadline;
  because: Because;
  warnings: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrase = (words: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const VERBS = phrase(ASSIGNMENT_VERBS);
const DECISIONS = phrase(DECISION_PHRASES);
// "who" at the start of a question or clause — not "gällande vem som gör vad", which reports unclear roles.
const WHO = new RegExp(`(?:^|[(,:;–—]\\s*|\\b(?:och|og|and|men|but|samt)\\s+)((?:${WHO_WORDS.join('|')})\\s+(?:som\\s+|der\\s+)?[\\p{L}]+)`, 'iu');
const MODAL = new RegExp(`^(.*?)\\s+(${MODALS.join('|')})\\s+((?:[\\p{L}-]+\\s*){1,3})`, 'iu');
const INVERTED_MODAL = new RegExp(`\\b(?:ska|skall|skal)\\s+([\\p{L}-]+)\\s+([\\p{L}-]+)`, 'iu');

export function classifySentence(sentence: string, context: SentenceContext = {}): SentenceFinding[] {
  const found = rawFindings(sentence, context.attendees ?? []);
  if (found.length === 0) return [];
  const deadline = readDeadline(sentence, context);
  return found.map((f) => ({ ...f, ...(deadline ? { deadline: deadline.deadline } : {}), warnings: deadline?.warning ? [deadline.warning] : [] }));
}

type Raw = Omit<SentenceFinding, 'deadline' | 'warnings'>;

function rawFindings(sentence: string, attendees: string[]): Raw[] {
  const question = openQuestion(sentence);
  if (question) return [question];
  const assignments = clauses(sentence).flatMap((clause) => assignment(clause, attendees));
  if (assignments.length) return assignments;
  const decision = firstMatch(DECISIONS, sentence);
  if (decision) return [{ kind: 'decision', because: { rule: 'decision.unowned', words: decision } }];
  const agreed = agreedOn(sentence);
  if (agreed) return [{ kind: 'decision', because: { rule: 'decision.agreed', words: agreed } }];
  const label = DECISION_LABEL.exec(sentence);
  if (label) return [{ kind: 'decision', because: { rule: 'decision.label', words: label[0] } }];
  const nobody = NOBODY_APPOINTED.exec(sentence);
  return nobody ? [{ kind: 'openQuestion', because: { rule: 'openQuestion.nobodyAppointed', words: nobody[0] } }] : [];
}

/**
 * The words of an agreement on something to do: "var enigt om att fortsätta" (an infinitive: sv
 * ends in -a, da/nb in -e) or "var enig om att frågan måste lyftas" (a must). A pronoun after "att"
 * starts a view ("var överens om att den behövs"), which nobody is to carry out.
 */
function agreedOn(sentence: string): string | undefined {
  const match = AGREED_ON.exec(sentence);
  if (!match || NOT_OWNERS.has(match[1].toLowerCase())) return undefined;
  const [words, firstWord, rest] = match;
  const toDo = /[ae]$/i.test(firstWord) || OBLIGATION.test(rest);
  return toDo ? words.slice(0, words.length - rest.length) : undefined;
}

function openQuestion(sentence: string): Raw | undefined {
  const unclear = UNCLEAR_WHO.exec(sentence);
  if (unclear) return { kind: 'openQuestion', because: { rule: 'openQuestion.unclearWho', words: unclear[0] } };
  if (!sentence.includes('?')) return undefined;
  const who = WHO.exec(sentence);
  const asksWhatHappened = who !== null && PAST_WHO_VERBS.has(who[1].split(/\s+/).slice(-1)[0].toLowerCase());
  return who && !asksWhatHappened ? { kind: 'openQuestion', because: { rule: 'openQuestion.who', words: who[1] } } : undefined;
}

/** Clauses joined by "; " or ", og …" each get their own owner. */
function clauses(sentence: string): string[] {
  return sentence.split(/\s*;\s*|,\s+(?=(?:och|og|and|samt|men|but)\s)/i).map((c) => c.replace(/^(?:och|og|and|samt|men|but)\s+/i, ''));
}

function assignment(clause: string, attendees: string[]): Raw[] {
  if (reported(clause)) return [];
  return [verbAssignment(clause) ?? commission(clause) ?? actionTo(clause) ?? modalAssignment(clause, attendees)].filter((r): r is Raw => r !== undefined);
}

function verbAssignment(clause: string): Raw | undefined {
  for (const match of clause.matchAll(VERBS)) {
    const owner = subjectBefore(clause.slice(0, match.index));
    if (isOwner(owner)) return { kind: 'assignment', owner, because: { rule: 'assignment.verb', words: match[0] } };
  }
  return undefined;
}

/** "Karin berättade att förvaltningen tar fram …": what someone reported, not what the meeting asked. */
function reported(clause: string): boolean {
  const verb = REPORTING_VERBS.exec(clause);
  return verb !== null && /\b(?:att|at|that|om)\b/i.test(clause.slice(verb.index));
}

function actionTo(clause: string): Raw | undefined {
  const match = ACTION_TO.exec(clause);
  const owner = match && clean(match[1].replace(/^actions?\s*[:–-]\s*/i, ''));
  return owner && isOwner(owner) ? { kind: 'assignment', owner, because: { rule: 'assignment.actionTo', words: match[0] } } : undefined;
}

function commission(clause: string): Raw | undefined {
  for (const pattern of COMMISSION_PATTERNS) {
    const match = pattern.exec(clause);
    const owner = match && clean(match[1]);
    if (owner && isOwner(owner)) return { kind: 'assignment', owner, because: { rule: 'assignment.commission', words: match[0] } };
  }
  return undefined;
}

/** "Ad-hoc gruppen skal udarbejde …", "På næste møde skal koordineringsgruppen skærpe …". */
function modalAssignment(clause: string, attendees: string[]): Raw | undefined {
  const straight = MODAL.exec(clause);
  if (straight) {
    const owner = subjectBefore(straight[1]);
    const verb = straight[3].split(/\s+/).find((w) => !MODAL_ADVERBS.has(w.toLowerCase()));
    if (verb && isModalOwner(owner, attendees) && isAction(verb, straight[0])) {
      return { kind: 'assignment', owner, because: { rule: 'assignment.modal', words: `${straight[2]} ${verb}` } };
    }
  }
  const inverted = INVERTED_MODAL.exec(clause);
  if (inverted && isModalOwner(inverted[1], attendees) && isAction(inverted[2], inverted[0])) {
    return { kind: 'assignment', owner: inverted[1], because: { rule: 'assignment.modal', words: inverted[0] } };
  }
  return undefined;
}

/**
 * "X ska …" says more often what something must be ("Företagen ska förvänta sig …") than who
 * is to act, so the subject must be a group, a full name, or someone who attended.
 */
function isModalOwner(owner: string, attendees: string[]): boolean {
  if (!isOwner(owner)) return false;
  const words = owner.split(' ');
  if (GROUP_NOUN.test(words[words.length - 1])) return true;
  if (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))) return true;
  return attendees.some((a) => a === owner || a.split(' ')[0] === owner);
}

/** An action, not a state ("være") or a Scandinavian passive ("skal udskiftes", "ska jämföras"). */
function isAction(verb: string, words: string): boolean {
  if (!/^\p{Ll}/u.test(verb)) return false;
  const lower = verb.toLowerCase();
  if (STATE_VERBS.has(lower)) return false;
  const scandinavian = !/\b(?:will|shall)\b/i.test(words);
  return !(scandinavian && lower.endsWith('s'));
}

function firstMatch(pattern: RegExp, text: string): string | undefined {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  pattern.lastIndex = 0;
  return m?.[0];
}
