import { DomainError } from '../errors';

/**
 * The organisation chart read from a table, as HR systems and spreadsheets export it: a row per
 * person with their unit, or a row with a unit alone (a unit nobody works in yet). Columns are
 * found by their header in Swedish, Danish, Norwegian or English: Enhet, Ingår i, Namn, E-post,
 * Roller, Chef. Pure: the rows and the chart as it is come in; what the import would add comes
 * out, in an order that can be written (a unit after the unit it belongs to), with a problem for
 * each row that cannot be used. Nothing already in the chart is changed: a unit is matched by its
 * name, a person by e-mail address.
 */
export type ChartColumn = 'unit' | 'parent' | 'name' | 'email' | 'roles' | 'head';

/** The roles an import may give; `admin` is given in Bevaka by an admin, never by a file. */
export const IMPORTABLE_ROLES = ['owner', 'executive', 'coordinator', 'viewer'] as const;
export type ImportableRole = (typeof IMPORTABLE_ROLES)[number];

export interface ChartRow {
  cells: readonly string[];
  /** The row's number in the document (1-based), for problems. */
  row: number;
}

export interface ExistingChart {
  unitNames: readonly string[];
  emails: readonly string[];
}

export interface ImportedUnit {
  name: string;
  /** The unit it belongs to, by name: in the chart already or earlier in `units`. */
  parent: string | null;
  row: number;
}

export interface ImportedPerson {
  name: string;
  email: string;
  unit: string | null;
  roles: ImportableRole[];
  row: number;
}

export interface ChartImport {
  units: ImportedUnit[];
  people: ImportedPerson[];
  /** Heads by unit name and e-mail address: of new or existing units, new or existing people. */
  heads: Array<{ unit: string; email: string; row: number }>;
  /** Named in the file and in the chart already: left as they are. */
  existing: { units: string[]; emails: string[] };
  problems: ChartProblem[];
  ignoredColumns: string[];
}

/** A row that cannot be used: a code for clients to say it in their language, the English words, and the names it concerns. */
export interface ChartProblem {
  row: number;
  code: ChartProblemCode;
  message: string;
  values: Record<string, string>;
}

export type ChartProblemCode =
  | 'tooLong' | 'parentWithoutUnit' | 'twoParents' | 'ring'
  | 'noEmail' | 'noName' | 'notEmail' | 'duplicateEmail' | 'adminRole' | 'unknownRole' | 'headWithoutUnit' | 'twoHeads';

const HEADERS: Record<ChartColumn, readonly string[]> = {
  unit: ['enhet', 'förvaltning', 'avdelning', 'unit', 'department', 'enhed', 'forvaltning', 'afdeling', 'avdeling', 'eining'],
  parent: ['ingår i', 'överordnad', 'överordnad enhet', 'del av', 'part of', 'parent', 'parent unit', 'hører under', 'del af', 'tilhører', 'overordnet'],
  name: ['namn', 'navn', 'name', 'person', 'medarbetare', 'medarbejder'],
  email: ['e-post', 'epost', 'e-postadress', 'mejl', 'mail', 'e-mail', 'email', 'e-mailadresse', 'epostadresse'],
  roles: ['roll', 'roller', 'role', 'roles', 'rolle', 'roller i bevaka'],
  head: ['chef', 'enhetschef', 'är chef', 'leder', 'head', 'manager', 'is head'],
};

const ROLE_WORDS: Record<string, ImportableRole | 'admin'> = {
  ansvarig: 'owner', ansvarlig: 'owner', ägare: 'owner', owner: 'owner',
  chef: 'executive', kommunchef: 'executive', ledning: 'executive', leder: 'executive', executive: 'executive',
  samordnare: 'coordinator', koordinator: 'coordinator', koordinerende: 'coordinator', coordinator: 'coordinator',
  läsare: 'viewer', styrelse: 'viewer', læser: 'viewer', leser: 'viewer', viewer: 'viewer',
  administratör: 'admin', administrator: 'admin', admin: 'admin',
};

type Problem = (code: ChartProblemCode, message: string, values?: Record<string, string>) => void;

const YES = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', '1', 'chef', 'leder', 'head']);

