import type { OccurrenceOutcome } from './report-document';

export interface OccurrenceFacts {
  status: string;
  completedOnTime: boolean | null;
  /** ISO instant (UTC). */
  due: string;
}

/** What became of an occurrence, as the board reads it. */
export function outcomeOf(o: Pick<OccurrenceFacts, 'status' | 'completedOnTime'>): OccurrenceOutcome {
  if (o.status === 'completed') return o.completedOnTime ? 'completed-on-time' : 'completed-late';
  if (o.status === 'skipped' || o.status === 'cancelled') return o.status;
  return 'open';
}

/**
 * Late: completed after its due date, or still open after it — judged at the moment the report
 * describes: the end of the period for a frozen report, the moment it was drawn up for a draft of
 * a running period (an occurrence due weeks ahead is not late yet).
 */
export function isLate(o: OccurrenceFacts, report: { periodEnd: string; drawnUpAt: string }): boolean {
  const outcome = outcomeOf(o);
  if (outcome === 'completed-late') return true;
  const asOf = report.drawnUpAt < report.periodEnd ? report.drawnUpAt : report.periodEnd;
  return outcome === 'open' && Date.parse(o.due) < Date.parse(asOf);
}
