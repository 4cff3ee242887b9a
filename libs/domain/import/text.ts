/**
 * Plan text with tab-separated tables embedded in prose, as PDFs and Word documents are exported
 * (the Övertorneå plan). Lines with tabs are table rows; the last heading-like prose line before a
 * table names its area.
 */
import { Block } from './types';

export function parseText(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split(/\r?\n/);
  let heading: { text: string; row: number } | undefined;
  lines.forEach((line, i) => {
    if (line.includes('\t')) {
      if (heading) blocks.push({ kind: 'heading', text: heading.text, row: heading.row });
      heading = undefined;
      blocks.push({ kind: 'row', cells: line.split('\t'), row: i + 1 });
      return;
    }
    const t = line.trim();
    if (isHeadingLike(t)) heading = { text: t.replace(/^\s*\d+(\.\d+)*\.?\s+/, '').replace(/^#+\s*/, ''), row: i + 1 };
  });
  return blocks;
}

/** Numbered headings ("2. Information och service") or short lines without closing punctuation. */
export function isHeadingLike(line: string): boolean {
  if (!line || /[.:;,!?]$/.test(line)) return false;
  if (/^\d+(\.\d+)*\.?\s+\S/.test(line)) return line.length <= 120;
  return line.length <= 80 && /^\p{Lu}|^#/u.test(line);
}
