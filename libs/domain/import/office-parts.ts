/**
 * The parts of an Office Open XML package (XLSX, DOCX): where a part's relationships point, and
 * the parts as XML text, all of them together within the decompressed-size limit.
 */
import { tooLarge } from './limits';
import { walkXml } from './xml';
import { OFFICE_FILES, ZipArchive } from './zip';

export interface Relationship {
  id: string;
  type: string;
  /** The target's path in the archive. */
  target: string;
}

/** The relationships of a part (`folder` is the part's folder, which targets are relative to). */
export function relationships(parts: Parts, relsPath: string, folder: string): Relationship[] {
  const found: Relationship[] = [];
  const xml = parts.xml(relsPath);
  if (xml === undefined) return found;
  walkXml(xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Target && a.Type && a.TargetMode !== 'External') {
        found.push({ id: a.Id ?? '', type: a.Type, target: a.Target.startsWith('/') ? a.Target.slice(1) : folder + a.Target });
      }
    },
  }, { format: parts.format });
  return found;
}

/** The package's main part: what `_rels/.rels` names as the office document, else `fallback`. */
export function mainPart(parts: Parts, fallback: string): { path: string; rels: Relationship[] } {
  const path = relationships(parts, '_rels/.rels', '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? fallback;
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  return { path, rels: relationships(parts, `${folder}_rels/${path.slice(folder.length)}.rels`, folder) };
}

/** The parts of the archive as XML text, all of them together within the decompressed-size limit. */
export class Parts {
  private remaining: number;

  constructor(
    private readonly zip: ZipArchive,
    private readonly limit: number,
  ) {
    this.remaining = limit;
  }

  get format() {
    return this.zip.format;
  }

  mustFit(paths: string[]): void {
    const declared = paths.reduce((sum, path) => sum + (this.zip.entries.get(path)?.size ?? 0), 0);
    if (declared > this.remaining) this.refuse(declared + (this.limit - this.remaining));
  }

  xml(path: string): string | undefined {
    const entry = this.zip.entries.get(path);
    if (!entry) return undefined;
    if (entry.size > this.remaining) this.refuse(entry.size + (this.limit - this.remaining));
    this.remaining -= entry.size;
    const bytes = this.zip.read(path)!;
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
    return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
  }

  private refuse(bytes: number): never {
    throw tooLarge(`The ${OFFICE_FILES[this.format].noun} unpacks to ${megabytes(bytes)} MB or more; at most ${megabytes(this.limit)} MB are read`, 'decompressed size');
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
