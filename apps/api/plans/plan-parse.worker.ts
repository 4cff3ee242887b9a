/**
 * Runs in a worker thread of PlanParser: reads a plan document and applies the coordinator's
 * schedule corrections, or reads the rows of another table (the organisation chart). Domain code,
 * and pdf.js for the text of a PDF (loaded on the first PDF); the thread's heap limit and deadline
 * bound its cost.
 */
import { cellText } from '../../../libs/domain/import/cells';
import { correctSchedules, parsePlanDocument, readBlocks } from '../../../libs/domain/import';
import type { PlanDocument } from '../../../libs/domain/import';
import { readPdfText } from '../../../libs/pdf-reading';
import { serveTasks } from '../common/worker-task';
import type { DocumentTask, TableRows } from './plan-parser';

serveTasks(async (task: DocumentTask) => {
  if ('table' in task) return tableRows(task.table);
  return correctSchedules(await parsePlanDocument(task.document, task.options, { pdfText: readPdfText }), task.corrections, task.options);
});

function tableRows(document: PlanDocument): TableRows {
  const [sheet = []] = readBlocks(document).sheets;
  return sheet.flatMap((block) => (block.kind === 'row' ? [{ cells: block.cells.map(cellText), row: block.row }] : []));
}
