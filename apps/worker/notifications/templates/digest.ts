import { COMMON_TEXT } from './messages';
import { DIGEST_TEXT } from './digest-messages';
import { formatInstant, formatLateness, Locale } from './format';
import { esc, footer, NoticeForMail, noticeParts, page, RenderContext, RenderedMail } from './render';

/** One row of a digest's table, as words. */
interface DigestRow {
  action: string;
  owners: string;
  lateOrDue: string;
  step: string;
  link: string;
  /** The reader's actions on the item, each a label and the link to its form (as single notices have them). */
  actions: Array<[string, string]>;
}

/** Widest a plain-text column gets; the full action title stands in the list of links below the table. */
const MAX_TEXT_COLUMN = 48;

/**
 * The notices of one reader about one plan in one mail (the daily digest, issue 19): a table of
 * action, owners, how late (or the due date), the step, and the reader's action links, in HTML
 * and as aligned plain text. The sender groups the notices; this only writes them.
 */
export function renderDigest(notices: NoticeForMail[], ctx: RenderContext): RenderedMail {
  const common = COMMON_TEXT[ctx.locale];
  const text = DIGEST_TEXT[ctx.locale];
  const plan = planOf(notices);
  const rows = notices.map((n) => digestRow(n, ctx));
  const lead = text.lead(rows.length, plan);
  const plain = [common.hello(ctx.recipientName), '', lead, '', ...textTable(rows, ctx.locale), '', `${text.linksHeading}:`, ...textLinks(rows, ctx.locale), footer(ctx)].join('\n');
  const html = page(`<p>${esc(common.hello(ctx.recipientName))}</p><p>${esc(lead)}</p>${htmlTable(rows, ctx.locale)}`, ctx);
  return { subject: text.subject(rows.length, plan), text: plain, html };
}

/** The plan's title, when all the notices are about one plan (the sender makes them so). */
function planOf(notices: NoticeForMail[]): string | undefined {
  const titles = new Set(notices.map((n) => (typeof n.payload.planTitle === 'string' && n.planId ? n.payload.planTitle : undefined)));
  return titles.size === 1 ? [...titles][0] : undefined;
}

function digestRow(notice: NoticeForMail, ctx: RenderContext): DigestRow {
  const { actions, link } = noticeParts(notice, ctx);
  const p = notice.payload;
  const c = notice.context;
  return {
    action: typeof p.actionTitle === 'string' && p.actionTitle ? p.actionTitle : '–',
    owners: c?.owners.length ? c.owners.join(', ') : c?.units.length ? c.units.join(', ') : '–',
    lateOrDue: lateOrDue(p, ctx),
    step: stepOf(notice.kind, ctx.locale),
    link,
    actions,
  };
}

/** How late, in the largest whole unit (hours under a day); a quota's count; else the due date. */
function lateOrDue(payload: Record<string, unknown>, ctx: RenderContext): string {
  const quota = payload.quota as { count?: unknown; target?: unknown } | undefined;
  if (quota && typeof quota.count === 'number' && typeof quota.target === 'number') return COMMON_TEXT[ctx.locale].doneOf(quota.count, quota.target);
  const late = Number(payload.lateSeconds ?? 0);
  if (late > 0) return formatLateness(late, ctx.locale);
  if (typeof payload.dueInstant === 'string') return DIGEST_TEXT[ctx.locale].dueBy(formatInstant(payload.dueInstant, ctx.locale, ctx.timezone));
  return '–';
}

function stepOf(kind: string, locale: Locale): string {
  const escalation = /^escalation-(\d+)$/.exec(kind);
  if (escalation) return DIGEST_TEXT[locale].escalationStep(Number(escalation[1]));
  return DIGEST_TEXT[locale].kinds[kind] ?? COMMON_TEXT[locale].fallbackKind;
}

/** Columns padded to their widest cell (long cells cut with "…"), numbered for the links below. */
function textTable(rows: DigestRow[], locale: Locale): string[] {
  const c = DIGEST_TEXT[locale].columns;
  const lines = [['#', c.action, c.owners, c.lateOrDue, c.step], ...rows.map((r, i) => [String(i + 1), r.action, r.owners, r.lateOrDue, r.step])].map((cells) =>
    cells.map((cell) => (cell.length > MAX_TEXT_COLUMN ? `${cell.slice(0, MAX_TEXT_COLUMN - 1)}…` : cell)),
  );
  const widths = lines[0].map((_, col) => Math.max(...lines.map((cells) => cells[col].length)));
  const format = (cells: string[]) => cells.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd();
  return [format(lines[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(format)];
}

/** Each row's number, its full action title, then its action links and the item. */
function textLinks(rows: DigestRow[], locale: Locale): string[] {
  const common = COMMON_TEXT[locale];
  return rows.flatMap((r, i) => [`${i + 1}. ${r.action}`, ...r.actions.map(([label, url]) => `   - ${label}: ${url}`), `   - ${common.open}: ${r.link}`, '']);
}

function htmlTable(rows: DigestRow[], locale: Locale): string {
  const c = DIGEST_TEXT[locale].columns;
  const open = COMMON_TEXT[locale].open;
  const head = [c.action, c.owners, c.lateOrDue, c.step, c.links].map((h) => `<th align="left">${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => {
      const links = [...r.actions, [open, r.link] as [string, string]].map(([label, url]) => `<a href="${esc(url)}">${esc(label)}</a>`).join('<br>');
      return `<tr><td><a href="${esc(r.link)}">${esc(r.action)}</a></td><td>${esc(r.owners)}</td><td>${esc(r.lateOrDue)}</td><td>${esc(r.step)}</td><td>${links}</td></tr>`;
    })
    .join('');
  return `<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
