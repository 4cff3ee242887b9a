import { DomainError } from '../errors';
import { ChartFile, ChartProblem, FilePerson, FileUnit, key } from './chart-import';


/**
 * What importing a chart file would do to the chart as it is: new, changed, unchanged and missing
 * units and people, warnings, and the rings the file would make. Pure; the API writes what this
 * says, and the CLI, which has no chart, compares with an empty one. Units are matched by name,
 * people by e-mail address, both without regard to case. A missing person (active in Bevaka, not
 * in the file) is only listed: the coordinator decides whether they are deactivated.
 */
export interface CurrentChart {
  units: ReadonlyArray<{ id: string; name: string; parentId: string | null; headPersonId: string | null }>;
  people: ReadonlyArray<{ id: string; name: string; email: string; unitId: string | null; roles: readonly string[]; deactivatedAt: string | null }>;
}

export interface DiffOptions {
  /** The coordinator importing: never deactivated by their own import. */
  actorId?: string;
  /** The account Bevaka was installed with (BEVAKA_ADMIN_EMAIL): never deactivated by an import. */
  bevakaAdminEmail?: string;
}

export type ChangedField = 'name' | 'unit' | 'roles' | 'head' | 'parent';

/** One field, from what the chart has to what the file says (names, not ids; roles as `a, b`). */
export interface FieldChange {
  field: ChangedField;
  from: string | null;
  to: string | null;
}

export interface NewUnit {
  name: string;
  parent: string | null;
  /** The head's e-mail address. */
  head: string | null;
  row: number;
}

export interface UnitChange {
  id: string;
  name: string;
  row: number;
  changes: FieldChange[];
  /** What to write: the parent by name, the head by e-mail address. */
  set: { parent?: string; head?: string };
}

export interface NewPerson {
  name: string;
  email: string;
  unit: string | null;
  roles: string[];
  /** The unit the person is head of. */
  headOf: string | null;
  row: number;
}

export interface PersonChange {
  id: string;
  name: string;
  email: string;
  row: number;
  changes: FieldChange[];
  set: { name?: string; unit?: string; roles?: string[] };
}

export interface Named {
  id: string;
  name: string;
}

export interface PersonNamed extends Named {
  email: string;
}

/** Why a missing person is never deactivated by an import. */
export type KeptReason = 'admin' | 'you' | 'bevakaAdmin';

export interface MissingPerson extends PersonNamed {
  unit: string | null;
  kept: KeptReason | null;
}

export type ChartWarningCode = 'unknownParent' | 'noHead' | 'deactivated';

/** Something the coordinator should know; unlike a problem it does not stop the import. */
export interface ChartWarning {
  code: ChartWarningCode;
  message: string;
  values: Record<string, string>;
  row: number | null;
}

export interface ChartDiff {
  units: { new: NewUnit[]; changed: UnitChange[]; unchanged: Named[]; missing: Named[] };
  people: { new: NewPerson[]; changed: PersonChange[]; unchanged: PersonNamed[]; missing: MissingPerson[] };
  warnings: ChartWarning[];
  /** Rings the file would make in the unit tree (with the units it does not name). */
  problems: ChartProblem[];
}

/** The preview: what the file holds, what importing it would do, and what stops or should give pause. */
export interface ChartPreview extends ChartDiff {
  file: { units: FileUnit[]; people: FilePerson[] };
  ignoredColumns: string[];
}

export const EMPTY_CHART: CurrentChart = { units: [], people: [] };

export function previewChart(file: ChartFile, chart: CurrentChart, options: DiffOptions = {}): ChartPreview {
  const diff = diffChart(file, chart, options);
  return {
    file: { units: file.units, people: file.people },
    ...diff,
    problems: [...file.problems, ...diff.problems].sort((a, b) => a.row - b.row),
    ignoredColumns: file.ignoredColumns,
  };
}

type CurrentUnit = CurrentChart['units'][number];
type CurrentPerson = CurrentChart['people'][number];

const IMPORT_NEVER_GIVES = ['admin'];

