/**
 * PDFs written with pdfkit for the specs of PDF plan import, laid out as a word processor would
 * print them: headings, paragraphs and tables whose cells wrap their text within the column,
 * with padding and ruled borders, the table going on over page breaks (its header repeated at
 * the top of the next page, or not), and a running foot on every page.
 */
import PDFDocument from 'pdfkit';

const MARGIN = 50;

export interface PdfTable {
  /** Header texts and column widths in points. */
  columns: Array<{ title: string; width: number }>;
  /** Cell texts; "\n" breaks a line within a cell. */
  rows: string[][];
  /** Repeat the header at the top of each page the table goes on to. Default true. */
  repeatHeader?: boolean;
  /** The header's alignment over its column. Default left. */
  headerAlign?: 'left' | 'center';
  /** Points between a cell's border and its text. Default 4. */
  padding?: number;
  borders?: boolean;
  /** Where a cell's text stands in its row. Default top. */
  valign?: 'top' | 'middle';
}

export type PdfBlock =
  | { heading: string; size?: number }
  | { text: string; bold?: boolean }
  | { table: PdfTable }
  | { image: Buffer; width: number }
  | { pageBreak: true };

export interface PdfOptions {
  /** Written at the foot of every page; "{page}" and "{pages}" are filled in. */
  foot?: string;
  userPassword?: string;
}

export function writePdf(blocks: PdfBlock[], options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, userPassword: options.userPassword, info: { CreationDate: new Date('2020-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  for (const block of blocks) {
    if ('heading' in block) pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(block.size ?? 14).text(block.heading, MARGIN).moveDown(0.3);
    else if ('text' in block) pdf.font(block.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).text(block.text, MARGIN).moveDown(0.5);
    else if ('table' in block) table(pdf, block.table);
    else if ('image' in block) pdf.image(block.image, MARGIN, pdf.y, { width: block.width });
    else pdf.addPage();
  }
  if (options.foot) foot(pdf, options.foot);
  pdf.end();
  return done;
}

function table(pdf: PDFKit.PDFDocument, spec: PdfTable): void {
  const padding = spec.padding ?? 4;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const height = (cells: string[], font: string) => {
    pdf.font(font).fontSize(10);
    return Math.max(...cells.map((text, i) => pdf.heightOfString(text, { width: spec.columns[i].width - 2 * padding }))) + 2 * padding;
  };
  const draw = (cells: string[], font: string, align: 'left' | 'center' = 'left') => {
    const h = height(cells, font);
    let x = MARGIN;
    const y = pdf.y;
    cells.forEach((text, i) => {
      const { width } = spec.columns[i];
      if (spec.borders !== false) pdf.lineWidth(0.5).rect(x, y, width, h).stroke();
      pdf.font(font).fontSize(10);
      const inner = width - 2 * padding;
      const below = spec.valign === 'middle' ? (h - 2 * padding - pdf.heightOfString(text, { width: inner })) / 2 : 0;
      pdf.text(text, x + padding, y + padding + below, { width: inner, align });
      x += width;
    });
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  const header = spec.columns.map((c) => c.title);
  const drawHeader = () => draw(header, 'Helvetica-Bold', spec.headerAlign);
  drawHeader();
  for (const row of spec.rows) {
    if (pdf.y + height(row, 'Helvetica') > bottom()) {
      pdf.addPage();
      if (spec.repeatHeader !== false) drawHeader();
    }
    draw(row, 'Helvetica');
  }
  pdf.moveDown(0.5);
}

function foot(pdf: PDFKit.PDFDocument, text: string): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit add a page; lift the margin meanwhile.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const label = text.replace('{page}', String(i + 1)).replace('{pages}', String(range.count));
    pdf.font('Helvetica').fontSize(8).text(label, MARGIN, pdf.page.height - 35, { width: pdf.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}
