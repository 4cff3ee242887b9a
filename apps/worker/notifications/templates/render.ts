import { actionLinkFor, noticeActions, preferencesLink, webLinkFor } from '../../../../libs/domain/links/web-links';
import { occurrenceWords } from '../../../../libs/domain/reporting/period-words';
import type { NoticeContext } from '../../../../libs/persistence/repositories/mail-outbox.repository';
import { formatInstant, formatLateness, Locale } from './format';
import { COMMON_TEXT, KIND_TEXT, Vars } from './messages';

export interface NoticeForMail {
  kind: string;
  payload: Record<string, unknown>;
  planId: string | null;
  actionId: string | null;
  occurrenceId: string | null;
  /** The occurrence as it stands when the mail is written (owners, area, the ladder so far, the latest note). */
  context?: NoticeContext | null;
}

export interface RenderContext {
  locale: Locale;
  recipientName: string;
  publicUrl: string;
  timezone: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * 'escalation-2' → the escalation text at step 2; everything else by its own kind. A status
 * report's notices (payload.statusReport) have texts of their own: a report is submitted, not done;
 * so have a quota's (payload.quota): a target is reached time by time, not done by a date.
 */
function kindText(kind: string, locale: Locale, variant: 'status-report' | 'quota' | undefined) {
  const match = /^escalation-(\d+)$/.exec(kind);
  const base = match ? 'escalation' : kind;
  const text = (variant && KIND_TEXT[locale][`${variant}:${base}`]) || KIND_TEXT[locale][base];
  return { text, step: match ? Number(match[1]) : undefined };
}

function varsOf(notice: NoticeForMail, ctx: RenderContext, step: number | undefined): Vars {
  const p = notice.payload;
  const str = (k: string) => (typeof p[k] === 'string' && p[k] ? (p[k] as string) : undefined);
  return {
    action: str('actionTitle') ?? '–',
    plan: str('planTitle') ?? '–',
    due: str('dueInstant') ? formatInstant(str('dueInstant') as string, ctx.locale, ctx.timezone) : '–',
    late: formatLateness(Number(p.lateSeconds ?? 0), ctx.locale),
    lateSeconds: Math.max(0, Math.floor(Number(p.lateSeconds ?? 0)) || 0),
    step: step ?? Number(p.step ?? 0) + 1,
    actor: str('actorName'),
    reason: str('reason'),
    note: str('note'),
    onTime: p.onTime === true,
    periodEnds: str('periodEndsAt') ? formatInstant(str('periodEndsAt') as string, ctx.locale, ctx.timezone) : undefined,
    quota: quotaOf(p),
  };
}

function quotaOf(payload: Record<string, unknown>): Vars['quota'] {
  const q = payload.quota as { count?: unknown; target?: unknown } | undefined;
  return q && typeof q.count === 'number' && typeof q.target === 'number' ? { count: q.count, target: q.target } : undefined;
}

/** Subject, lead sentence and the facts (what, which plan and action, how late) of one notice. */
export function noticeParts(notice: NoticeForMail, ctx: RenderContext) {
  const common = COMMON_TEXT[ctx.locale];
  const statusReport = notice.payload.statusReport === true;
  const quota = quotaOf(notice.payload);
  const { text, step } = kindText(notice.kind, ctx.locale, statusReport ? 'status-report' : quota ? 'quota' : undefined);
  const v = varsOf(notice, ctx, step);
  const subject = text ? text.subject(v) : `${common.fallbackKind}: ${v.action}`;
  const lead = text ? text.lead(v) : subject;
  const c = notice.context;
  const facts: Array<[string, string]> = [[common.plan, v.plan]];
  if (c?.area) facts.push([common.area, c.area]);
  facts.push([common.action, v.action]);
  if (c?.owners.length) facts.push([common.owners, c.owners.join(', ')]);
  if (c?.units.length) facts.push([common.units, c.units.join(', ')]);
  const periodKey = notice.payload.periodKey;
  if (typeof periodKey === 'string' && !statusReport) facts.push([common.period, occurrenceWords(periodKey, String(notice.payload.dueInstant ?? ''), ctx.timezone, ctx.locale)]);
  if (notice.payload.dueInstant) facts.push([common.due, v.due]);
  if (v.quota) facts.push([common.done, common.doneOf(v.quota.count, v.quota.target)]);
  else if (Number(notice.payload.lateSeconds ?? 0) > 0) facts.push([common.late, v.late]);
  const before = step !== undefined && c ? hadItBefore(c, step, ctx.locale) : undefined;
  if (before) facts.push([common.before, before]);
  if (c?.latestNote) facts.push([common.latestNote, c.latestNote]);
  const actions: Array<[string, string]> = notice.occurrenceId
    ? noticeActions(notice).map((a) => [common.actionLabels[a], actionLinkFor(notice.occurrenceId as string, a, ctx.publicUrl)])
    : [];
  return { subject, lead, facts, actions, link: webLinkFor(notice, ctx.publicUrl) };
}

/** The actions the reader may take, each a link to its form, then the item itself: lines of text… */
function linksText(actions: Array<[string, string]>, link: string, locale: Locale, indent = ''): string[] {
  const common = COMMON_TEXT[locale];
  if (!actions.length) return [`${indent}${common.open}: ${link}`];
  return [`${indent}${common.whatYouCanDo}`, ...actions.map(([label, url]) => `${indent}- ${label}: ${url}`), `${indent}- ${common.open}: ${link}`];
}

/** … and a short list in HTML. */
function linksHtml(actions: Array<[string, string]>, link: string, locale: Locale): string {
  const common = COMMON_TEXT[locale];
  const open = `<a href="${esc(link)}">${esc(common.open)}</a>`;
  if (!actions.length) return `<p>${open}</p>`;
  return `<p>${esc(common.whatYouCanDo)}</p><ul>${actions.map(([label, url]) => `<li><a href="${esc(url)}">${esc(label)}</a></li>`).join('')}<li>${open}</li></ul>`;
}

/** At escalation step N: the owners, then whoever steps 1 … N−1 reached. */
function hadItBefore(c: NoticeContext, step: number, locale: Locale): string | undefined {
  const common = COMMON_TEXT[locale];
  const owners = c.owners.length ? [`${c.owners.join(', ')} (${common.ownerRole})`] : [];
  const earlier = c.escalations.filter((e) => e.step < step).map((e) => common.stepOf(e.step, e.name));
  const all = [...owners, ...earlier];
  return all.length ? all.join('; ') : undefined;
}

export function renderNotice(notice: NoticeForMail, ctx: RenderContext): RenderedMail {
  const common = COMMON_TEXT[ctx.locale];
  const { subject, lead, facts, actions, link } = noticeParts(notice, ctx);
  const text = [common.hello(ctx.recipientName), '', lead, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', ...linksText(actions, link, ctx.locale), '', footer(ctx)].join('\n');
  const html = page(
    `<p>${esc(common.hello(ctx.recipientName))}</p><p>${esc(lead)}</p>${factsHtml(facts)}${linksHtml(actions, link, ctx.locale)}`,
    ctx,
  );
  return { subject, text, html };
}

export function footer(ctx: RenderContext): string {
  return `-- \n${COMMON_TEXT[ctx.locale].footer}: ${preferencesLink(ctx.publicUrl)}`;
}

export function page(body: string, ctx: RenderContext): string {
  const prefs = preferencesLink(ctx.publicUrl);
  return `<!doctype html><html lang="${ctx.locale}"><body>${body}<hr><p><small>${esc(COMMON_TEXT[ctx.locale].footer)}: <a href="${esc(prefs)}">${esc(prefs)}</a></small></p></body></html>`;
}

function factsHtml(facts: Array<[string, string]>): string {
  return `<table>${facts.map(([k, v]) => `<tr><th align="left">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
