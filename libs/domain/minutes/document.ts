/**
 * Minutes as they are uploaded — text, Markdown or Word — to their text. Other formats are
 * refused with what to do instead; size and nesting limits are the plan import's.
 */
import { DomainError } from '../errors';
import { decodeText, detectFormat, docxText, IMPORT_LIMITS } from '../import';
import { tooLarge } from '../import/limits';

export interface MinutesDocument {
  filename?: string;
  content: Uint8Array | string;
}

export function minutesText(document: MinutesDocument): string {
  const text = typeof document.content === 'string' ? document.content : bytesToText(document.content, document.filename);
  if (text.length > IMPORT_LIMITS.textCharacters) throw tooLarge(`The minutes hold more than ${IMPORT_LIMITS.textCharacters.toLocaleString('en')} characters`, 'text');
  return text;
}

/** Names minutes are uploaded under besides Word's; any other (.html, .png, …) is refused by name. */
const NAMES = new Set(['txt', 'text', 'md', 'markdown', 'docx', 'docm', 'doc', 'pdf']);

/**
 * The plan import's format detection decides (zip parts, %PDF-, old Word, the name); minutes are
 * running text, so a Word document is read as such and anything but text is refused.
 */
function bytesToText(bytes: Uint8Array, filename: string | undefined): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext !== undefined && !NAMES.has(ext)) throw unsupported(`.${ext} files are not supported: upload the minutes as .docx, .md or .txt, or paste the text`);
  switch (detectFormat({ filename, content: bytes })) {
    case 'docx':
      return docxText(bytes);
    case 'pdf':
      throw unsupported('Minutes are read from Word (.docx), Markdown or text: save the PDF as one of them, or paste its text');
    case 'xlsx':
      throw unsupported('A workbook holds no minutes: upload them as .docx, .md or .txt, or paste the text');
    default:
      return decodeText(bytes);
  }
}

function unsupported(message: string): DomainError {
  return new DomainError('IMPORT_UNSUPPORTED_FORMAT', message, [{ path: 'file', message }]);
}
