/**
 * What a PDF import refuses, and why, in messages that end with what to do instead: a PDF that
 * cannot be read is never guessed at.
 */
import { DomainError } from '../errors';

const INSTEAD = 'Export the plan from Word or Excel as .docx or .xlsx and import that file instead';

export function pdfNotReadable(why: string): DomainError {
  return new DomainError('IMPORT_UNSUPPORTED_FORMAT', `Not a readable PDF: ${why}. ${INSTEAD}`, [{ path: 'file', message: why }]);
}

export function pdfNoText(pages: number): DomainError {
  return new DomainError('IMPORT_PDF_NO_TEXT', `The PDF has no text layer (it is a scan or its pages are images), so its plan cannot be read. ${INSTEAD}`, [{ path: 'file', message: `no text on ${pages} page(s)` }]);
}

export function pdfNoTable(why: string): DomainError {
  return new DomainError('IMPORT_PDF_NO_TABLE', `No plan table could be read in the PDF: ${why}. ${INSTEAD}`, [{ path: 'file', message: why }]);
}

/** A caller that gave no PDF reader (the API and the CLI give pdf.js's). */
export function pdfWithoutReader(): DomainError {
  return new DomainError('IMPORT_UNSUPPORTED_FORMAT', `PDF files are not read here (no PDF reader was given). ${INSTEAD}`);
}
