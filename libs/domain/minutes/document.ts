/**
 * Minutes as they are uploaded — text, Markdown or Word — to their text. Other formats are
 * refused with what to do instead; size and nesting limits are the plan import's.
 */
import { DomainError } from '../errors';
import { decodeText, docxText, IMPORT_LIMITS } from '../import';
import { tooLarge } from '../import/limits';

export interface MinutesDocument {
  filename?: string;
  content: Uint8Array | string;
}

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);

export function minutesText(document: MinutesDocument): string {
  const text = typeof document.content === 'string' ? document.content : bytesToText(document.content, document.filename);
  if (text.length > IMPORT_LIMITS.textCharacters) throw tooLarge(`The minutes hold more than ${IMPORT_LIMITS.textCharacters.toLocaleString('en')} characters`, 'text');
  return text;
}

function bytesToText(bytes: Uint8Array, filename: string | undefined): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || ext === 'docx') return docxText(bytes);
  if (ext === 'doc' || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) throw unsupported('Old Word (.doc) files are not supported: save the minutes as .docx');
  if (ext === 'pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw unsupported('Minutes are read from Word (.docx), Markdown or text: save the PDF as one of them, or paste its text');
  }
  if (ext !== undefined && !TEXT_EXTENSIONS.has(ext)) throw unsupported(`.${ext} files are not supported: upload the minutes as .docx, .md or .txt, or paste the text`);
  return decodeText(bytes);
}

function unsupported(message: string): DomainError {
  return new DomainError('IMPORT_UNSUPPORTED_FORMAT', message, [{ path: 'file', message }]);
}
