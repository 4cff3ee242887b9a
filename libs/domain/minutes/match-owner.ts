/**
 * An owner as the minutes write it ("Anders", "Anders Stryhn", "SBB") → a person or unit of the
 * organisation (issue 15, point 2). A first name alone is trusted only when exactly one attendee
 * has it and exactly one person in the organisation does: otherwise the coordinator chooses.
 */
export interface OwnerDirectory {
  people: ReadonlyArray<{ id: string; name: string }>;
  units: ReadonlyArray<{ id: string; name: string; abbreviation?: string }>;
  attendees: readonly string[];
}

export type OwnerMatch = { personId: string } | { unitId: string } | { unmatched: string };

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
const firstName = (name: string) => norm(name).split(' ')[0];

export function matchOwner(ownerText: string, directory: OwnerDirectory): OwnerMatch {
  const owner = norm(ownerText.replace(/^(?:av|af|by)\s+/i, ''));
  const unit = unitNamed(owner, directory.units);
  if (unit) return { unitId: unit };
  const fullName = directory.people.filter((p) => norm(p.name) === owner);
  if (fullName.length === 1) return { personId: fullName[0].id };
  if (fullName.length === 0 && !owner.includes(' ')) {
    const attendees = directory.attendees.filter((a) => firstName(a) === owner);
    const people = directory.people.filter((p) => firstName(p.name) === owner);
    if (attendees.length === 1 && people.length === 1) return { personId: people[0].id };
  }
  return { unmatched: ownerText };
}

/** A unit by its name or its abbreviation ("Upphandlingscenter" or "UhC"), when only one unit answers to it. */
function unitNamed(owner: string, units: OwnerDirectory['units']): string | undefined {
  const hits = units.filter((u) => norm(u.name) === owner || (u.abbreviation !== undefined && norm(u.abbreviation) === owner));
  return hits.length === 1 ? hits[0].id : undefined;
}
