import { deflateSync } from 'node:zlib';
import { readPdfText } from '../../pdf-reading';
import { DomainError } from '../errors';
import { parsePlanDocument, PlanImportPreview } from '.';
import { onePage, pdfOf, stream } from './__fixtures__/pdf-bytes';
import { writePdf } from './__fixtures__/pdf-document';

// Hostile PDFs, made with pdfkit or byte by byte: each small, and each refused with a clear code
// (or read, where what it claims costs nothing) without the memory or time it asks for; the
// per-test limit makes a regression fail, not hang.
const QUICKLY = 4_000;

async function outcome(content: Uint8Array): Promise<{ preview?: PlanImportPreview; code?: string; message?: string }> {
  return parsePlanDocument({ filename: 'plan.pdf', content }, { from: '2021-01-01' }, { pdfText: readPdfText }).then(
    (preview) => ({ preview }),
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      return { code: error.code, message: error.message };
    },
  );
}

const plan = () => writePdf([{ heading: 'Företagsservice' }, { table: { columns: [{ title: 'Aktivitet', width: 250 }, { title: 'När', width: 100 }], rows: [['Möte', 'Q1 2021']] } }]);
const refused = (code: string, message: RegExp) => ({ code, message: expect.stringMatching(message) });
/** A page of 17,600 runs of text, "a" in two-point type, each on its own spot (pdf.js leaves out what is off the page). */
const crowded = () => {
  const runs = Array.from({ length: 160 * 110 }, (_, i) => `1 0 0 1 ${20 + (i % 110) * 5} ${20 + Math.floor(i / 110) * 5} Tm (a) Tj`);
  return stream('/Filter /FlateDecode', deflateSync(Buffer.from(`BT /F1 2 Tf\n${runs.join('\n')}\nET`)));
};

describe('PDF within limits', () => {
  beforeAll(async () => {
    await outcome(await plan()); // pdf.js is loaded once, not within a test's time
  });

  it('reads a small plan', async () => {
    const { preview } = await outcome(await plan());
    expect(preview?.areas).toEqual([{ title: 'Företagsservice', actions: [expect.objectContaining({ title: 'Möte', when: 'Q1 2021', row: 2 })] }]);
  });

  it('refuses a file cut short, and one that is no PDF past its first line', async () => {
    const content = await plan();
    expect(await outcome(content.subarray(0, Math.floor(content.length * 0.9)))).toEqual(refused('IMPORT_UNSUPPORTED_FORMAT', /^Not a readable PDF: the file is cut short.*\. Export the plan from Word or Excel/));
    expect(await outcome(new Uint8Array(Buffer.from(`%PDF-1.7\n${'x'.repeat(5000)}\n%%EOF\n`)))).toEqual(refused('IMPORT_UNSUPPORTED_FORMAT', /^Not a readable PDF: its structure is damaged or it is not a PDF/));
  }, QUICKLY);

  it('refuses an encrypted PDF, with or without a password to open it', async () => {
    const locked = await writePdf([{ text: 'Aktivitet' }], { userPassword: 'hemligt' });
    expect(await outcome(locked)).toEqual(refused('IMPORT_UNSUPPORTED_FORMAT', /^Not a readable PDF: it is encrypted \(protected by a password, or against copying or changes\)/));
  }, QUICKLY);

  it('refuses 101 pages before reading them, and reads a page tree that claims a billion as the page it has', async () => {
    const pages = await writePdf(Array.from({ length: 101 }, (_, i) => [{ pageBreak: true } as const, { text: `Sida ${i + 2}` }]).flat().slice(1));
    expect(await outcome(pages)).toEqual(refused('IMPORT_TOO_LARGE', /^The PDF has 101 pages; a plan is read from at most 100$/));
    const claim = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>']);
    expect(await outcome(claim)).toEqual(refused('IMPORT_PDF_NO_TEXT', /no text layer/));
  }, QUICKLY);

  it('refuses a page whose 60 KB of content unpack to 60 MB (a PDF bomb), before pdf.js unpacks it', async () => {
    const bomb = onePage(stream('/Filter /FlateDecode', deflateSync(Buffer.alloc(60 * 1024 * 1024, 0x20))));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await outcome(bomb)).toEqual(refused('IMPORT_TOO_LARGE', /^The PDF unpacks to more than 50 MB$/));
  }, QUICKLY);

  it('refuses a bomb packed twice, and one whose /Length hides it', async () => {
    const twice = onePage(stream('/Filter [/FlateDecode /FlateDecode]', deflateSync(deflateSync(Buffer.alloc(200 * 1024 * 1024, 0x20)))));
    expect(twice.length).toBeLessThan(10_000);
    expect(await outcome(twice)).toEqual(refused('IMPORT_TOO_LARGE', /unpacks to more than 50 MB/));
    const hidden = onePage(stream('/Filter /FlateDecode /Length 10', deflateSync(Buffer.alloc(60 * 1024 * 1024, 0x20))));
    expect(await outcome(hidden)).toEqual(refused('IMPORT_TOO_LARGE', /unpacks to more than 50 MB/));
  }, 2 * QUICKLY);

  it('counts a compression it does not unpack at the most it could unpack to', async () => {
    const lzw = onePage(stream('/Filter /LZWDecode', Buffer.alloc(30_000, 0x80)));
    expect(await outcome(lzw)).toEqual(refused('IMPORT_TOO_LARGE', /unpacks to more than 50 MB/));
    const small = onePage(stream('/Filter /LZWDecode', Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01])));
    expect((await outcome(small)).code).not.toBe('IMPORT_TOO_LARGE');
    const jpeg = onePage(stream('/Filter /DCTDecode', Buffer.alloc(100, 0xff)));
    expect(await outcome(jpeg)).toEqual(refused('IMPORT_UNSUPPORTED_FORMAT', /a stream that is no image is compressed as one \(DCTDecode\)/));
  }, QUICKLY);

  it('stops reading at the limit of text runs (100,000 in all; here 5,000 of a page of 17,600)', async () => {
    const limits = { pages: 100, textItems: 5_000, characters: 1_000_000 };
    const error = await readPdfText(onePage(crowded()), limits).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: 'The PDF holds more than 5,000 runs of text' });
    const characters = await readPdfText(onePage(crowded()), { ...limits, textItems: 100_000, characters: 1_000 }).catch((e: unknown) => e);
    expect(characters).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: 'The PDF holds more than 1,000 characters of text' });
  }, QUICKLY);

  it('refuses objects nested 100,000 deep and a page tree that contains itself', async () => {
    const nested = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /X ${'['.repeat(100_000)} >>`]);
    expect(await outcome(nested)).toEqual(refused('IMPORT_UNSUPPORTED_FORMAT', /^Not a readable PDF: it could not be read/));
    const loop = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
    expect(await outcome(loop)).toEqual(refused('IMPORT_UNSUPPORTED_FORMAT', /^Not a readable PDF: it could not be read \(Pages tree contains circular reference/));
  }, QUICKLY);
});
