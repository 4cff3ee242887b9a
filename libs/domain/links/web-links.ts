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
