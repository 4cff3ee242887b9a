import { EntityManager } from 'typeorm';
import { OccurrenceStateRepository } from './occurrence-state.repository';
import { ReportRepository } from './report.repository';
import type { RoundRecord } from './reporting-round.repository';
import { ReportingRoundRepository } from './reporting-round.repository';

export type RoundClosing = { status: 'approved'; byPersonId: string; at: string } | { status: 'frozen'; at: string };

/**
 * Ends a round, in the caller's transaction with the round locked: the status reports still
 * missing are cancelled (the report says "not reported"), the round is marked approved or frozen,
 * and the board report is frozen from what the database now holds. The same steps whether the
 * coordinator approves (API) or the grace time runs out (the reporting workflow); the second of
 * two closings finds the round closed and the snapshot written, and changes nothing.
 */
export async function closeRound(db: EntityManager, round: RoundRecord, closing: RoundClosing): Promise<{ frozen: boolean }> {
  if (round.status === 'open') {
    const reason = closing.status === 'approved' ? 'Not reported when the round was approved' : 'Not reported when the round froze';
    await new OccurrenceStateRepository(db).cancelUnresolvedOfRound(round.id, { reason, byPersonId: closing.status === 'approved' ? closing.byPersonId : undefined, at: closing.at });
    await new ReportingRoundRepository(db).close(round.id, closing);
  }
  const frozen = await new ReportRepository(db).freeze({ planId: round.planId, key: round.periodKey, startsAt: round.periodStartsAt, endsAt: round.periodEndsAt, frozenAt: round.frozenAt ?? closing.at });
  return { frozen };
}