/** Rows read from one import, at the most (a municipality of 100,000 has about 8,000 staff). */
export const CHART_IMPORT_ROWS = 10_000;
const MAX_EMAIL = 254;
const MAX_NAME = 200;

export function readChart(rows: readonly ChartRow[], chart: ExistingChart): ChartImport {
  const headerAt = rows.findIndex((r) => isHeader(r.cells));
  if (headerAt < 0) {
    throw new DomainError('IMPORT_NO_HEADER', 'No header row found: name the columns Enhet, Ingår i, Namn, E-post, Roller and Chef (any order; Enhet or Namn at least)');
  }
  const data = rows.slice(headerAt + 1);
  if (data.length > CHART_IMPORT_ROWS) {
    throw new DomainError('IMPORT_TOO_LARGE', `An organisation is imported up to ${CHART_IMPORT_ROWS.toLocaleString('en')} rows at a time`, [{ path: 'file', message: `${data.length} rows` }]);
  }
  const { columns, ignored } = columnsOf(rows[headerAt].cells);
  const reader = new ChartReader(chart);
  for (const row of data) reader.read(row, (column) => (columns[column] === undefined ? '' : (row.cells[columns[column]!] ?? '').trim()));
  return { ...reader.result(), ignoredColumns: ignored };
}

function key(text: string): string {
  return text.trim().toLocaleLowerCase('sv');
}

function columnOf(cell: string): ChartColumn | undefined {
  const k = key(cell).replace(/[?:*]/g, '').trim();
  if (!k || k.length > 40) return undefined;
  return (Object.keys(HEADERS) as ChartColumn[]).find((c) => HEADERS[c].includes(k));
}

function isHeader(cells: readonly string[]): boolean {
  const found = new Set(cells.map(columnOf).filter(Boolean));
  return found.size >= 2 && (found.has('unit') || found.has('name'));
}

function columnsOf(cells: readonly string[]): { columns: Partial<Record<ChartColumn, number>>; ignored: string[] } {
  const columns: Partial<Record<ChartColumn, number>> = {};
  const ignored: string[] = [];
  cells.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && columns[column] === undefined) columns[column] = i;
    else if (cell.trim()) ignored.push(cell.trim());
  });
  return { columns, ignored };
}

/** A plain address check (one @, something on each side, a dot in the domain): the mail server has the last word. */
function isEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@') || /\s/.test(text)) return false;
  const domain = text.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.');
}

class ChartReader {
  private readonly existingUnits: Map<string, string>;
  private readonly existingEmails: Set<string>;
  private readonly units = new Map<string, ImportedUnit>();
  private readonly people = new Map<string, ImportedPerson>();
  private readonly heads = new Map<string, { unit: string; email: string; row: number }>();
  private readonly seenUnits = new Set<string>();
  private readonly seenEmails = new Set<string>();
  private readonly problems: ChartProblem[] = [];

  constructor(chart: ExistingChart) {
    this.existingUnits = new Map(chart.unitNames.map((n) => [key(n), n]));
    this.existingEmails = new Set(chart.emails.map(key));
  }

  read(row: ChartRow, cell: (column: ChartColumn) => string): void {
    const [unit, parent, name, email] = [cell('unit'), cell('parent'), cell('name'), key(cell('email'))];
    if (!unit && !parent && !name && !email) return; // an empty line
    const problem: Problem = (code, message, values = {}) => void this.problems.push({ row: row.row, code, message, values });
    if (unit.length > MAX_NAME || parent.length > MAX_NAME || name.length > MAX_NAME) return problem('tooLong', `Longer than ${MAX_NAME} characters`, { max: String(MAX_NAME) });
    if (parent && !unit) return problem('parentWithoutUnit', `"${parent}" is named as the unit it belongs to, but the row names no unit`, { parent });
    const unitName = unit ? this.unit(unit, parent, row.row, problem) : null;
    if (!name && !email) return;
    if (!name) return problem('noName', `${email} has no name`, { email });
    if (!email) return problem('noEmail', `${name} has no e-mail address`, { name });
    if (email.length > MAX_EMAIL || !isEmail(email)) return problem('notEmail', `"${cell('email').slice(0, MAX_EMAIL)}" is not an e-mail address`, { email: cell('email').slice(0, MAX_EMAIL) });
    if (this.seenEmails.has(email)) return problem('duplicateEmail', `${email} is on an earlier row too`, { email });
    this.seenEmails.add(email);
    const roles = this.roles(cell('roles'), problem);
    if (!roles) return;
    if (YES.has(key(cell('head')))) {
      if (!unitName) return problem('headWithoutUnit', `${name} is marked as head, but the row names no unit`, { name });
      const earlier = this.heads.get(key(unitName));
      if (earlier) return problem('twoHeads', `${unitName} has a head on row ${earlier.row} already`, { unit: unitName, row: String(earlier.row) });
      this.heads.set(key(unitName), { unit: unitName, email, row: row.row });
    }
    if (!this.existingEmails.has(email)) this.people.set(email, { name, email, unit: unitName, roles, row: row.row });
  }

