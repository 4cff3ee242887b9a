import { DomainError } from '../errors';

/**
 * The organisation chart read from a table, as HR systems and spreadsheets export it: a row per
 * person with their unit, or a row with a unit alone (a unit nobody works in yet). Columns are
 * found by their header in Swedish, Danish, Norwegian or English: Enhet, Ingår i, Namn, E-post,
 * Roller, Chef. Pure: what the file holds comes out, with a problem for each row that cannot be
 * used; chart-diff.ts compares it with the chart as it is. A blank cell says nothing (the chart
 * keeps what it has), so an HR export without Bevaka's roles never takes a coordinator's away.
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

/** A unit named in the file: in the unit column, or only as the unit another belongs to. */
export interface FileUnit {
  name: string;
  /** The unit it belongs to, by name; undefined when no row says (the chart keeps its own). */
  parent?: string;
  /** Its head's e-mail address; undefined when no row marks one. */
  head?: string;
  /** Named only in the parent column: the file says nothing about its own parent or head. */
  onlyAsParent?: true;
  row: number;
}

export interface FilePerson {
  name: string;
  email: string;
  /** By name; undefined when the row names none (the chart keeps the person's unit). */
  unit?: string;
  /** Undefined when the cell is blank: an existing person keeps theirs, a new one becomes owner. */
  roles?: ImportableRole[];
  /** Marked as the head of `unit`. */
  head: boolean;
  row: number;
}

