/**
 * The layout of minutes: paragraphs ("§ 3 …"), numbered agenda items ("4. Samarbejde …"),
 * headings, bullet lines, and the sections that hold no business (attendance, signatures).
 * Every block of text comes out with the place it was read in.
 */
import { Place } from './types';

export type BlockRole = 'text' | 'attendance' | 'absence' | 'signature' | 'meta' | 'heading';

export interface Block {
  text: string;
  place: Place;
  role: BlockRole;
  /** Text on the same line as an attendance header ("Deltagere: Anders Stryhn, …"). */
  inline?: boolean;
}

const PARAGRAPH = /^§\s*(\d+[a-z]?)\s*(.*)$/;
const AGENDA_ITEM = /^(\d{1,2})\.\s+(\p{Lu}.{0,100})$/u;
const BULLET = /^\s*(?:[-•*–]|o\s)\s*/;
const MAX_HEADING_CHARS = 60;
const MAX_LIST_LINE_WORDS = 12;

/** Section headers whose lines list people, not business. */
const SECTION_HEADERS: ReadonlyArray<[RegExp, BlockRole]> = [
  [/^(?:närvarande(?: ledamöter| ersättare)?|deltagare|föredragande|övriga(?: närvarande)?|deltagere|til ?stede|tilstedeværende|deltakere|møtende|present|attendees|attendance)$/i, 'attendance'],
  [/^(?:frånvarande|inbjudna men kunde inte|anmält förhinder|afbud|fraværende|forfall|apologies|absent)$/i, 'absence'],
  [/^(?:plats|tid|plats och tid|sted|tidspunkt|place|time|location|venue|sagsnr|dnr|diarienummer)$/i, 'meta'],
  [/^(?:underskrifter|ordförande|sekreterare|justerare|justeras|vid datorn|protokollförare|referent|underskrift|signatures|chair|secretary|minutes taken by)$/i, 'signature'],
];

export function blocksOf(minutes: string): Block[] {
  const blocks: Block[] = [];
  let place: Place = { ref: null, title: null, heading: null };
  let listRole: BlockRole | undefined;
  for (const line of joinBrokenLines(lines(minutes))) {
    const ref = PARAGRAPH.exec(line) ?? AGENDA_ITEM.exec(line);
    if (ref) {
      const refText = line.startsWith('§') ? `§ ${ref[1]}` : `${ref[1]}.`;
      place = { ref: refText, title: stripMarkup(ref[2]) || null, heading: null };
      listRole = undefined;
      continue;
    }
    const header = sectionHeader(line);
    if (header) {
      listRole = header.role;
      if (header.rest) blocks.push({ text: header.rest, place, role: header.role, inline: true });
      continue;
    }
    if (listRole && isListLine(line)) {
      blocks.push({ text: line, place, role: listRole });
      continue;
    }
    listRole = undefined;
    if (isHeading(line)) {
      place = { ...place, heading: stripMarkup(line).replace(/:$/, '') };
      blocks.push({ text: line, place, role: 'heading' });
      continue;
    }
    blocks.push({ text: line, place, role: 'text' });
  }
  return blocks;
}

function lines(text: string): string[] {
  return text.normalize('NFC').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** Lines broken mid-sentence by page layout ("… viktiga för" / "att nå målen") are one line. */
function joinBrokenLines(all: string[]): string[] {
  const out: string[] = [];
  for (const line of all) {
    const previous = out[out.length - 1];
    if (previous && /^\p{Ll}/u.test(line) && !/[.!?:]$/.test(previous) && !BULLET.test(line)) out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
  }
  return out;
}

function sectionHeader(line: string): { role: BlockRole; rest?: string } | undefined {
  const plain = stripMarkup(line);
  const colon = /^([^:]{2,40}):\s*(.*)$/.exec(plain);
  const [head, rest] = colon ? [colon[1].trim(), colon[2].trim()] : [plain, ''];
  for (const [pattern, role] of SECTION_HEADERS) {
    if (pattern.test(head)) return { role, rest: rest || undefined };
  }
  // "Vid datorn Cilla": a signature header with its name on the same line.
  const signed = /^(vid datorn|referent|protokollförare)\s+(.{1,40})$/i.exec(plain);
  return signed && !/[.!?]$/.test(signed[2]) ? { role: 'signature', rest: signed[2] } : undefined;
}

/** A line of a list of people: starts with a name ("Malin, …", "Joakim Storck …") and is no sentence. */
function isListLine(line: string): boolean {
  const plain = stripMarkup(line);
  return !/[.!?]$/.test(plain) && plain.split(/\s+/).length <= MAX_LIST_LINE_WORDS && /^\p{Lu}[\p{L}-]*(?:,|\s+\p{Lu}|$)/u.test(plain);
}

function isHeading(line: string): boolean {
  const plain = stripMarkup(line);
  // Commas make a list of names ("Cecilia Berg, Joakim Storck"), a colon inside a label ("Plats: …").
  return !BULLET.test(line) && plain.length <= MAX_HEADING_CHARS && /^\p{Lu}/u.test(plain) && !/[.!?,;]|:./.test(plain);
}

export function stripMarkup(text: string): string {
  return text.replace(/\*+/g, '').replace(BULLET, '').trim();
}