export function diffChart(file: ChartFile, chart: CurrentChart, options: DiffOptions = {}): ChartDiff {
  const index = new ChartIndex(chart);
  const warnings: ChartWarning[] = [];
  const fileUnits = new Map(file.units.map((u) => [key(u.name), u]));
  const filePeople = new Map(file.people.map((p) => [p.email, p]));
  for (const person of file.people) {
    const current = index.personByEmail.get(person.email);
    if (current?.deactivatedAt) warnings.push(warning('deactivated', `${current.name} is deactivated in Bevaka: the import leaves them so (reactivate them on the page)`, { name: current.name, email: person.email }, person.row));
  }
  const resolvedHead = headResolver(index, filePeople);
  const units = diffUnits(file.units, fileUnits, index, resolvedHead, warnings);
  const { order, rings } = placeUnits(index, fileUnits);
  const problems = rings.map((u) => ({ row: u.row, code: 'ring' as const, message: `${u.name} belongs, through its units, to itself`, values: { unit: u.name } }));
  units.new.sort((a, b) => (order.get(key(a.name)) ?? -1) - (order.get(key(b.name)) ?? -1));
  const heads = headsAfter(index, units);
  const people = diffPeople(file.people, index, heads, options);
  return { units, people, warnings: warnings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), problems };
}

/** The chart as it is, looked up by name, e-mail address and id. */
class ChartIndex {
  readonly unitByKey = new Map<string, CurrentUnit>();
  readonly unitById = new Map<string, CurrentUnit>();
  readonly personByEmail = new Map<string, CurrentPerson>();
  readonly personById = new Map<string, CurrentPerson>();

  constructor(readonly chart: CurrentChart) {
    for (const unit of chart.units) {
      if (!this.unitByKey.has(key(unit.name))) this.unitByKey.set(key(unit.name), unit);
      this.unitById.set(unit.id, unit);
    }
    for (const person of chart.people) {
      this.personByEmail.set(key(person.email), person);
      this.personById.set(person.id, person);
    }
  }

  unitName(id: string | null): string | null {
    return id ? (this.unitById.get(id)?.name ?? null) : null;
  }

  personName(id: string | null): string | null {
    return id ? (this.personById.get(id)?.name ?? null) : null;
  }
}

/** The head a file names, as a person who can be one: existing and active, or new. */
type HeadOf = (unit: FileUnit) => { email: string; name: string; id: string | null } | undefined;

function headResolver(index: ChartIndex, filePeople: Map<string, FilePerson>): HeadOf {
  return (unit) => {
    if (!unit.head) return undefined;
    const current = index.personByEmail.get(unit.head);
    if (current?.deactivatedAt) return undefined; // warned about: a deactivated person heads nothing
    return { email: unit.head, name: current?.name ?? filePeople.get(unit.head)!.name, id: current?.id ?? null };
  };
}

function diffUnits(units: readonly FileUnit[], fileUnits: Map<string, FileUnit>, index: ChartIndex, headOf: HeadOf, warnings: ChartWarning[]): ChartDiff['units'] {
  const result: ChartDiff['units'] = { new: [], changed: [], unchanged: [], missing: [] };
  const canonical = (name: string) => index.unitByKey.get(key(name))?.name ?? fileUnits.get(key(name))?.name ?? name;
  for (const unit of units) {
    const current = index.unitByKey.get(key(unit.name));
    const head = headOf(unit);
    if (unit.parent && !index.unitByKey.has(key(unit.parent)) && fileUnits.get(key(unit.parent))?.onlyAsParent) {
      warnings.push(warning('unknownParent', `${unit.parent}, which ${unit.name} belongs to, is neither in Bevaka nor a unit of the file: it is added at the top`, { unit: unit.name, parent: unit.parent }, unit.row));
    }
    if (!head && !current?.headPersonId && !(current && unit.onlyAsParent)) {
      warnings.push(warning('noHead', `${unit.name} has no head: escalations skip it`, { unit: unit.name }, unit.row));
    }
    if (!current) {
      result.new.push({ name: unit.name, parent: unit.parent ? canonical(unit.parent) : null, head: head?.email ?? null, row: unit.row });
      continue;
    }
    const change: UnitChange = { id: current.id, name: current.name, row: unit.row, changes: [], set: {} };
    const parentNow = index.unitName(current.parentId);
    if (unit.parent && key(unit.parent) !== key(parentNow ?? '')) {
      change.changes.push({ field: 'parent', from: parentNow, to: canonical(unit.parent) });
      change.set.parent = canonical(unit.parent);
    }
    if (head && head.id !== current.headPersonId) {
      change.changes.push({ field: 'head', from: index.personName(current.headPersonId), to: head.name });
      change.set.head = head.email;
    }
    if (change.changes.length) result.changed.push(change);
    else result.unchanged.push({ id: current.id, name: current.name });
  }
  result.missing = index.chart.units.filter((u) => !fileUnits.has(key(u.name))).map((u) => ({ id: u.id, name: u.name }));
  return result;
}