/** What the file holds: each unit and person once, in the order the file first names them. */
export interface ChartFile {
  units: FileUnit[];
  people: FilePerson[];
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
  | 'tooLong' | 'parentWithoutUnit' | 'twoParents' | 'ring' | 'ownParent'
  | 'noEmail' | 'noName' | 'notEmail' | 'duplicateEmail' | 'adminRole' | 'unknownRole' | 'headWithoutUnit' | 'twoHeads';

const HEADERS: Record<ChartColumn, readonly string[]> = {
  unit: ['enhet', 'förvaltning', 'avdelning', 'organisationsenhet', 'enhetsnamn', 'arbetsplats', 'unit', 'department', 'organisation unit', 'organizational unit', 'org unit', 'enhed', 'forvaltning', 'afdeling', 'avdeling', 'eining'],
  parent: ['ingår i', 'överordnad', 'överordnad enhet', 'överordnad organisation', 'moderenhet', 'parent department', 'reports to unit', 'del av', 'part of', 'parent', 'parent unit', 'hører under', 'del af', 'tilhører', 'overordnet'],
  name: ['namn', 'navn', 'fullständigt namn', 'för- och efternamn', 'name', 'full name', 'display name', 'person', 'medarbetare', 'medarbejder'],
  email: ['e-post', 'epost', 'e-postadress', 'mejl', 'mejladress', 'mail', 'e-mail', 'email', 'email address', 'e-mail address', 'work email', 'e-mailadresse', 'epostadresse'],
  roles: ['roll', 'roller', 'role', 'roles', 'rolle', 'roller i bevaka'],
  head: ['chef', 'enhetschef', 'är chef', 'chefsflagga', 'leder', 'head', 'manager', 'is head', 'is manager', 'head of unit'],
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

export function readChartFile(rows: readonly ChartRow[]): ChartFile {
  const headerAt = rows.findIndex((r) => isHeader(r.cells));
  if (headerAt < 0) {
    throw new DomainError('IMPORT_NO_HEADER', 'No header row found: name the columns Enhet, Ingår i, Namn, E-post, Roller and Chef (any order; Enhet or Namn at least)');
  }
  const data = rows.slice(headerAt + 1);
  if (data.length > CHART_IMPORT_ROWS) {
    throw new DomainError('IMPORT_TOO_LARGE', `An organisation is imported up to ${CHART_IMPORT_ROWS.toLocaleString('en')} rows at a time`, [{ path: 'file', message: `${data.length} rows` }]);
  }
  const { columns, ignored } = columnsOf(rows[headerAt].cells);
  const reader = new ChartReader();
  for (const row of data) reader.read(row, (column) => (columns[column] === undefined ? '' : (row.cells[columns[column]!] ?? '').trim()));
  return { ...reader.result(), ignoredColumns: ignored };
}

/** Names and addresses are matched without regard to case (and e-mail addresses are stored in lower case). */
export function key(text: string): string {
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
  private readonly units = new Map<string, FileUnit>();
  private readonly people = new Map<string, FilePerson>();
  private readonly heads = new Map<string, number>();
  private readonly problems: ChartProblem[] = [];

  read(row: ChartRow, cell: (column: ChartColumn) => string): void {
    const [unit, parent, name, email] = [cell('unit'), cell('parent'), cell('name'), key(cell('email'))];
    if (!unit && !parent && !name && !email) return; // an empty line
    const problem: Problem = (code, message, values = {}) => void this.problems.push({ row: row.row, code, message, values });
    if (unit.length > MAX_NAME || parent.length > MAX_NAME || name.length > MAX_NAME) return problem('tooLong', `Longer than ${MAX_NAME} characters`, { max: String(MAX_NAME) });
    if (parent && !unit) return problem('parentWithoutUnit', `"${parent}" is named as the unit it belongs to, but the row names no unit`, { parent });
    if (parent && key(parent) === key(unit)) return problem('ownParent', `${unit} cannot belong to itself`, { unit });
    const unitName = unit ? this.unit(unit, parent, row.row, problem) : undefined;
    if (!name && !email) return;
    if (!name) return problem('noName', `${email} has no name`, { email });
    if (!email) return problem('noEmail', `${name} has no e-mail address`, { name });
    if (email.length > MAX_EMAIL || !isEmail(email)) return problem('notEmail', `"${cell('email').slice(0, MAX_EMAIL)}" is not an e-mail address`, { email: cell('email').slice(0, MAX_EMAIL) });
    if (this.people.has(email)) return problem('duplicateEmail', `${email} is on an earlier row too`, { email });
    const roles = this.roles(cell('roles'), problem);
    if (roles === null) return;
    const head = YES.has(key(cell('head')));
    if (head && !this.head(unitName, name, email, row.row, problem)) return;
    this.people.set(email, { name, email, ...(unitName ? { unit: unitName } : {}), ...(roles ? { roles } : {}), head, row: row.row });
  }

  /** Marks the head of a unit; false (and a problem) when the row names no unit or the unit has one. */
  private head(unitName: string | undefined, name: string, email: string, row: number, problem: Problem): boolean {
    if (!unitName) {
      problem('headWithoutUnit', `${name} is marked as head, but the row names no unit`, { name });
      return false;
    }
    const earlier = this.heads.get(key(unitName));
    if (earlier) {
      problem('twoHeads', `${unitName} has a head on row ${earlier} already`, { unit: unitName, row: String(earlier) });
      return false;
    }
    this.heads.set(key(unitName), row);
    this.units.get(key(unitName))!.head = email;
    return true;
  }

  /** The unit's name as the file first wrote it; a unit is listed once, with the parent any of its rows gives. */
  private unit(name: string, parent: string, row: number, problem: Problem): string {
    const k = key(name);
    const known = this.units.get(k);
    if (!known || known.onlyAsParent) {
      this.units.set(k, { name: known?.name ?? name, ...(parent ? { parent } : {}), row: known?.row ?? row });
    } else if (parent && known.parent && key(known.parent) !== key(parent)) {
      problem('twoParents', `${name} belongs to ${known.parent} on row ${known.row}, not to ${parent}`, { unit: name, parent: known.parent, other: parent, row: String(known.row) });
    } else if (parent && !known.parent) {
      known.parent = parent;
    }
    if (parent && !this.units.has(key(parent))) this.units.set(key(parent), { name: parent, onlyAsParent: true, row });
    return this.units.get(k)!.name;
  }

  /** The roles written in the cell; undefined for a blank cell, null (and a problem) for a word that is no role. */
  private roles(text: string, problem: Problem): ImportableRole[] | undefined | null {
    const words = text.split(/[,;/]/).map(key).filter(Boolean);
    const roles = new Set<ImportableRole>();
    for (const word of words) {
      const role = ROLE_WORDS[word];
      if (!role || role === 'admin') {
        if (role === 'admin') problem('adminRole', 'Administrators are appointed in Bevaka by an administrator, not by an import');
        else problem('unknownRole', `"${word.slice(0, 40)}" is no role: use ansvarig, chef, samordnare or läsare`, { role: word.slice(0, 40) });
        return null;
      }
      roles.add(role);
    }
    return roles.size ? [...roles].sort() : undefined;
  }

  result(): Omit<ChartFile, 'ignoredColumns'> {
    return { units: [...this.units.values()], people: [...this.people.values()], problems: this.problems.sort((a, b) => a.row - b.row) };
  }
}
