/** PDFs written byte by byte for the specs of hostile PDF files: objects 1…n and a true xref. */

/** A PDF whose objects are these (object 1 the catalog), each given as what goes between "obj" and "endobj". */
export function pdfOf(objects: Array<string | Buffer>): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((object, i) => {
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(object) ? object : Buffer.from(object, 'latin1'), Buffer.from('\nendobj\n')]);
    offsets.push(at);
    at += bytes.length;
    parts.push(bytes);
  });
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A stream object: its dictionary's entries (a /Length of the data is added unless given) and data. */
export function stream(entries: string, data: Buffer): Buffer {
  const length = /\/Length\b/.test(entries) ? '' : ` /Length ${data.length}`;
  return Buffer.concat([Buffer.from(`<< ${entries}${length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

/** One page with these contents (object 4 on) and Helvetica as /F1. */
export function onePage(contents: Buffer, extra: Array<string | Buffer> = []): Uint8Array {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    contents,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ...extra,
  ]);
}
