/**
 * Where the web app shows an item. Mail, calendar feeds and the in-app list all link here; the web
 * app resolves these stable paths to its own screens, so a link in an old mail keeps working when
 * a screen is renamed.
 */
export function webLinkFor(item: { occurrenceId?: string | null; actionId?: string | null; planId?: string | null }, publicUrl: string): string {
  if (item.occurrenceId) return `${publicUrl}/occurrences/${item.occurrenceId}`;
  if (item.actionId) return `${publicUrl}/actions/${item.actionId}`;
  if (item.planId) return `${publicUrl}/plans/${item.planId}`;
  return `${publicUrl}/`;
}

/** The page where a person chooses which notices reach them by mail (the footer of every mail, List-Unsubscribe). */
export function preferencesLink(publicUrl: string): string {
  return `${publicUrl}/aviseringar`;
}

/**
 * The one-click unsubscribe URL of a reader's mail (RFC 8058: List-Unsubscribe with
 * List-Unsubscribe-Post). A POST to it turns that reader's notice mail down without a login; the
 * token is theirs alone (UnsubscribeTokenRepository). It is an API path, not a page: mail
 * clients POST to it themselves.
 */
export function unsubscribeLink(publicUrl: string, token: string): string {
  return `${publicUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * What a reader may do about an occurrence straight from a notice, and the stable query value that
 * says so (`/occurrences/:id?gora=klarmarkera`). The value is part of every mail ever sent: never
 * rename one. `as` says in whose role: an owner acts on "Mina uppgifter", a unit head or the
 * kommunchef in the escalation inbox.
 */
export const OCCURRENCE_ACTIONS = {
  complete: { param: 'klarmarkera', as: 'owner' },
  requestNewDate: { param: 'be-om-nytt-datum', as: 'owner' },
  logTime: { param: 'logga-tid', as: 'owner' },
  acknowledge: { param: 'kvittera', as: 'escalation' },
  setNewDate: { param: 'nytt-datum', as: 'escalation' },
  reassign: { param: 'ge-till-annan', as: 'escalation' },
} as const;

export type OccurrenceAction = keyof typeof OCCURRENCE_ACTIONS;

/** The query parameter naming the action ("gora": what to do). */
export const ACTION_PARAM = 'gora';

export function actionLinkFor(occurrenceId: string, action: OccurrenceAction, publicUrl: string): string {
  return `${webLinkFor({ occurrenceId }, publicUrl)}?${ACTION_PARAM}=${OCCURRENCE_ACTIONS[action].param}`;
}

/** The action a link's query value names, or null for none or one this version does not know. */
export function occurrenceActionOf(param: string | null | undefined): OccurrenceAction | null {
  const found = (Object.keys(OCCURRENCE_ACTIONS) as OccurrenceAction[]).find((a) => OCCURRENCE_ACTIONS[a].param === param);
  return found ?? null;
}

/**
 * The actions a notice offers its reader, by its kind (the outbox row's `kind`) and payload.
 * Reminders, overdue notices and repeats reach the owners: done or a new date asked for, a time
 * logged for a quota. Escalation steps reach a unit head or the kommunchef: acknowledged, a new
 * date set (not for a quota, caught up time by time, nor a status report, due with its round),
 * reassigned. Status-report notices lead to the report's own page, which is its form; receipts
 * (completed, postponed) and anything else only open the item.
 */
export function noticeActions(notice: { kind: string; payload?: Record<string, unknown> | null; occurrenceId?: string | null }): OccurrenceAction[] {
  if (!notice.occurrenceId) return [];
  const payload = notice.payload ?? {};
  const statusReport = payload.statusReport === true;
  const quota = typeof payload.quota === 'object' && payload.quota !== null;
  if (/^escalation-\d+$/.test(notice.kind)) {
    return statusReport || quota ? ['acknowledge', 'reassign'] : ['acknowledge', 'setNewDate', 'reassign'];
  }
  if (['reminder', 'overdue', 'repeat'].includes(notice.kind) && !statusReport) {
    return quota ? ['logTime'] : ['complete', 'requestNewDate'];
  }
  return [];
}
