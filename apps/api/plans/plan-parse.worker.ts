/**
 * Runs in a worker thread of PlanParser: reads a plan document and applies the coordinator's
 * schedule corrections, reads the rows of another table (the organisation chart), or reads minutes. Domain code,
 * and pdf.js for the text of a PDF (loaded on the first PDF); the thread's heap limit and deadline
 * bound its cost.
 */
import { correctSchedules, parsePlanDocument } from '../../../libs/domain/import';
import { tableRowsOf } from '../../../libs/domain/organisation/chart-table';
import { minutesText, readMinutes } from '../../../libs/domain/minutes';
import { readPdfText } from '../../../libs/pdf-reading';
import { createHash } from 'node:crypto';
import { serveTasks } from '../common/worker-task';
import type { DocumentTask, MinutesRead, MinutesReadInput } from './plan-parser';

serveTasks(async (task: DocumentTask) => {
  if ('table' in task) return tableRowsOf(task.table);
  if ('minutes' in task) return minutes(task);
  return correctSchedules(await parsePlanDocument(task.document, task.options, { pdfText: readPdfText }), task.corrections, task.options);
});

function minutes({ minutes, options }: MinutesReadInput): MinutesRead {
  const text = minutesText(minutes);
  // Line ends and trailing blanks differ between a paste and the file: the digest ignores them.
  const normalised = text.replace(/[ \t]+$/gm, '').replace(/\r\n?/g, '\n').trim();
  return { reading: readMinutes(text, options), textSha256: createHash('sha256').update(normalised).digest('hex') };
}