/**
 * Every unit (in the chart or the file) in an order where its parent comes first, and the file's
 * units that would belong, through their units, to themselves. One walk up from each unit to one
 * already placed: linear in the units, also for a long chain written child first.
 */
function placeUnits(index: ChartIndex, fileUnits: Map<string, FileUnit>): { order: Map<string, number>; rings: FileUnit[] } {
  const parentOf = (k: string): string | undefined => {
    const inFile = fileUnits.get(k);
    if (inFile?.parent) return key(inFile.parent);
    const parentId = index.unitByKey.get(k)?.parentId;
    return parentId ? key(index.unitName(parentId) ?? '') || undefined : undefined;
  };
  const exists = (k: string) => fileUnits.has(k) || index.unitByKey.has(k);
  const order = new Map<string, number>();
  const failed = new Set<string>();
  for (const start of [...index.unitByKey.keys(), ...fileUnits.keys()]) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let k: string | undefined = start;
    while (k && exists(k) && !order.has(k) && !failed.has(k) && !onPath.has(k)) {
      path.push(k);
      onPath.add(k);
      k = parentOf(k);
    }
    const ring = k !== undefined && (onPath.has(k) || failed.has(k));
    for (const member of path.reverse()) {
      if (ring) failed.add(member);
      else order.set(member, order.size);
    }
  }
  const rings = [...failed].map((k) => fileUnits.get(k)).filter((u): u is FileUnit => Boolean(u && !u.onlyAsParent)).sort((a, b) => a.row - b.row);
  return { order, rings };
}

/** Who heads which unit once the import is written: person id (or new person's e-mail) → unit names. */
function headsAfter(index: ChartIndex, units: ChartDiff['units']): Map<string, string[]> {
  const heads = new Map<string, string>(); // unit name → id or e-mail
  for (const unit of index.chart.units) if (unit.headPersonId) heads.set(unit.name, unit.headPersonId);
  for (const change of units.changed) {
    if (change.set.head) heads.set(change.name, index.personByEmail.get(change.set.head)?.id ?? change.set.head);
  }
  for (const unit of units.new) if (unit.head) heads.set(unit.name, index.personByEmail.get(unit.head)?.id ?? unit.head);
  const byPerson = new Map<string, string[]>();
  for (const [unit, who] of heads) byPerson.set(who, [...(byPerson.get(who) ?? []), unit]);
  return byPerson;
}

