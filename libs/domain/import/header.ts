/**
 * Header recognition: which column holds the action, its timing, its owners, its area or a
 * frequency, in sv/da/nb/en ("AKTIVITET", "Åtgärd", "Tiltak", "NÄR?", "Hvornår", "ANSVAR", "Owner").
 */
export type Role = 'title' | 'when' | 'owners' | 'area' | 'frequency';

const KEYWORDS: Record<Role, string[]> = {
  title: ['aktivitet', 'aktiviteter', 'åtgärd', 'åtgärder', 'insats', 'insatser', 'handling', 'handlingar', 'indsats', 'indsatser',
    'tiltag', 'tiltak', 'handlinger', 'action', 'actions', 'activity', 'activities', 'measure', 'measures', 'task', 'tasks',
    'beskrivning', 'beskrivelse', 'description', 'vad', 'hvad', 'hva', 'what', 'aktivitet/åtgärd'],
  when: ['när', 'tidplan', 'tidsplan', 'tidpunkt', 'tid', 'hvornår', 'når', 'when', 'timing', 'deadline', 'datum', 'dato', 'date',
    'tidsram', 'tidsramme', 'tidsperiod', 'tidsperiode', 'period', 'periode', 'schedule', 'due', 'frist', 'senast', 'klart', 'tidsfrist', 'tidspunkt'],
  owners: ['ansvar', 'ansvarig', 'ansvariga', 'ansvarlig', 'ansvarlige', 'ansvarleg', 'vem', 'hvem', 'who', 'owner', 'owners',
    'responsible', 'responsibility', 'huvudansvar', 'hovedansvar'],
  area: ['område', 'områden', 'arbetsområde', 'insatsområde', 'fokusområde', 'indsatsområde', 'innsatsområde', 'målområde', 'tema',
    'area', 'theme', 'innsatsområde', 'satsningsområde'],
  frequency: ['frekvens', 'frequency', 'hur ofta', 'hvor ofte', 'intervall', 'interval', 'periodicitet', 'periodicity'],
};

export interface ColumnMap {
  title: number;
  when?: number;
  owners?: number;
  area?: number;
  frequency?: number;
  /** Header cells we did not recognise (reported, not fatal). */
  ignored: string[];
}

function words(cell: string): string[] {
  const c = cell.toLowerCase().replace(/[?:*.!()]/g, ' ').trim();
  return [c, ...c.split(/[^\p{L}]+/u).filter(Boolean)];
}

export function roleOf(cell: string): Role | undefined {
  const c = cell.trim();
  if (!c || c.length > 40) return undefined;
  const ws = words(c);
  const full = ws[0];
  for (const role of Object.keys(KEYWORDS) as Role[]) if (KEYWORDS[role].includes(full)) return role;
  // "Ansvarig enhet", "Tid för genomförande": the first recognised word decides.
  for (const w of ws.slice(1)) {
    for (const role of Object.keys(KEYWORDS) as Role[]) if (KEYWORDS[role].includes(w)) return role;
  }
  return undefined;
}

/** The whole text is a column word ("Aktiviteter", "Ansvar"): a heading so worded names no area. */
export function isColumnWord(text: string): boolean {
  const [full] = words(text);
  return (Object.keys(KEYWORDS) as Role[]).some((role) => KEYWORDS[role].includes(full));
}

/** The column map if `cells` is a header row: an action column plus a timing or owner column. */
export function recogniseHeader(cells: string[]): ColumnMap | undefined {
  const found: Partial<Record<Role, number>> = {};
  const ignored: string[] = [];
  cells.forEach((cell, i) => {
    const role = roleOf(cell);
    if (role && found[role] === undefined) found[role] = i;
    else if (cell.trim()) ignored.push(cell.trim());
  });
  if (found.title === undefined || (found.when === undefined && found.owners === undefined)) return undefined;
  return { title: found.title, when: found.when, owners: found.owners, area: found.area, frequency: found.frequency, ignored };
}

/** A row that looks like a header (short text cells) but names no action column: "unknown columns". */
export function looksLikeHeader(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((c) => c.length <= 40 && !/^\d/.test(c));
}
