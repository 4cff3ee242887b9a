/**
 * Just enough ZIP to read an XLSX or DOCX safely: the central directory's entries with their
 * declared sizes, and inflation that stops at the declared size. A zip bomb declares small sizes
 * and inflates to gigabytes, or declares gigabytes outright; both are refused before memory is
 * spent. Only stored (0) and deflated (8) entries exist in Office files; ZIP64 does not at the
 * sizes allowed here.
 */
import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the archive: a claim until inflation confirms it. */
  size: number;
  localHeaderOffset: number;
}

/** The Office formats read from a zip, as their messages name them. */
export const OFFICE_FILES = {
  xlsx: { name: 'XLSX workbook', noun: 'workbook' },
  docx: { name: 'Word document (DOCX)', noun: 'document' },
} as const;

export type OfficeFormat = keyof typeof OFFICE_FILES;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH_BYTES = 22 + 0xffff;

export class ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;

  constructor(
    private readonly bytes: Uint8Array,
    maxEntries: number,
    /** What the archive should be, for the messages that refuse it. */
    readonly format: OfficeFormat = 'xlsx',
  ) {
    this.entries = readCentralDirectory(bytes, maxEntries, format);
  }

  /** The entry's bytes; inflation never produces more than its declared size. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const view = dataView(this.bytes);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL_FILE_HEADER) throw notReadable(`no local header for ${name}`, this.format);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw notReadable(`${name} runs past the end of the file`, this.format);
    const data = this.bytes.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw notReadable(`${name} is stored with two different sizes`, this.format);
      return data;
    }
    let inflated: Buffer;
    try {
      // One byte of slack: inflating to more than the declared size must fail, not be cut short.
      inflated = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw notReadable(`${name} inflates to more than the ${entry.size} bytes it declares`, this.format);
      throw notReadable(`${name} cannot be inflated`, this.format);
    }
    if (inflated.length !== entry.size) throw notReadable(`${name} inflates to ${inflated.length} bytes, not the ${entry.size} it declares`, this.format);
    return inflated;
  }
}

function readCentralDirectory(bytes: Uint8Array, maxEntries: number, format: OfficeFormat): Map<string, ZipEntry> {
  const view = dataView(bytes);
  const end = findEndRecord(bytes, view, format);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw notReadable('ZIP64 archives are larger than any plan', format);
  if (count > maxEntries) throw new DomainError('IMPORT_TOO_LARGE', `The ${OFFICE_FILES[format].noun} has ${count} parts; at most ${maxEntries} are read`, [{ path: 'file', message: 'too many zip entries' }]);
  if (directoryOffset + directorySize > end) throw notReadable('the central directory lies outside the file', format);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw notReadable('the central directory is cut short', format);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\//, ''),
    };
    if (entry.method !== 0 && entry.method !== 8) throw notReadable(`${entry.name} uses compression method ${entry.method}`, format);
    if (entries.has(entry.name)) throw notReadable(`${entry.name} appears twice`, format);
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(bytes: Uint8Array, view: DataView, format: OfficeFormat): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH_BYTES); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw notReadable('no end of central directory', format);
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function notReadable(why: string, format: OfficeFormat = 'xlsx'): DomainError {
  return new DomainError('IMPORT_UNSUPPORTED_FORMAT', `Not a readable ${OFFICE_FILES[format].name}: ${why}`, [{ path: 'file', message: why }]);
}
