/**
 * Minutes text → what a coordinator follows up: assignments, decisions without an owner and
 * open questions, each with its sentence, place and reason; plus the meeting's date, the next
 * meeting's date and the attendees. Pure: dates come from the text or from the caller.
 */
import { classifySentence, SentenceContext, SentenceFinding } from './classify';
import { readDeadline } from './deadline';
import { attendeesOf, meetingDateOf, nextMeetingOf } from './meeting';
import { sentencesOf } from './sentences';
import { Block, blocksOf, stripMarkup } from './structure';
import { Finding, MeetingDates, MinutesReading } from './types';
import { BALANCE_LIST_HEADINGS } from './words';

export interface ReadMinutesOptions {
  /** The meeting's date when the caller knows it better than the text (YYYY-MM-DD). */
  meetingDate?: string;
  nextMeetingDate?: string;
  /** People known to have attended, besides those the minutes list. */
  attendees?: string[];
}

/** "Anders følger op på det": a sentence pointing back takes the deadline of the one before. */
const POINTS_BACK = /\b(?:det|detta|dette|denna|this|it|that)\b/i;

export function readMinutes(minutes: string, options: ReadMinutesOptions = {}): MinutesReading {
  const blocks = blocksOf(minutes);
  const meetingDate = options.meetingDate ?? meetingDateOf(blocks);
  const next = nextMeetingOf(blocks, meetingDate);
  const dates: MeetingDates = { meetingDate, nextMeetingDate: options.nextMeetingDate ?? next.date };
  const attendees = [...new Set([...attendeesOf(blocks), ...(options.attendees ?? [])])];
  const skipped = new Set(next.index === undefined ? [] : [next.index, next.index + 1]);
  const findings = blocks.flatMap((block, i) => (skipped.has(i) ? [] : blockFindings(block, { ...dates, attendees })));
  const warnings = meetingDate ? [] : ['The minutes give no meeting date: deadlines without a year stay as words'];
  return { ...dates, attendees, findings, warnings };
}

function blockFindings(block: Block, context: SentenceContext): Finding[] {
  if (block.role !== 'text' && block.role !== 'heading') return [];
  const text = stripMarkup(block.text);
  const found = sentenceFindings(text, context);
  const assignments = found.filter((f) => f.finding.kind === 'assignment');
  if (block.role === 'text' && BALANCE_LIST_HEADINGS.test(block.place.heading ?? '') && assignments.length === 0) {
    return [balanceItem(block, text, found[0]?.finding, context)];
  }
  return found.map(({ sentence, finding }) => ({ ...finding, sentence, place: block.place }));
}

function sentenceFindings(text: string, dates: SentenceContext): Array<{ sentence: string; finding: SentenceFinding }> {
  const out: Array<{ sentence: string; finding: SentenceFinding }> = [];
  let previousDeadline: SentenceFinding['deadline'];
  for (const sentence of sentencesOf(text)) {
    for (let finding of classifySentence(sentence, dates)) {
      if (!finding.deadline && previousDeadline && POINTS_BACK.test(sentence)) {
        finding = { ...finding, deadline: { ...previousDeadline, rule: 'deadline.context' } };
      }
      out.push({ sentence, finding });
    }
    previousDeadline = readDeadline(sentence, dates)?.deadline;
  }
  return out;
}

/**
 * An item of a balance list is open by being there, whatever its wording; the whole item is its
 * sentence, since its question ("Vem driver frågan vidare?") means little without the rest.
 */
function balanceItem(block: Block, text: string, question: SentenceFinding | undefined, dates: MeetingDates): Finding {
  const deadline = readDeadline(text, dates);
  const because = question?.kind === 'openQuestion' ? question.because : { rule: 'openQuestion.balanceList', words: block.place.heading ?? '' };
  return {
    kind: 'openQuestion',
    sentence: text,
    place: block.place,
    ...(deadline ? { deadline: deadline.deadline } : {}),
    because,
    warnings: deadline?.warning ? [deadline.warning] : [],
  };
}
