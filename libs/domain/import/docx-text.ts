/**
 * The running text of a Word document, one line per paragraph (a table's cells one after the
 * other): what minutes are written as, where the plan reader (./docx.ts) wants only the tables.
 * Read within the import limits, by the same zip and XML readers.
 */
import { IMPORT_LIMITS, ImportLimits, tooLarge } from './limits';
import { mainPart, Parts } from './office-parts';
import { walkXml } from './xml';
import { notReadable, ZipArchive } from './zip';

/** Not read: deleted text, a text box's own paragraphs, and the fallback copy of a drawing's content. */
const SKIPPED = new Set(['del', 'moveFrom', 'txbxContent', 'Fallback']);

export function docxText(content: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): string {
  const parts = new Parts(new ZipArchive(content, limits.zipEntries, 'docx'), limits.decompressedBytes);
  const { path } = mainPart(parts, 'word/document.xml');
  parts.mustFit([path]);
  const xml = parts.xml(path);
  if (xml === undefined) throw notReadable('it has no document part', 'docx');
  const lines: string[] = [];
  let characters = 0;
  let pieces: string[] | undefined;
  let skipped = 0;
  let inText = false;
  const add = (text: string) => {
    if (!pieces) return;
    characters += text.length;
    if (characters > limits.textCharacters) throw tooLarge(`The document holds more than ${limits.textCharacters.toLocaleString('en')} characters`, 'text');
    pieces.push(text);
  };
  walkXml(xml, {
    open(name, _attributes, ancestors) {
      if (skipped > 0 || SKIPPED.has(name)) {
        skipped++;
        return;
      }
      const inRun = ancestors[ancestors.length - 1] === 'r';
      if (name === 'p') pieces = [];
      else if (name === 't') inText = inRun;
      else if (inRun && name === 'tab') add('\t');
      else if (inRun && (name === 'br' || name === 'cr')) add('\n');
      else if (inRun && name === 'noBreakHyphen') add('-');
    },
    text(text) {
      if (inText && skipped === 0) add(text);
    },
    close(name) {
      if (skipped > 0) {
        skipped--;
        return;
      }
      if (name === 't') inText = false;
      if (name === 'p' && pieces) {
        lines.push(pieces.join(''));
        pieces = undefined;
      }
    },
  }, { format: 'docx' });
  return lines.join('\n');
}
