import type { OccurrenceAct } from './commands';

/** How a person stands to an occurrence today (substitutes stand where the person they act for stands). */
export interface OccurrenceRelation {
  /** Coordinators and admins may do everything. */
  coordinator: boolean;
  /** An owner, the head of an owner unit, or their substitute. */
  owner: boolean;
  /** A person the occurrence has escalated to, or their substitute. */
  escalationTarget: boolean;
}

/**
 * Who may do what: owners complete, log a quota's times and ask for a new date; those it escalated
 * to may also skip it and give it to someone else; coordinators may do everything.
 */
const ALLOWED: Record<OccurrenceAct, Array<'owner' | 'escalationTarget'>> = {
  complete: ['owner', 'escalationTarget'],
  postpone: ['owner', 'escalationTarget'],
  skip: ['escalationTarget'],
  reassign: ['escalationTarget'],
  log: ['owner', 'escalationTarget'],
};

export function mayAct(act: OccurrenceAct, relation: OccurrenceRelation): boolean {
  return relation.coordinator || ALLOWED[act].some((r) => relation[r]);
}
