import { actingPerson, escalationTarget, LadderLevel, SubstitutePeriod } from './ladder';

/** What the organisation chart says, at the moment a notice fires, about one occurrence's owners. */
export interface RecipientContext {
  ownerPersonIds: string[];
  /** Heads of the owner units, in the order the units are listed. */
  ownerUnitHeads: string[];
  /** From the unit of the first owner person (else the first owner unit) up to the root. */
  chain: LadderLevel[];
  /** Substitutions in force on `today`. */
  substitutes: SubstitutePeriod[];
  coordinators: string[];
  /** The local date the notice fires on (YYYY-MM-DD). */
  today: string;
  /** People of the above who are deactivated: they hear of nothing. */
  inactive?: string[];
}

export interface Recipients {
  personIds: string[];
  /** For escalations: the unit whose head the step went to. */
  unitId?: string;
}

/**
 * Who hears of a notice. Reminders and the overdue notice go to the owners (people, and the heads
 * of owner units); escalation step i goes to the i+1-th head up the ladder, a repeat to the last
 * step's target. Anyone on leave is replaced by their substitute of the day; deactivated people
 * hear of nothing (a deactivated head is passed over on the ladder). An action nobody active owns
 * (balanslista), and an escalation with nobody above, is the coordinators' to hear about.
 */
export function noticeRecipients(ladderStep: number | undefined, context: RecipientContext): Recipients {
  const inactive = new Set(context.inactive ?? []);
  const active = (p: string) => !inactive.has(p);
  const { today } = context;
  // A substitute who is deactivated substitutes for nobody; a deactivated head heads nothing.
  const substitutes = context.substitutes.filter((s) => active(s.substitutePersonId));
  const coordinators = context.coordinators.filter(active);
  if (ladderStep === undefined) {
    const owners = [...context.ownerPersonIds, ...context.ownerUnitHeads];
    const acting = [...new Set(owners.map((p) => actingPerson(p, today, substitutes)))].filter(active);
    return { personIds: acting.length ? acting : coordinators };
  }
  const chain = context.chain.map((level) => (level.headPersonId && !active(level.headPersonId) ? { ...level, headPersonId: null } : level));
  const target = escalationTarget(chain, context.ownerPersonIds, ladderStep);
  if (!target) return { personIds: coordinators };
  return { personIds: [actingPerson(target.personId, today, substitutes)], unitId: target.unitId };
}
