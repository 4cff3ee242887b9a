/**
 * Facts about the meeting itself: its date, the next meeting's date, and who attended (owners
 * are later matched by first name among them).
 */
import { findDate } from './dates';
import { Block, stripMarkup } from './structure';

/** How far into the minutes the meeting's own date is looked for (the letterhead and title). */
const HEADER_BLOCKS = 12;

export function meetingDateOf(blocks: Block[]): string | undefined {
  for (const block of blocks.slice(0, HEADER_BLOCKS)) {
    const date = findDate(block.text);
    if (date) return date;
  }
  return undefined;
}

export const NEXT_MEETING_LINE = /^(?:nästa\s+(?:möte|sammanträde)|næste\s+møde|neste\s+møte|next\s+meeting)\b/i;

/** "Næste møde er fredag den 29. april 2016", or "Nästa möte beslöts till" with the date on the next line. */
export function nextMeetingOf(blocks: Block[], meetingDate: string | undefined): { date?: string; index?: number } {
  for (let i = 0; i < blocks.length; i++) {
    if (!NEXT_MEETING_LINE.test(stripMarkup(blocks[i].text))) continue;
    const date = findDate(blocks[i].text, meetingDate) ?? (blocks[i + 1] ? findDate(blocks[i + 1].text, meetingDate) : undefined);
    if (date) return { date, index: i };
  }
  return {};
}

/** Names from attendance sections: "Deltagere: A, B og C." inline, or one person a line ("Solveig Oscarsson, Nora kommun KSO"). */
export function attendeesOf(blocks: Block[]): string[] {
  const names = blocks
    .filter((b) => b.role === 'attendance')
    .flatMap((b) => (b.inline ? b.text.split(/,|\s+(?:og|och|and|&)\s+/) : [b.text.split(',')[0]]))
    .map(personName)
    .filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

/** The leading capitalised words of an entry, at most three, up to an initial or a title. */
function personName(entry: string): string | undefined {
  const words = stripMarkup(entry).replace(/\(.*?\)/g, '').replace(/[.:]$/, '').trim().split(/\s+/);
  const name: string[] = [];
  for (const w of words) {
    if (name.length === 3 || !/^\p{Lu}[\p{Ll}-]+$/u.test(w)) break;
    name.push(w);
  }
  return name.length ? name.join(' ') : undefined;
}
