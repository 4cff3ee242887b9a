/**
 * What the coordinator reviews before anything is saved (issue 15, point 3): every finding with
 * an index to refer to it by, its owner matched to the organisation, and what accepting it would
 * create — an action titled by its sentence, due at its deadline (or followed continuously when
 * none is given), or, for an open question, an item of the balance list. The same JSON is the
 * API's preview and the CLI's output; the CLI has no organisation, so its owners stay unmatched.
 */
import { matchOwner, OwnerDirectory } from './match-owner';
import { Finding, MinutesReading } from './types';

/** An action's title holds at most this much of its sentence (the API's limit for titles). */
export const TITLE_CHARACTERS = 2000;

export interface OwnerMapping {
  unitIds: string[];
  personIds: string[];
  /** The owner as written, when it is no unit or active person: the coordinator picks one. */
  unmatched: string[];
}

export interface Proposal {
  /** The action's title, or the open question's text. */
  title: string;
  /** YYYY-MM-DD: a once-only action due then; null: followed up continuously (or an open question without a date). */
  due: string | null;
}

export interface PreviewFinding extends Finding {
  index: number;
  ownerMapping: OwnerMapping;
  proposal: Proposal;
}

export interface MinutesPreview {
  meeting: { title: string; date: string | null; nextMeetingDate: string | null };
  attendees: string[];
  findings: PreviewFinding[];
  warnings: string[];
}

export const NO_OWNER_WARNING = 'No owner is named: pick one, or the action goes to the coordinators (balanslista)';

/** The default name of a meeting, and of the area its actions are created in. */
export function defaultMeetingTitle(date: string | undefined): string {
  return date ? `Möte ${date}` : 'Möte';
}

export function previewMinutes(reading: MinutesReading, options: { title?: string; directory?: Omit<OwnerDirectory, 'attendees'> } = {}): MinutesPreview {
  const directory: OwnerDirectory = { people: [], units: [], ...options.directory, attendees: reading.attendees };
  return {
    meeting: { title: options.title?.trim() || defaultMeetingTitle(reading.meetingDate), date: reading.meetingDate ?? null, nextMeetingDate: reading.nextMeetingDate ?? null },
    attendees: reading.attendees,
    findings: reading.findings.map((finding, index) => ({
      ...finding,
      index,
      ownerMapping: ownerMapping(finding.owner, directory),
      proposal: { title: titleOf(finding.sentence), due: finding.deadline?.date ?? null },
      warnings: finding.kind === 'decision' ? [...finding.warnings, NO_OWNER_WARNING] : finding.warnings,
    })),
    warnings: reading.warnings,
  };
}

function ownerMapping(owner: string | undefined, directory: OwnerDirectory): OwnerMapping {
  const none: OwnerMapping = { unitIds: [], personIds: [], unmatched: [] };
  if (!owner) return none;
  const match = matchOwner(owner, directory);
  if ('personId' in match) return { ...none, personIds: [match.personId] };
  if ('unitId' in match) return { ...none, unitIds: [match.unitId] };
  return { ...none, unmatched: [match.unmatched] };
}

/** The sentence as a title: one line, no closing full stop, within the title limit. */
function titleOf(sentence: string): string {
  const line = sentence.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return line.length > TITLE_CHARACTERS ? `${line.slice(0, TITLE_CHARACTERS - 1)}…` : line;
}
