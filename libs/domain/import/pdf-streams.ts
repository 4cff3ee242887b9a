/**
 * What a PDF unpacks to, checked before pdf.js opens it. A PDF keeps its pages' text, fonts and
 * objects in compressed streams, and pdf.js unpacks each whole into buffers that no heap limit
 * of a worker thread bounds: a 1 MB upload can unpack to gigabytes (a PDF bomb, as a zip bomb is
 * for XLSX and DOCX). So every stream is unpacked here first, by zlib and never past what is left
 * of IMPORT_LIMITS.decompressedBytes; a compression zlib does not unpack is counted at the most
 * it could unpack to. An encrypted PDF's streams cannot be unpacked without decrypting it, so it
 * is refused, as is a file cut short.
 *
 * The scan reads the file's bytes as pdf.js finds streams ("stream" after a dictionary, data up
 * to its /Length or else to "endstream"); every search starts where the last stream ended, so
 * the scan is linear in the file's size.
 */
import { constants, inflateRawSync } from 'node:zlib';
import { ImportLimits, tooLarge } from './limits';
import { pdfNotReadable } from './pdf-errors';

const FLATE = new Set(['FlateDecode', 'Fl']);
/** The most one byte can become: deflate's limit, LZW's (a 12-bit code for up to 4,096 bytes), run length's. */
const WORST_RATIO: Record<string, number> = { FlateDecode: 1032, Fl: 1032, LZWDecode: 2731, LZW: 2731, RunLengthDecode: 64, RL: 64 };
/** Filters that never make data larger. */
const SHRINKING = new Set(['ASCIIHexDecode', 'AHx', 'ASCII85Decode', 'A85']);
/** Image codecs: pdf.js decodes them only to draw a picture, never to read text. */
const IMAGE_CODECS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF']);

/** Adobe's readers look for the end marker within the last kilobyte: a file without it is cut short. */
const END_SEARCH_BYTES = 1024;
/** How far before "stream" its dictionary may begin. */
const DICTIONARY_BYTES = 64 * 1024;

export function checkPdfStreams(bytes: Uint8Array, limits: ImportLimits): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.slice(-END_SEARCH_BYTES).includes('%%EOF')) throw pdfNotReadable('the file is cut short (it does not end with %%EOF)');
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(text)) throw pdfNotReadable('it is encrypted (protected by a password, or against copying or changes)');
  const lengths = indirectNumbers(text);
  const budget = { left: limits.decompressedBytes, limit: limits.decompressedBytes };
  const streams = /(?<!end)stream(?:\r\n|\n|\r)/g;
  let previous = 0;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    const window = text.slice(Math.max(previous, match.index - DICTIONARY_BYTES), match.index);
    const dictionary = window.slice(Math.max(0, window.lastIndexOf('obj')));
    const end = streamEnd(text, declaredLength(dictionary, lengths), start);
    spend(budget, unpackedSize(bytes.subarray(start, end), dictionary, budget));
    previous = streams.lastIndex = end;
  }
}

function spend(budget: { left: number; limit: number }, size: number): void {
  budget.left -= size;
  if (budget.left < 0) throw tooLarge(`The PDF unpacks to more than ${budget.limit / (1024 * 1024)} MB`, 'decompressed bytes');
}

/** Where a stream's data ends: at its /Length if "endstream" follows there, else at "endstream" (as pdf.js does). */
function streamEnd(text: string, length: number | undefined, start: number): number {
  if (length !== undefined && /^\s*endstream/.test(text.slice(start + length, start + length + 12))) return start + length;
  const end = text.indexOf('endstream', start);
  return end < 0 ? text.length : end;
}

/** Objects that are a bare number ("12 0 obj 4711 endobj"), which a /Length may refer to. */
function indirectNumbers(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of text.matchAll(/(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj/g)) found.set(`${m[1]} ${m[2]}`, Number(m[3]));
  return found;
}

function declaredLength(dictionary: string, lengths: Map<string, number>): number | undefined {
  const m = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dictionary);
  if (!m) return undefined;
  return m[2] === undefined ? Number(m[1]) : lengths.get(`${m[1]} ${m[2]}`);
}

/** What one stream unpacks to, through its filters in order. */
function unpackedSize(data: Uint8Array, dictionary: string, budget: { left: number; limit: number }): number {
  let size = data.length;
  let current: Uint8Array | undefined = data;
  for (const filter of filters(dictionary)) {
    if (SHRINKING.has(filter)) {
      current = undefined; // no larger, but no longer bytes zlib could read
    } else if (IMAGE_CODECS.has(filter)) {
      // An image says so, or has a width and height (a page's thumbnail need not say so).
      const image = /\/Subtype\s*\/Image\b/.test(dictionary) || (/\/Width\b/.test(dictionary) && /\/Height\b/.test(dictionary));
      if (!image) throw pdfNotReadable(`a stream that is no image is compressed as one (${filter})`);
      return size;
    } else if (FLATE.has(filter) && current) {
      current = inflate(current, budget);
      size = current.length;
    } else if (WORST_RATIO[filter] !== undefined) {
      size *= WORST_RATIO[filter];
      current = undefined;
    } else {
      throw pdfNotReadable(`a stream uses the unknown compression ${filter}`);
    }
  }
  return size;
}

function filters(dictionary: string): string[] {
  const value = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dictionary)?.[1] ?? '';
  return [...value.matchAll(/\/([^\s/[\]<>()]+)/g)].map((m) => m[1]);
}

/**
 * Deflate data as pdf.js reads it: past its two-byte zlib header, without checking the sum at
 * its end, and as far as it goes if cut short; never to more than is left to spend.
 */
function inflate(data: Uint8Array, budget: { left: number; limit: number }): Uint8Array {
  try {
    return inflateRawSync(data.subarray(2), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget.left + 1) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') spend(budget, budget.left + 1);
    throw pdfNotReadable('a compressed stream in it is damaged');
  }
}
