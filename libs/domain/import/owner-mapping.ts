/**
 * The owners a plan document names ("Upphandling", "KSO, KD") mapped to the organisation chart:
 * a unit or a person of the same name (any case) owns the action; the rest are shown unmatched for
 * the coordinator, who may choose owners for a row instead (a correction). Pure: the directory is
 * given (active people only: a deactivated namesake owns nothing).
 */
import { DomainError } from '../errors';
import type { ImportedAction, PlanImportPreview } from './types';

export interface OwnerDirectory {
  units: ReadonlyArray<{ id: string; name: string }>;
  people: ReadonlyArray<{ id: string; name: string }>;
}

export interface OwnerMapping {
  unitIds: string[];
  personIds: string[];
  unmatched: string[];
}

export type MappedAction = ImportedAction & { ownerMapping: OwnerMapping };

export type MappedPreview = Omit<PlanImportPreview, 'areas'> & { areas: Array<{ title: string; actions: MappedAction[] }> };

/** The coordinator's owners for a row of the preview, chosen from the chart. */
export interface OwnerCorrection {
  area: number;
  row: number;
  ownerUnitIds?: string[];
  ownerPersonIds?: string[];
}

export function mapOwners(names: readonly string[], directory: OwnerDirectory): OwnerMapping {
  const key = (s: string) => s.trim().toLocaleLowerCase('sv');
  const mapping: OwnerMapping = { unitIds: [], personIds: [], unmatched: [] };
  for (const name of names) {
    const unit = directory.units.find((u) => key(u.name) === key(name));
    const person = directory.people.find((p) => key(p.name) === key(name));
    if (unit) mapping.unitIds.push(unit.id);
    else if (person) mapping.personIds.push(person.id);
    else mapping.unmatched.push(name);
  }
  return mapping;
}

/** Every row's owners mapped, then the coordinator's choices for rows applied over them. */
export function mapPreviewOwners(preview: PlanImportPreview, corrections: readonly OwnerCorrection[], directory: OwnerDirectory): MappedPreview {
  const mapped: MappedPreview = {
    ...preview,
    areas: preview.areas.map((area) => ({ ...area, actions: area.actions.map((action) => ({ ...action, ownerMapping: mapOwners(action.owners, directory) })) })),
  };
  for (const c of corrections) {
    const action = mapped.areas[c.area]?.actions[c.row];
    if (!action || !(c.ownerUnitIds || c.ownerPersonIds)) continue;
    const unitIds = (c.ownerUnitIds ?? []).filter((id) => directory.units.some((u) => u.id === id));
    const personIds = (c.ownerPersonIds ?? []).filter((id) => directory.people.some((p) => p.id === id));
    if (unitIds.length + personIds.length !== (c.ownerUnitIds ?? []).length + (c.ownerPersonIds ?? []).length) {
      throw new DomainError('UNPROCESSABLE', 'Some chosen owners do not exist', [{ path: 'corrections', message: `${c.area}/${c.row}` }]);
    }
    action.ownerMapping = { unitIds, personIds, unmatched: [] };
  }
  return mapped;
}
