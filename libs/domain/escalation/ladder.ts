/**
 * The escalation ladder (PRODUCT.md): owner → head of the owner's unit → … → head of the root unit
 * (kommunchef). Step i goes i+1 levels up. A level without a head, or whose head is an owner or
 * the target of the step below, moves further up; past the top, the kommunchef stays the target.
 */
export interface LadderLevel {
  unitId: string;
  headPersonId: string | null;
}

export interface LadderTarget {
  personId: string;
  unitId: string;
}

/** `chain` runs from the owner's unit up to the root unit. */
export function ladderTargets(chain: LadderLevel[], ownerPersonIds: string[]): LadderTarget[] {
  const targets: LadderTarget[] = [];
  for (const level of chain) {
    const head = level.headPersonId;
    if (!head || ownerPersonIds.includes(head) || targets.some((t) => t.personId === head)) continue;
    targets.push({ personId: head, unitId: level.unitId });
  }
  return targets;
}

export function escalationTarget(chain: LadderLevel[], ownerPersonIds: string[], step: number): LadderTarget | undefined {
  const targets = ladderTargets(chain, ownerPersonIds);
  if (targets.length === 0) return undefined;
  return targets[Math.min(step, targets.length - 1)];
}

export interface SubstitutePeriod {
  personId: string;
  substitutePersonId: string;
  startsOn: string;
  endsOn: string;
}

/** Who acts for `personId` on `date` (YYYY-MM-DD): the substitute in that window, else the person. */
export function actingPerson(personId: string, date: string, substitutes: SubstitutePeriod[]): string {
  const active = substitutes.find((s) => s.personId === personId && s.startsOn <= date && date <= s.endsOn);
  return active ? active.substitutePersonId : personId;
}
