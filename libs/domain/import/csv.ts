/** CSV in comma, semicolon (Excel's Nordic dialect), tab or pipe form; quoted fields may hold `;` and line breaks. */
import Papa from 'papaparse';
import { Block } from './types';

const DELIMITERS = [';', ',', '\t', '|'];

export function parseCsv(text: string): Block[] {
  const result = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  return result.data.map((cells, i) => ({ kind: 'row', cells: cells.map((c) => c ?? ''), row: i + 1 }));
}

/**
 * The header line decides: it is short and rarely quoted, while action texts are full of commas.
 * Papaparse's own guess (consistency over the first rows) is the fallback.
 */
function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((d) => unquoted.split(d).length - 1);
  const best = Math.max(...counts);
  return best > 0 ? DELIMITERS[counts.indexOf(best)] : '';
}
