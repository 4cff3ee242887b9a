import { DomainError } from '../errors';
import type { Change, OccurrenceState, Owners } from './state';
import { isResolved, OccurrenceKind } from './status';
import { logQuotaEntry, type QuotaEntry } from './quota-log';

/**
 * What people do to an occurrence, and what it does to its state. Pure and total: each command
 * gives the new state and the transition to record, a no-op (completing twice), or a DomainError
 * with a code (skipping what is completed, a due date in the past). The API applies these to the
 * database row under a lock; the action's workflow applies the same to its copy.
 */
export type OccurrenceCommand =
  | { kind: 'complete'; byPersonId: string; onBehalfOfPersonId?: string; note?: string; evidenceUrl?: string }
  | { kind: 'postpone'; byPersonId: string; dueInstant: string; reason: string }
  | { kind: 'skip'; byPersonId: string; reason: string }
  | { kind: 'reassign'; byPersonId: string; ownerPersonId: string }
  /** One time a quota's action happened ("minst sex gånger per år"), logged by its owner. */
  | { kind: 'log'; entry: QuotaEntry; timezone: string }
  | { kind: 'cancel'; reason: string; byPersonId?: string }
  /** A submitted status report sent back to its owners for completion (the coordinator's). */
  | { kind: 'return'; byPersonId: string; note: string; dueInstant: string };

/** What owners and those it escalated to do (permissions.ts); cancel and return are the system's and the coordinator's. */
export type OccurrenceAct = Exclude<OccurrenceCommand['kind'], 'cancel' | 'return'>;
export const OCCURRENCE_ACTS: readonly OccurrenceAct[] = ['complete', 'postpone', 'skip', 'reassign', 'log'];

/**
 * A status report is submitted with an assessment (a completion written with it), and neither put
 * off nor skipped: the round's deadline and the coordinator decide that. Tasks take every act.
 */
const ACTS_OF_KIND: Record<OccurrenceKind, readonly OccurrenceAct[]> = {
  task: OCCURRENCE_ACTS,
  'status-report': ['reassign'],
};

export function requireActFits(kind: OccurrenceKind, act: OccurrenceAct): void {
  if (ACTS_OF_KIND[kind].includes(act)) return;
  throw new DomainError('INVALID_TRANSITION', `A status report cannot be ${act === 'complete' ? 'completed without an assessment: submit it as a status report' : `${act}d`}`);
}

export function decide(state: OccurrenceState, command: OccurrenceCommand, at: string): Change {
  switch (command.kind) {
    case 'complete':
      return complete(state, command, at);
    case 'postpone':
      return postpone(state, command, at);
    case 'skip':
      return skip(state, command, at);
    case 'reassign':
      return reassign(state, command, at);
    case 'log':
      requireText(command.entry.byPersonId, 'byPersonId');
      return logQuotaEntry(state, command.entry, at, command.timezone);
    case 'cancel':
      return cancel(state, command, at);
    case 'return':
      return sendBack(state, command, at);
  }
}

function complete(state: OccurrenceState, c: Extract<OccurrenceCommand, { kind: 'complete' }>, at: string): Change {
  requireText(c.byPersonId, 'byPersonId');
  requireNoQuota(state, 'completed');
  if (state.status === 'completed') return { state }; // the first completion stands: a double click is harmless
  requireUnresolved(state, 'completed');
  const completion = { byPersonId: c.byPersonId, onBehalfOfPersonId: c.onBehalfOfPersonId, at, onTime: at <= state.dueInstant, note: c.note, evidenceUrl: c.evidenceUrl };
  return {
    state: { ...state, status: 'completed', completion, version: state.version + 1 },
    transition: { kind: 'completed', at, actorPersonId: c.byPersonId, data: { ...completion } },
  };
}

