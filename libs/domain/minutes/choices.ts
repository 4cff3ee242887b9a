/**
 * The coordinator's choices on a preview → what to create. Every finding is accepted as
 * proposed unless a choice drops or edits it; assignments and decisions become actions, open
 * questions become items of the balance list. Choices that name no finding, name one twice or
 * give a date that is not one are refused as a whole, with a detail per choice.
 */
import { DomainError, ErrorDetail } from '../errors';
import { MinutesPreview, PreviewFinding, TITLE_CHARACTERS } from './preview';
import { Place } from './types';

export interface MinutesChoice {
  index: number;
  drop?: boolean;
  title?: string;
  /** YYYY-MM-DD, or null for no deadline (continuous follow-up). */
  due?: string | null;
  ownerUnitIds?: string[];
  ownerPersonIds?: string[];
}

export interface Source {
  place: Place;
  sentence: string;
}

export interface AcceptedAction {
  index: number;
  title: string;
  due: string | null;
  ownerUnitIds: string[];
  ownerPersonIds: string[];
  source: Source;
}

export interface AcceptedQuestion {
  index: number;
  question: string;
  due: string | null;
  source: Source;
}

export interface AcceptedFindings {
  actions: AcceptedAction[];
  questions: AcceptedQuestion[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function acceptFindings(preview: MinutesPreview, choices: readonly MinutesChoice[] = []): AcceptedFindings {
  const byIndex = new Map<number, MinutesChoice>();
  const details: ErrorDetail[] = [];
  choices.forEach((choice, i) => {
    const path = `choices[${i}]`;
    if (!preview.findings[choice.index]) details.push({ path, message: `no finding ${choice.index}` });
    else if (byIndex.has(choice.index)) details.push({ path, message: `finding ${choice.index} is chosen twice` });
    if (choice.due != null && (!DATE.test(choice.due) || Number.isNaN(Date.parse(choice.due)))) details.push({ path: `${path}.due`, message: `not a date (YYYY-MM-DD): "${choice.due}"` });
    if (choice.title !== undefined && !choice.title.trim()) details.push({ path: `${path}.title`, message: 'empty' });
    if (choice.title !== undefined && choice.title.length > TITLE_CHARACTERS) details.push({ path: `${path}.title`, message: `longer than ${TITLE_CHARACTERS} characters` });
    byIndex.set(choice.index, choice);
  });
  if (details.length) throw new DomainError('VALIDATION_FAILED', 'Some choices do not fit the minutes', details);
  const accepted: AcceptedFindings = { actions: [], questions: [] };
  for (const finding of preview.findings) {
    const choice = byIndex.get(finding.index);
    if (choice?.drop) continue;
    const title = choice?.title?.trim() ?? finding.proposal.title;
    const due = choice?.due !== undefined ? choice.due : finding.proposal.due;
    const source = { place: finding.place, sentence: finding.sentence };
    if (finding.kind === 'openQuestion') accepted.questions.push({ index: finding.index, question: title, due, source });
    else accepted.actions.push({ index: finding.index, title, due, ...owners(finding, choice), source });
  }
  return accepted;
}

/** A choice's owners replace the matched ones when it gives any. */
function owners(finding: PreviewFinding, choice: MinutesChoice | undefined) {
  if (choice?.ownerUnitIds !== undefined || choice?.ownerPersonIds !== undefined) {
    return { ownerUnitIds: choice.ownerUnitIds ?? [], ownerPersonIds: choice.ownerPersonIds ?? [] };
  }
  return { ownerUnitIds: finding.ownerMapping.unitIds, ownerPersonIds: finding.ownerMapping.personIds };
}
