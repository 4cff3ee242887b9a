/**
 * A PDF's text runs as lines of segments, page by page. Runs on one baseline make a line; runs on
 * a line closer than about half a character make one segment (what one cell holds on that line:
 * a PDF draws a line of a paragraph as one or a few runs, and each cell's text apart). Running
 * heads and feet at the top and bottom of the pages ("Handlingsplan 2020", "Sida 2 av 4") are
 * dropped, so that a table going on over a page break reads as one; a table's rows at the top
 * of two pages are not taken for them, being at other heights or in other words.
 */
import { recogniseHeader } from './header';
import type { PdfPage, PdfTextItem } from './pdf';

export interface Segment {
  text: string;
  left: number;
  right: number;
}

export interface Line {
  /** 0-based. */
  page: number;
  /** The baseline, in points from the page's top. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  segments: Segment[];
  /** From the baseline of the line above on the same page; Infinity for a page's first line. */
  gapAbove: number;
}

/** Runs whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.4;
/** A gap wider than this share of the font size parts two segments: a space is about a quarter, a column gap far more. */
const SEGMENT_GAP = 0.6;
/** The share of a page's height at its top and at its bottom where running heads and feet are. */
const MARGIN_BAND = 0.1;
/** How many lines at a page's top and at its bottom may be a running head or foot. */
const RUNNING_LINES = 2;
/** Points by which a running head or foot may stand higher or lower on another page. */
const SAME_HEIGHT = 2;
const PAGE_NUMBER = /^(?:(?:sida|side|page|s\.)\s*)?\d{1,4}(?:\s*(?:av|af|of|\/|\()\s*\d{1,4}\)?)?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

export function documentLines(pages: PdfPage[]): Line[] {
  const perPage = pages.map((page, n) => pageLines(page.items, n));
  const furniture = runningLines(pages, perPage);
  return perPage.flatMap((lines) => {
    const kept = lines.filter((line) => !furniture.has(line));
    return kept.map((line, i) => ({ ...line, gapAbove: i === 0 ? Infinity : line.y - kept[i - 1].y }));
  });
}

export const lineText = (line: Line): string => line.segments.map((s) => s.text).join(' ');

function pageLines(items: PdfTextItem[], page: number): Line[] {
  const sorted = items.filter((item) => item.text.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    if (group && item.y - group[0].y <= SAME_LINE * Math.min(item.size, group[0].size)) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => ({
    page,
    y: group[0].y,
    size: Math.max(...group.map((item) => item.size)),
    segments: segments(group.sort((a, b) => a.x - b.x)),
    gapAbove: Infinity,
  }));
}

function segments(items: PdfTextItem[]): Segment[] {
  const found: Segment[] = [];
  let last: PdfTextItem | undefined;
  for (const item of items) {
    const segment = found.at(-1);
    const gap = segment ? item.x - segment.right : Infinity;
    // Text drawn twice a hair apart is how some writers make bold: read it once.
    if (last && item.text === last.text && Math.abs(item.x - last.x) < 0.2 * item.size) continue;
    last = item;
    if (segment && gap <= SEGMENT_GAP * item.size) {
      const space = gap > 0.15 * item.size && !/\s$/.test(segment.text) && !/^\s/.test(item.text);
      segment.text += (space ? ' ' : '') + item.text;
      segment.right = Math.max(segment.right, item.x + item.width);
    } else {
      found.push({ text: item.text, left: item.x, right: item.x + item.width });
    }
  }
  return found.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }));
}

/**
 * A page's first or last lines, in the band at its top or bottom, that another page has at the
 * same height with the same words (digits aside: "Sida 2 av 4"), or that are a page number. A
 * plan table's header line is kept even so: it is read, not furniture.
 */
function runningLines(pages: PdfPage[], perPage: Line[][]): Set<Line> {
  const key = (line: Line) => lineText(line).toLowerCase().replace(/\d+/g, '#');
  const candidates = perPage.map((lines, n) => {
    const { height } = pages[n];
    const outer = lines.length <= 2 * RUNNING_LINES ? lines : [...lines.slice(0, RUNNING_LINES), ...lines.slice(-RUNNING_LINES)];
    return outer.filter((line) => line.y < MARGIN_BAND * height || line.y > (1 - MARGIN_BAND) * height).map((line) => ({ line, key: key(line) }));
  });
  const recurs = (n: number, c: { line: Line; key: string }) =>
    candidates.some((others, m) => m !== n && others.some((o) => o.key === c.key && Math.abs(o.line.y - c.line.y) <= SAME_HEIGHT));
  const header = (line: Line) => recogniseHeader(line.segments.map((s) => s.text)) !== undefined;
  return new Set(
    candidates.flatMap((page, n) => page.filter((c) => (PAGE_NUMBER.test(lineText(c.line)) || recurs(n, c)) && !header(c.line)).map((c) => c.line)),
  );
}