function postpone(state: OccurrenceState, c: Extract<OccurrenceCommand, { kind: 'postpone' }>, at: string): Change {
  requireText(c.byPersonId, 'byPersonId');
  requireText(c.reason, 'reason');
  requireNoQuota(state, 'postponed');
  requireUnresolved(state, 'postponed');
  const due = Date.parse(c.dueInstant);
  if (Number.isNaN(due)) throw new DomainError('VALIDATION_FAILED', `Not an ISO date-time: "${c.dueInstant}"`, [{ path: 'due', message: 'unreadable' }]);
  if (due <= Date.parse(at)) throw new DomainError('INVALID_TRANSITION', 'The new due date must be in the future', [{ path: 'due', message: 'in the past' }]);
  const dueInstant = new Date(due).toISOString();
  return {
    state: { ...state, status: 'open', dueInstant, escalationStep: 0, generation: state.generation + 1, armedAt: at, fired: [], version: state.version + 1 },
    transition: { kind: 'postponed', at, actorPersonId: c.byPersonId, data: { dueInstant, reason: c.reason, from: state.dueInstant } },
  };
}

function skip(state: OccurrenceState, c: Extract<OccurrenceCommand, { kind: 'skip' }>, at: string): Change {
  requireText(c.byPersonId, 'byPersonId');
  requireText(c.reason, 'reason');
  requireUnresolved(state, 'skipped');
  return {
    state: { ...state, status: 'skipped', skip: { byPersonId: c.byPersonId, at, reason: c.reason }, version: state.version + 1 },
    transition: { kind: 'skipped', at, actorPersonId: c.byPersonId, data: { reason: c.reason } },
  };
}

function reassign(state: OccurrenceState, c: Extract<OccurrenceCommand, { kind: 'reassign' }>, at: string): Change {
  requireText(c.byPersonId, 'byPersonId');
  requireText(c.ownerPersonId, 'ownerPersonId');
  requireUnresolved(state, 'reassigned');
  const owners: Owners = { personIds: [c.ownerPersonId], unitIds: [] };
  return {
    state: { ...state, owners, armedAt: at, version: state.version + 1 },
    transition: { kind: 'reassigned', at, actorPersonId: c.byPersonId, data: { from: state.owners, to: owners } },
  };
}

/** The action was withdrawn: what is still open is cancelled; what is resolved stays as it is. */
function cancel(state: OccurrenceState, c: Extract<OccurrenceCommand, { kind: 'cancel' }>, at: string): Change {
  if (isResolved(state.status)) return { state };
  return {
    state: { ...state, status: 'cancelled', version: state.version + 1 },
    transition: { kind: 'cancelled', at, actorPersonId: c.byPersonId, data: { reason: c.reason } },
  };
}

/**
 * A submitted status report goes back to its owners: open again, due anew, its notices armed from
 * now as after a postponement. Only what was completed can be sent back.
 */
function sendBack(state: OccurrenceState, c: Extract<OccurrenceCommand, { kind: 'return' }>, at: string): Change {
  requireText(c.byPersonId, 'byPersonId');
  requireText(c.note, 'note');
  if (state.status !== 'completed') throw new DomainError('INVALID_TRANSITION', `Only a submitted report can be sent back; this one is ${state.status}`);
  const { completion: _completion, ...rest } = state;
  return {
    state: { ...rest, status: 'open', dueInstant: c.dueInstant, escalationStep: 0, generation: state.generation + 1, armedAt: at, fired: [], version: state.version + 1 },
    transition: { kind: 'returned', at, actorPersonId: c.byPersonId, data: { note: c.note, dueInstant: c.dueInstant } },
  };
}

/** New owners or a new policy for the whole action: the notices are armed again from now. */
export function rearm(state: OccurrenceState, change: { owners?: Owners; at: string }): OccurrenceState {
  if (isResolved(state.status)) return state;
  return { ...state, owners: change.owners ?? state.owners, armedAt: change.at };
}

/**
 * A quota's period is reached time by time and ends when the calendar says: it is neither ticked
 * off in one go nor given a later end (skipping a period, and reassigning it, are as for any task).
 */
function requireNoQuota(state: OccurrenceState, wanted: string): void {
  if (state.quota) throw new DomainError('INVALID_TRANSITION', `A quota's period is not ${wanted}: log each time it happens, and the target reached completes it`);
}

function requireUnresolved(state: OccurrenceState, wanted: string): void {
  if (isResolved(state.status)) throw new DomainError('INVALID_TRANSITION', `The occurrence is already ${state.status} and cannot be ${wanted}`);
}

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainError('VALIDATION_FAILED', `${name} is required`, [{ path: name, message: 'required' }]);
}
