import { cellText } from '../import/cells';
import { readBlocks } from '../import';
import type { PlanDocument } from '../import';
import type { ChartRow } from './chart-import';

/**
 * The rows of a table document (CSV, tab-separated text, XLSX: its first sheet) as cell texts, for
 * readChartFile. Shared by the API's document workers and the CLI, so both read a file alike.
 */
export function tableRowsOf(document: PlanDocument): ChartRow[] {
  const [sheet = []] = readBlocks(document).sheets;
  return sheet.flatMap((block) => (block.kind === 'row' ? [{ cells: block.cells.map(cellText), row: block.row }] : []));
}
