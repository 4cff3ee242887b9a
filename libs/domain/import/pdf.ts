/**
 * PDF plans. A PDF holds no table, only runs of text drawn at positions; a reader outside the
 * domain (libs/pdf-reading, with pdf.js) takes those runs out of the file, and ./pdf-layout.ts
 * puts them back into lines, columns and rows. A PDF without text (a scan), or whose table
 * cannot be told apart, is refused with a message that says what to do instead: never a guess.
 */
import { DomainError } from '../errors';
import { buildPlan } from './build-plan';
import { ImportLimits, IMPORT_LIMITS } from './limits';
import { pdfNoTable, pdfNoText, pdfWithoutReader } from './pdf-errors';
import { pdfBlocks } from './pdf-layout';
import { checkPdfStreams } from './pdf-streams';
import { PlanImportOptions, PlanImportPreview } from './types';

/** A run of text as drawn: left edge and baseline in points from the page's top left, font size. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** What a reader may spend; it refuses more with IMPORT_TOO_LARGE (./limits.ts tooLarge). */
export interface PdfReadLimits {
  pages: number;
  textItems: number;
  characters: number;
}

/** Takes the text runs out of a PDF; throws pdfNotReadable for a file it cannot open. */
export type PdfTextReader = (content: Uint8Array, limits: PdfReadLimits) => Promise<PdfPage[]>;

/** The readers that need more than the domain may do (pdf.js touches files and modules). */
export interface DocumentReaders {
  pdfText?: PdfTextReader;
}

export async function parsePdf(content: Uint8Array, options: PlanImportOptions, readers: DocumentReaders, limits: ImportLimits = IMPORT_LIMITS): Promise<PlanImportPreview> {
  if (!readers.pdfText) throw pdfWithoutReader();
  checkPdfStreams(content, limits);
  const pages = await readers.pdfText(content, { pages: limits.pdfPages, textItems: limits.pdfTextItems, characters: limits.textCharacters });
  if (!pages.some((page) => page.items.some((item) => item.text.trim()))) throw pdfNoText(pages.length);
  const { blocks, warnings } = pdfBlocks(pages);
  if (!blocks.some((b) => b.kind === 'row')) {
    throw pdfNoTable('no line names an action column (AKTIVITET, Åtgärd, Insats, Tiltak, Action) beside a timing (NÄR, Tidplan, Hvornår, When) or owner column (ANSVAR, Ansvarig, Ansvarlig, Owner), as a table\'s header would; a table that is an image, or whose columns run together, cannot be read');
  }
  try {
    const preview = buildPlan('pdf', blocks, options);
    return { ...preview, warnings: [...warnings, ...preview.warnings] };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'IMPORT_EMPTY') throw pdfNoTable('a table header was found but no rows under it could be told apart');
    throw error;
  }
}
