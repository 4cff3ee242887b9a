import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { assessmentSpread, isAssessed, spreadMovement, SPREAD_KEYS, type AreaSpread, type SpreadKey } from '../domain/reporting/assessment-spread';
import type { ReportDocument } from './report-document';
import { areaTitle, ReportClock, Texts } from './texts';

/** One colour per assessment; every bar also carries its count and the legend its words. */
export const ASSESSMENT_COLOURS: Record<SpreadKey, string> = {
  completed: '#2e7d32',
  'on-track': '#1565c0',
  'at-risk': '#f9a825',
  deviation: '#c62828',
  'not-started': '#6d4c41',
  none: '#bdbdbd',
};

const WIDTH = 720;
const ROW_HEIGHT = 30;
const LABEL_WIDTH = 210;
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

export interface AssessmentChart {
  /** Standalone SVG (HTML inlines it). */
  svg: string;
  width: number;
  height: number;
  /** The same chart as PNG for PDF and DOCX, rendered at twice the size for print. */
  png(): Buffer;
}

/**
 * The spread of assessments per area as a stacked bar chart, drawn by Apache ECharts on the
 * server (SVG, no browser); from the second assessed report on each area has a second, paler
 * bar for the previous report, so the board sees how it moved. None for reports without a round.
 */
export function assessmentChart(document: ReportDocument, t: Texts, clock: ReportClock): AssessmentChart | undefined {
  if (!isAssessed(document.areas)) return undefined;
  const current = assessmentSpread(document.areas);
  const previous = document.previous?.spread;
  const rows = current.flatMap((spread) => {
    const before = previous?.find((p) => p.area === spread.area);
    const title = areaTitle(spread.area, t);
    return previous ? [{ label: title, spread, faded: false }, { label: `${t.chart.previous}`, spread: before, faded: true }] : [{ label: title, spread, faded: false }];
  });
  const height = 110 + rows.length * ROW_HEIGHT;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT, color: '#111111' },
      title: { text: t.chart.title, subtext: previous ? `${clock.period(document.period)} · ${t.chart.previous}: ${clock.period(document.previous!.period)}` : clock.period(document.period), left: 0, textStyle: { fontSize: 15 }, subtextStyle: { color: '#444444' } },
      legend: { bottom: 0, left: 0, itemWidth: 14, itemGap: 18, textStyle: { fontSize: 11 } },
      // Room for the area titles on the left: ECharts does not measure truncated labels itself.
      grid: { left: LABEL_WIDTH + 16, right: 20, top: 64, bottom: 44 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => ({ value: row.label, textStyle: row.faded ? { color: '#555555', fontStyle: 'italic' } : { fontWeight: 'bold' } })),
        axisLabel: { fontSize: 11, width: LABEL_WIDTH, overflow: 'truncate' },
      },
      series: SPREAD_KEYS.map((key) => ({
        type: 'bar',
        name: t.assessment[key],
        stack: 'actions',
        barWidth: 18,
        itemStyle: { color: ASSESSMENT_COLOURS[key] },
        label: { show: true, fontSize: 10, color: key === 'at-risk' || key === 'none' ? '#111111' : '#ffffff', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
        // A faded bar keeps dark figures: white on a pale colour would not be legible.
        data: rows.map((row) => ({ value: row.spread?.counts[key] ?? 0, ...(row.faded ? { itemStyle: { opacity: 0.45 }, label: { color: '#111111' } } : {}) })),
      })),
    });
    const svg = chart.renderToSVGString();
    return { svg, width: WIDTH, height, png: () => toPng(svg) };
  } finally {
    chart.dispose();
  }
}

function toPng(svg: string): Buffer {
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return Buffer.from(image.render().asPng());
}

export type { AreaSpread };

export interface SpreadRow {
  area: string;
  /** Per assessment (SPREAD_KEYS order): the count and, when there is a previous report, the change since it. */
  cells: Array<{ key: SpreadKey; count: number; change?: number }>;
}

/** The chart's figures as a table: its text alternative in every format. */
export function spreadRows(document: ReportDocument, t: Texts): SpreadRow[] {
  const current = assessmentSpread(document.areas);
  const movement = document.previous ? spreadMovement(current, document.previous.spread) : undefined;
  return current.map((spread, i) => ({
    area: areaTitle(spread.area, t),
    cells: SPREAD_KEYS.map((key) => ({ key, count: spread.counts[key], ...(movement ? { change: movement[i].change[key] } : {}) })),
  }));
}

/** "3 (+1)", "2 (−1)", "4 (±0)": a count and its change since the previous report. */
export function spreadCellText(cell: { count: number; change?: number }): string {
  if (cell.change === undefined) return String(cell.count);
  const change = cell.change > 0 ? `+${cell.change}` : cell.change < 0 ? `−${-cell.change}` : '±0';
  return `${cell.count} (${change})`;
}
