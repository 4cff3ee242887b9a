/**
 * The text runs of a PDF with their positions, read by Mozilla's pdf.js (pdfjs-dist, its legacy
 * build for Node). Not in libs/domain: pdf.js loads modules and, given a URL, reads files; here it
 * only ever gets bytes, evaluates no code from the file, loads no fonts and decodes no images.
 *
 * pdf.js is ESM only. `import()` stays a real dynamic import in the CommonJS that tsc emits
 * (module node16); jest compiles pdf.js to CommonJS itself (jest.config.js).
 */
import { DomainError } from '../domain/errors';
import { tooLarge } from '../domain/import/limits';
import type { PdfPage, PdfReadLimits, PdfTextItem } from '../domain/import/pdf';
import { pdfNotReadable } from '../domain/import/pdf-errors';

const importApi = () => import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfJs = Awaited<ReturnType<typeof importApi>>;
type PDFDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PDFPageProxy = Awaited<ReturnType<PDFDocumentProxy['getPage']>>;
type TextItem = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], { str: string }>;

let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js parses in a "worker"; in Node that is a fake one in the same thread, whose code it would
 * import from a path next to its own file. Handing it the module (the documented
 * `globalThis.pdfjsWorker`) keeps the loading to ordinary imports.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const [api, worker] = await Promise.all([importApi(), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return api;
  })();
  return loaded;
}

export async function readPdfText(content: Uint8Array, limits: PdfReadLimits): Promise<PdfPage[]> {
  const { getDocument, VerbosityLevel } = await pdfjs();
  const task = getDocument({
    // pdf.js may take the buffer over (transfer it to a worker): give it a copy of the caller's bytes.
    data: new Uint8Array(content),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
  });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw notReadable(error);
  }
  try {
    if (document.numPages > limits.pages) {
      throw tooLarge(`The PDF has ${document.numPages} pages; a plan is read from at most ${limits.pages}`, 'pages');
    }
    const pages: PdfPage[] = [];
    const spent = { items: 0, characters: 0 };
    for (let n = 1; n <= document.numPages; n++) pages.push(await pageText(await document.getPage(n), limits, spent));
    return pages;
  } catch (error) {
    throw error instanceof DomainError ? error : notReadable(error);
  } finally {
    await document.destroy();
  }
}

async function pageText(page: PDFPageProxy, limits: PdfReadLimits, spent: { items: number; characters: number }): Promise<PdfPage> {
  // The viewport turns PDF space (origin bottom left, maybe rotated or cropped) into the page as read.
  const viewport = page.getViewport({ scale: 1 });
  const items: PdfTextItem[] = [];
  // Read a hundred runs at a time, so that a page of a million runs is refused, not collected.
  // Past a limit the reader is let go, not cancelled: pdf.js fails on a text stream cancelled
  // while it writes to it; destroying the document (readPdfText) stops its work instead.
  const reader = (page.streamTextContent() as ReadableStream<{ items: Array<Partial<TextItem>> }>).getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) itemsOf(chunk.value.items, viewport.transform, limits, spent, items);
  } finally {
    reader.releaseLock();
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, items };
}

/** A chunk's runs as the page shows them, counted against the limits. */
function itemsOf(chunk: Array<Partial<TextItem>>, toPage: number[], limits: PdfReadLimits, spent: { items: number; characters: number }, items: PdfTextItem[]): void {
  for (const item of chunk) {
    if (typeof item.str !== 'string' || !item.str.trim() || !item.transform) continue;
    if (++spent.items > limits.textItems) throw tooLarge(`The PDF holds more than ${limits.textItems.toLocaleString('en')} runs of text`, 'text items');
    spent.characters += item.str.length;
    if (spent.characters > limits.characters) throw tooLarge(`The PDF holds more than ${limits.characters.toLocaleString('en')} characters of text`, 'text');
    const [a, b, c, d, x, y] = multiply(toPage, item.transform);
    // Rotated or vertical text (a stamp, a margin note) is no part of a table's rows.
    if (a <= 0 || Math.abs(b) > 0.01 * a || Math.abs(c) > 0.01 * Math.abs(d)) continue;
    items.push({ text: item.str, x, y, width: item.width ?? 0, size: Math.abs(d) });
  }
}

/** The product of two PDF matrices [a b c d e f], `m` applied after `n`. */
function multiply(m: number[], n: number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** pdf.js's reasons, by the names of its exceptions, in words a coordinator can act on. */
function notReadable(error: unknown): DomainError {
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  if (name === 'PasswordException') return pdfNotReadable('it is protected by a password');
  if (name === 'InvalidPDFException') return pdfNotReadable('its structure is damaged or it is not a PDF');
  return pdfNotReadable(`it could not be read (${message.slice(0, 200)})`);
}