  /** The unit's name as the chart or the file first wrote it; a new unit is added once. */
  private unit(name: string, parent: string, row: number, problem: Problem): string {
    const k = key(name);
    this.seenUnits.add(k);
    const existing = this.existingUnits.get(k);
    if (existing) return existing;
    const known = this.units.get(k);
    if (!known) {
      this.units.set(k, { name, parent: parent || null, row });
    } else if (parent && known.parent && key(known.parent) !== key(parent)) {
      problem('twoParents', `${name} belongs to ${known.parent} on row ${known.row}, not to ${parent}`, { unit: name, parent: known.parent, other: parent, row: String(known.row) });
    } else if (parent && !known.parent) {
      known.parent = parent;
    }
    return known?.name ?? name;
  }

  private roles(text: string, problem: Problem): ImportableRole[] | undefined {
    const words = text.split(/[,;/]/).map(key).filter(Boolean);
    const roles = new Set<ImportableRole>();
    for (const word of words) {
      const role = ROLE_WORDS[word];
      if (role === 'admin') return void problem('adminRole', 'Administrators are appointed in Bevaka by an administrator, not by an import');
      if (!role) return void problem('unknownRole', `"${word.slice(0, 40)}" is no role: use ansvarig, chef, samordnare or läsare`, { role: word.slice(0, 40) });
      roles.add(role);
    }
    return roles.size ? [...roles] : ['owner'];
  }

  result(): Omit<ChartImport, 'ignoredColumns'> {
    const units = this.ordered();
    return {
      units,
      people: [...this.people.values()],
      heads: [...this.heads.values()],
      existing: {
        units: [...this.seenUnits].map((k) => this.existingUnits.get(k)).filter((n): n is string => Boolean(n)),
        emails: [...this.seenEmails].filter((e) => this.existingEmails.has(e)),
      },
      problems: this.problems.sort((a, b) => a.row - b.row),
    };
  }

  /**
   * New units, each after the unit it belongs to. A parent that is neither in the chart nor a
   * unit of the file is added as a unit at the top; a ring of units belonging to each other is a
   * problem on each of its rows.
   */
  private ordered(): ImportedUnit[] {
    for (const unit of [...this.units.values()]) {
      const parent = unit.parent && key(unit.parent);
      if (parent && !this.units.has(parent) && !this.existingUnits.has(parent)) this.units.set(parent, { name: unit.parent!, parent: null, row: unit.row });
    }
    // Up from each unit to one already placed (or in the chart): linear in the units. A unit
    // that leads into a ring of units belonging to each other cannot be placed either.
    const placed = new Set<string>();
    const failed = new Set<string>();
    const order: ImportedUnit[] = [];
    for (const start of this.units.keys()) {
      const path: string[] = [];
      const onPath = new Set<string>();
      let k: string | undefined = start;
      while (k && this.units.has(k) && !placed.has(k) && !failed.has(k) && !onPath.has(k)) {
        path.push(k);
        onPath.add(k);
        const parent: string | null = this.units.get(k)!.parent;
        k = parent ? key(parent) : undefined;
      }
      const ring = k !== undefined && (onPath.has(k) || failed.has(k));
      for (const member of path.reverse()) {
        const unit = this.units.get(member)!;
        if (ring) {
          failed.add(member);
          this.problems.push({ row: unit.row, code: 'ring', message: `${unit.name} belongs, through its units, to itself`, values: { unit: unit.name } });
        } else {
          placed.add(member);
          order.push(unit);
        }
      }
    }
    return order;
  }
}
