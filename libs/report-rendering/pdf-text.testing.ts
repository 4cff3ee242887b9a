import { inflateSync } from 'node:zlib';

/**
 * A deliberately small PDF text extractor for specs: inflates every content stream and reads the
 * strings of its Tj/TJ operators, decoding WinAnsi; image streams are skipped. One line of output per text operator. Enough
 * for what pdfkit writes with standard fonts; not a general PDF parser.
 */
export function extractPdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /(?<!end)stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    // Images hold no text, and scanning their pixels with the operator pattern takes minutes.
    const dictionary = raw.slice(raw.lastIndexOf(' obj', match.index), match.index);
    if (/\/Subtype\s*\/Image/.test(dictionary)) {
      streams.lastIndex = end + 'endstream'.length;
      continue;
    }
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g)) {
      const body = op[1] ?? op[2];
      const strings = [...body.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)].map((s) =>
        s[1] !== undefined ? Buffer.from(s[1], 'hex') : Buffer.from(s[2].replace(/\\(.)/g, '$1'), 'latin1'),
      );
      lines.push(decodeWinAnsi(Buffer.concat(strings)));
    }
    streams.lastIndex = end + 'endstream'.length;
  }
  return lines;
}

const WIN_ANSI_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWinAnsi(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? WIN_ANSI_80_9F[b - 0x80] : String.fromCharCode(b);
  return out;
}