function diffPeople(people: readonly FilePerson[], index: ChartIndex, heads: Map<string, string[]>, options: DiffOptions): ChartDiff['people'] {
  const result: ChartDiff['people'] = { new: [], changed: [], unchanged: [], missing: [] };
  const headsBefore = new Map<string, string[]>();
  for (const unit of index.chart.units) if (unit.headPersonId) headsBefore.set(unit.headPersonId, [...(headsBefore.get(unit.headPersonId) ?? []), unit.name]);
  const unitName = (name: string) => index.unitByKey.get(key(name))?.name ?? name;
  for (const person of people) {
    const current = index.personByEmail.get(person.email);
    if (current?.deactivatedAt) continue; // warned about
    if (!current) {
      result.new.push({ name: person.name, email: person.email, unit: person.unit ? unitName(person.unit) : null, roles: person.roles ?? ['owner'], headOf: person.head ? unitName(person.unit!) : null, row: person.row });
      continue;
    }
    const change = personChange(person, current, index, unitName);
    const [before, after] = [listed(headsBefore.get(current.id)), listed(heads.get(current.id))];
    if (before !== after) change.changes.push({ field: 'head', from: before, to: after });
    if (change.changes.length) result.changed.push(change);
    else result.unchanged.push({ id: current.id, name: current.name, email: current.email });
  }
  const inFile = new Set(people.map((p) => p.email));
  result.missing = index.chart.people
    .filter((p) => !p.deactivatedAt && !inFile.has(key(p.email)))
    .map((p) => ({ id: p.id, name: p.name, email: p.email, unit: index.unitName(p.unitId), kept: keptReason(p, options) }));
  return result;
}

function personChange(person: FilePerson, current: CurrentPerson, index: ChartIndex, unitName: (name: string) => string): PersonChange {
  const change: PersonChange = { id: current.id, name: current.name, email: current.email, row: person.row, changes: [], set: {} };
  if (person.name !== current.name) {
    change.changes.push({ field: 'name', from: current.name, to: person.name });
    change.set.name = person.name;
  }
  const unitNow = index.unitName(current.unitId);
  if (person.unit && key(person.unit) !== key(unitNow ?? '')) {
    change.changes.push({ field: 'unit', from: unitNow, to: unitName(person.unit) });
    change.set.unit = unitName(person.unit);
  }
  if (person.roles) {
    // The file gives the roles an import may give; the admin role is Bevaka's own and stays.
    const roles = [...new Set([...person.roles, ...current.roles.filter((r) => IMPORT_NEVER_GIVES.includes(r))])].sort();
    if (listed(roles) !== listed(current.roles)) {
      change.changes.push({ field: 'roles', from: listed(current.roles), to: listed(roles) });
      change.set.roles = roles;
    }
  }
  return change;
}

function keptReason(person: CurrentPerson, options: DiffOptions): KeptReason | null {
  if (person.roles.includes('admin')) return 'admin';
  if (person.id === options.actorId) return 'you';
  if (options.bevakaAdminEmail && key(person.email) === key(options.bevakaAdminEmail)) return 'bevakaAdmin';
  return null;
}

/** The coordinator's confirmation with the commit: all missing people, or these of them. */
export interface DeactivationChoice {
  deactivateMissing?: boolean;
  deactivate?: readonly string[];
}

/**
 * The missing people to deactivate: none unless confirmed. `deactivateMissing` takes every missing
 * person an import may deactivate (the kept ones stay, as the preview said); a list of ids must
 * name such people only, or nothing is written — the chart may have changed since the preview.
 */
export function peopleToDeactivate(missing: readonly MissingPerson[], choice: DeactivationChoice): MissingPerson[] {
  if (choice.deactivateMissing) return missing.filter((p) => !p.kept);
  const byId = new Map(missing.map((p) => [p.id, p]));
  const refused = (choice.deactivate ?? []).filter((id) => !byId.get(id) || byId.get(id)!.kept);
  if (refused.length) {
    const why = (id: string) => (byId.get(id)?.kept ? `kept (${byId.get(id)!.kept}): an import never deactivates them` : 'not an active person missing from the file');
    throw new DomainError('UNPROCESSABLE', 'Only people missing from the file can be deactivated by the import; nothing was saved', refused.map((id) => ({ path: 'deactivate', message: `${id}: ${why(id)}` })));
  }
  return [...new Set(choice.deactivate ?? [])].map((id) => byId.get(id)!);
}

/** A set of names as one comparable text, or null when empty. */
function listed(names: readonly string[] | undefined): string | null {
  return names?.length ? [...names].sort().join(', ') : null;
}

function warning(code: ChartWarningCode, message: string, values: Record<string, string>, row: number | null): ChartWarning {
  return { code, message, values, row };
}
