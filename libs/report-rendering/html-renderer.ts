import { assessmentChart, spreadCellText, spreadRows } from './assessment-chart';
import { RenderOptions, ReportAction, ReportArea, ReportDocument, ReportOccurrence, ReportStatusReport } from './report-document';
import { roundFacts, statusReportFacts, textParagraphs } from './report-facts';
import { areaTitle, displayOutcome, quotaWords, ReportClock, sourceWords, Texts, textsFor, TOTAL_KEYS } from './texts';

/**
 * The board report as one self-contained, printable HTML page (no scripts, no external assets,
 * so it can be archived or attached to a KS agenda as it is). Every text that came from users is
 * escaped; status is always written in words, colour only repeats it.
 */
export function renderReportHtml(document: ReportDocument, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'sv';
  const t = textsFor(locale);
  const clock = new ReportClock(document.plan.timezone, locale);
  const periodText = clock.period(document.period);
  const title = `${document.plan.title} – ${t.reportTitle} ${periodText}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(document.plan.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(t.reportTitle)} · ${escapeHtml(t.period)} ${escapeHtml(periodText)}</p>`,
    '<dl class="facts">',
    `<dt>${t.periodRange}</dt><dd>${escapeHtml(clock.periodRange(document.period.startsAt, document.period.endsAt))}</dd>`,
    `<dt>${document.draft ? t.draftAt : t.frozenAt}</dt><dd><time datetime="${escapeHtml(document.frozenAt)}">${escapeHtml(clock.dateTime(document.frozenAt))}</time></dd>`,
    `<dt>${t.timezone}</dt><dd>${escapeHtml(document.plan.timezone)}</dd>`,
    ...roundFactItems(document, t, clock),
    '</dl>',
    ...(document.draft ? [`<p class="draft" role="note">${escapeHtml(t.draftNotice)}</p>`] : []),
    '</header>',
    '<main>',
    summary(document, t),
    chartFigure(document, t, clock),
    ...(document.areas.length === 0 ? [`<p>${t.noActions}</p>`] : document.areas.map((area, i) => areaSection(area, i, t, clock))),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function summary(document: ReportDocument, t: Texts): string {
  const rows = TOTAL_KEYS.map((key) => {
    const value = document.totals[key];
    const warn = (key === 'late' || key === 'escalations') && value > 0 ? ' class="attention"' : '';
    return `<tr${warn}><th scope="row">${t.totals[key]}</th><td>${value}</td></tr>`;
  });
  return [
    '<section aria-labelledby="summary">',
    `<h2 id="summary">${t.summary}</h2>`,
    ...(document.round?.summary ? [`<h3>${t.round.overallSummary}</h3>`, paragraphs(document.round.summary)] : []),
    '<table class="totals">',
    `<thead><tr><th scope="col">${t.column.measure}</th><th scope="col">${t.column.value}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

/** The round's facts (deadline, approval, the board's handling) as the header's definition list. */
function roundFactItems(document: ReportDocument, t: Texts, clock: ReportClock): string[] {
  return roundFacts(document, t, clock).map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`);
}

/** The chart inline (no external asset), with its figures as a table for those who cannot see it. */
function chartFigure(document: ReportDocument, t: Texts, clock: ReportClock): string {
  const chart = assessmentChart(document, t, clock);
  if (!chart) return '';
  const rows = spreadRows(document, t);
  const head = [t.column.area, ...rows[0].cells.map((c) => t.assessment[c.key])].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr><th scope="row">${escapeHtml(row.area)}</th>${row.cells.map((c) => `<td class="number">${escapeHtml(spreadCellText(c))}</td>`).join('')}</tr>`).join('\n');
  const caption = document.previous ? `${t.chart.spreadTable}; ${t.chart.movement.toLowerCase()} (${clock.period(document.previous.period)})` : t.chart.spreadTable;
  return [
    '<section aria-labelledby="chart">',
    `<h2 id="chart">${t.chart.title}</h2>`,
    `<figure class="chart"><div role="img" aria-label="${escapeHtml(t.chart.title)}">${chart.svg}</div>`,
    `<figcaption>${escapeHtml(caption)}</figcaption></figure>`,
    '<table class="spread">',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${body}</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

function areaSection(area: ReportArea, index: number, t: Texts, clock: ReportClock): string {
  const id = `area-${index + 1}`;
  return [
    `<section class="area" aria-labelledby="${id}">`,
    `<h2 id="${id}">${escapeHtml(areaTitle(area.title, t))}</h2>`,
    ...(area.summary ? [`<div class="area-summary"><h3>${t.round.areaSummary}</h3>${paragraphs(area.summary)}</div>`] : []),
    ...area.actions.map((action) => actionArticle(action, t, clock)),
    '</section>',
  ].join('\n');
}

function actionArticle(action: ReportAction, t: Texts, clock: ReportClock): string {
  const facts = [
    action.when ? `<dt>${t.column.when}</dt><dd>${escapeHtml(action.when)}</dd>` : '',
    action.source ? `<dt>${t.column.source}</dt><dd>${escapeHtml(sourceWords(action.source))}</dd>` : '',
    `<dt>${t.column.kind}</dt><dd>${escapeHtml(t.kind[action.kind] ?? action.kind)}</dd>`,
    `<dt>${t.column.status}</dt><dd>${escapeHtml(t.actionStatus[action.status] ?? action.status)}</dd>`,
  ].join('');
  const parts = [`<article class="action">`, `<h3>${escapeHtml(action.title)}</h3>`, `<dl class="facts">${facts}</dl>`];
  if (action.statusReport) parts.push(statusReport(action.statusReport, t, clock));
  if (action.occurrences.length > 0) parts.push(occurrenceTable(action, t, clock));
  else if (action.kind !== 'continuous') parts.push(`<p class="empty">${t.noOccurrences}</p>`);
  if (action.kind === 'continuous' || action.statusLines.length > 0) parts.push(statusLines(action, t, clock));
  parts.push('</article>');
  return parts.join('\n');
}

function occurrenceTable(action: ReportAction, t: Texts, clock: ReportClock): string {
  const c = t.column;
  const head = [c.periodKey, c.due, c.outcome, c.completedAt, c.completedBy, c.escalations, c.comment].map((h) => `<th scope="col">${h}</th>`).join('');
  return [
    '<table class="occurrences">',
    `<caption>${escapeHtml(action.title)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${action.occurrences.map((o) => occurrenceRow(o, t, clock)).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function occurrenceRow(o: ReportOccurrence, t: Texts, clock: ReportClock): string {
  const outcome = displayOutcome(o);
  const moved = o.originalDue && o.originalDue !== o.due ? ` <span class="note">(${t.movedFrom} ${escapeHtml(clock.due(o.originalDue))})</span>` : '';
  const cells = [
    `<th scope="row">${escapeHtml(clock.occurrence(o))}</th>`,
    `<td><time datetime="${escapeHtml(o.due)}">${escapeHtml(clock.due(o.due))}</time>${moved}</td>`,
    // The outcome is a word; the class only adds colour, and "late" also adds a marker word.
    `<td><span class="outcome outcome-${outcome}">${escapeHtml(t.outcome[outcome])}</span>${o.quota ? ` <span class="quota">${escapeHtml(quotaWords(o, t)!)}</span>` : ''}${o.late && outcome !== 'overdue' ? ` <strong class="late-flag">(${t.column.late.toLowerCase()})</strong>` : ''}</td>`,
    `<td>${o.completedAt ? `<time datetime="${escapeHtml(o.completedAt)}">${escapeHtml(clock.dateTime(o.completedAt))}</time>` : t.none}</td>`,
    `<td>${o.completedBy ? escapeHtml(o.completedBy) : t.none}</td>`,
    `<td class="number${o.escalations > 0 ? ' attention' : ''}">${o.escalations}</td>`,
    `<td>${commentCell(o, t)}</td>`,
  ];
  return `<tr${o.late ? ' class="late"' : ''}>${cells.join('')}</tr>`;
}

/** The owners' status report: the assessment in words (colour repeats it), comment, links, who reported. */
function statusReport(report: ReportStatusReport, t: Texts, clock: ReportClock): string {
  const rows = statusReportFacts(report, t, clock)
    .map((f, i) => `<dt>${escapeHtml(f.label)}</dt><dd>${i === 0 ? `<span class="assessment assessment-${report.assessment ?? 'none'}">${escapeHtml(f.value)}</span>` : escapeHtml(f.value)}</dd>`)
    .join('');
  const links = report.links.map((link) => `<li>${linkHtml(link, t)}</li>`).join('');
  return [
    '<div class="status-report">',
    `<dl class="facts">${rows}</dl>`,
    report.comment ? paragraphs(report.comment) : '',
    links ? `<p class="note">${t.round.links}:</p><ul class="links">${links}</ul>` : '',
    '</div>',
  ].join('');
}

/** A user's text with its line breaks kept, escaped. */
function paragraphs(text: string): string {
  return textParagraphs(text)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function linkHtml(url: string, t: Texts): string {
  return isWebUrl(url) ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>` : `${t.evidenceLink}: ${escapeHtml(url)}`;
}

function commentCell(o: ReportOccurrence, t: Texts): string {
  const parts: string[] = [];
  if (o.comment) parts.push(`<p>${escapeHtml(o.comment)}</p>`);
  if (o.skipReason) parts.push(`<p>${t.column.skipReason}: ${escapeHtml(o.skipReason)}</p>`);
  if (o.evidenceUrl) {
    // Only web links become links: a javascript: or data: URL typed by a user stays inert text.
    parts.push(
      isWebUrl(o.evidenceUrl)
        ? `<p><a href="${escapeHtml(o.evidenceUrl)}" rel="noopener noreferrer">${t.evidenceLink}</a> <span class="url">${escapeHtml(o.evidenceUrl)}</span></p>`
        : `<p>${t.evidenceLink}: ${escapeHtml(o.evidenceUrl)}</p>`,
    );
  }
  return parts.length ? parts.join('') : t.none;
}

function statusLines(action: ReportAction, t: Texts, clock: ReportClock): string {
  if (action.statusLines.length === 0) return `<p class="empty">${t.noStatusLines}</p>`;
  const items = action.statusLines.map(
    (s) => `<li><p>${escapeHtml(s.text)}</p><p class="note">${s.by ? `${escapeHtml(s.by)}, ` : ''}<time datetime="${escapeHtml(s.at)}">${escapeHtml(clock.date(s.at))}</time></p></li>`,
  );
  return [`<h4>${t.statusLines}</h4>`, `<ul class="status-lines">`, ...items, '</ul>'].join('\n');
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attributes alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

// Print first: A4, black on white, tables that break between rows, late rows marked by a border
// and a word as well as by colour (readable in grey-scale print and by screen readers).
const STYLE = `
@page { size: A4; margin: 18mm 15mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.draft { border: 2px solid #8a5a00; background: #fff4e0; padding: .6rem .8rem; font-weight: 600; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; margin-top: 2rem; break-after: avoid; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; break-after: avoid; }
h4 { font-size: 1rem; margin: .6rem 0 .2rem; }
.subtitle { font-size: 1.1rem; margin-top: 0; }
dl.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; margin: .2rem 0 .6rem; }
dl.facts dt { font-weight: 600; }
dl.facts dt::after { content: ":"; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
caption { text-align: left; position: absolute; left: -9999px; }
th, td { border: 1px solid #999; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
table.totals { width: auto; min-width: 24rem; }
td.number, table.totals td { text-align: right; }
td p { margin: 0 0 .2rem; }
tr { break-inside: avoid; }
tr.late { border-left: 4px solid #b00020; }
tr.late th { font-weight: 700; }
.attention { font-weight: 700; }
.outcome { font-weight: 600; }
.outcome-on-time { color: #1b5e20; }
.outcome-done-late, .outcome-overdue, .late-flag { color: #b00020; }
.outcome-skipped, .outcome-cancelled, .note, .empty { color: #555; }
.url { color: #555; font-size: .85em; word-break: break-all; }
.status-report { border-left: 3px solid #999; padding: .2rem .7rem; margin: .3rem 0 .6rem; }
.status-report p { margin: .2rem 0; }
.assessment { font-weight: 700; padding: 0 .35rem; border-radius: 3px; border: 1px solid currentColor; }
.assessment-completed { color: #1b5e20; }
.assessment-on-track { color: #0d47a1; }
.assessment-at-risk { color: #7a5200; }
.assessment-deviation { color: #b00020; }
.assessment-not-started { color: #4e342e; }
.assessment-none { color: #555; }
.area-summary { background: #f5f5f5; padding: .2rem .8rem; margin: .5rem 0 1rem; }
figure.chart { margin: .5rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9rem; }
table.spread caption { position: absolute; left: -9999px; }
ul.links { margin: 0 0 .3rem; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;
