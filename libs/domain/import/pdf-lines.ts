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
/** A running head or foot stands further from the page's text than this many times its type. */
const SET_APART = 1.5;
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
 * A page's outermost lines, in the band at its top or bottom and set apart from the rest by a
 * gap, that another page has at the same height in the same words and numbers, but for a page
 * number that counts with the pages ("Sida 2 av 4" on page 2, "Sida 3 av 4" on page 3), or that
 * are a page number. Not a table's rows at the heads of two pages, worded alike ("Åtgärd 12: …",
 * "Åtgärd 35: …"), nor the last line of a cell at the feet of two ("med uppföljning."), which no
 * gap sets apart from the line above. A plan table's header line is read, not furniture.
 */
function runningLines(pages: PdfPage[], perPage: Line[][]): Set<Line> {
  const edges = perPage.map((lines, n) => {
    const { height } = pages[n];
    const top = lines.slice(0, RUNNING_LINES + 1);
    const bottom = lines.slice(-RUNNING_LINES - 1).reverse();
    return [top, bottom].map((edge, i) => ({ edge, band: edge.slice(0, RUNNING_LINES).filter((l) => (i === 0 ? l.y < MARGIN_BAND * height : l.y > (1 - MARGIN_BAND) * height)) }));
  });
  const outer = edges.map((page) => page.flatMap(({ band }) => band.map((line) => ({ line, ...words(line) }))));
  const recurs = (n: number, line: Line) => {
    const { key, numbers } = words(line);
    return outer.some((other, m) => m !== n && other.some((o) => o.key === key && Math.abs(o.line.y - line.y) <= SAME_HEIGHT && o.numbers.every((x, i) => x === numbers[i] || x - numbers[i] === m - n)));
  };
  const running = (n: number, line: Line) => (PAGE_NUMBER.test(lineText(line)) || recurs(n, line)) && !recogniseHeader(line.segments.map((s) => s.text));
  const apart = (a: Line, b: Line | undefined) => !b || Math.abs(b.y - a.y) > SET_APART * Math.max(a.size, b.size);
  const found = new Set<Line>();
  edges.forEach((page, n) => {
    for (const { edge, band } of page) {
      // The most lines from the edge that all recur, with a gap after the last of them.
      let count = 0;
      while (count < band.length && running(n, band[count])) count++;
      while (count > 0 && !apart(edge[count - 1], edge[count])) count--;
      band.slice(0, count).forEach((line) => found.add(line));
    }
  });
  return found;
}

/** A line's words with its numbers taken out, and the numbers. */
function words(line: Line): { key: string; numbers: number[] } {
  const text = lineText(line).toLowerCase();
  return { key: text.replace(/\d+/g, '#'), numbers: (text.match(/\d+/g) ?? []).map(Number) };
}
