import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decide } from '../../../libs/domain/occurrence/commands';
import { DomainError } from '../../../libs/domain/errors';
import { periodWords } from '../../../libs/domain/reporting/period-words';
import { requireApprovable, requireOpen, returnedDue, roundProgress } from '../../../libs/domain/reporting/round';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { OccurrenceReadRepository } from '../../../libs/persistence/repositories/occurrence-read.repository';
import { OccurrenceStateRepository } from '../../../libs/persistence/repositories/occurrence-state.repository';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import { ReportingRoundRepository, RoundRecord, StatusReportRecord } from '../../../libs/persistence/repositories/reporting-round.repository';
import { closeRound } from '../../../libs/persistence/repositories/round-closing';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp } from '../engine/follow-up';
import { intents } from '../engine/intents';
import { OccurrencesService } from '../occurrences/occurrences.service';
import { BoardDecisionRequest, ReturnStatusReportRequest, RoundDetailResponse, RoundResponse, RoundSummariesRequest, StatusReportDetailResponse } from './reporting.dto';

/**
 * The coordinator's side of a reporting round (the owners submit through OccurrencesService):
 * progress, sending a report back, summaries, approval — which freezes the board report — and the
 * board's handling afterwards. Each change locks the round, asks libs/domain/reporting whether it
 * may happen, writes in one transaction with its audit line, and tells the plan's reporting
 * workflow what it must follow by an intent.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: FollowUp,
    private readonly occurrences: OccurrencesService,
  ) {}

  async list(planId: string): Promise<RoundResponse[]> {
    const plan = await this.plan(planId);
    const rounds = await this.rounds().ofPlan(planId);
    return Promise.all(rounds.map(async (round) => this.response(round, plan.timezone, await this.rounds().statusReports(round.id))));
  }

  async get(planId: string, periodKey: string): Promise<RoundDetailResponse> {
    const plan = await this.plan(planId);
    const round = await this.round(planId, periodKey);
    const reports = await this.rounds().statusReports(round.id);
    return { ...(await this.response(round, plan.timezone, reports)), statusReports: reports.map(statusReportResponse) };
  }

  /** One status report with the action's tasks of the period beside it: for its owners and the coordinator. */
  async statusReport(occurrenceId: string, person: CurrentPersonInfo): Promise<StatusReportDetailResponse> {
    await this.occurrences.get(occurrenceId); // 404 for an unknown id
    await this.occurrences.requireRelated(occurrenceId, person);
    const report = await this.rounds().statusReport(occurrenceId);
    const round = await this.rounds().ofStatusReport(occurrenceId);
    if (!report || !round) throw new DomainError('NOT_FOUND', 'This occurrence is not a status report');
    const plan = await this.plan(round.planId);
    const tasks = await new OccurrenceReadRepository(this.dataSource.manager).tasksOfActionDue(report.actionId, round.periodStartsAt, round.periodEndsAt);
    return {
      ...statusReportResponse(report),
      planId: round.planId,
      periodKey: round.periodKey,
      periodLabel: periodWords({ startsAt: round.periodStartsAt, endsAt: round.periodEndsAt }, plan.timezone),
      periodStartsAt: round.periodStartsAt,
      periodEndsAt: round.periodEndsAt,
      timezone: plan.timezone,
      roundStatus: round.status,
      occurrences: await Promise.all(tasks.map((t) => this.occurrences.get(t.id))),
    };
  }

  /** Sends a submitted report back to its owners with a note: open again, due anew, reminded again. */
  async returnReport(planId: string, periodKey: string, occurrenceId: string, body: ReturnStatusReportRequest, person: CurrentPersonInfo): Promise<RoundDetailResponse> {
    const workflowId = await this.change(planId, periodKey, person, 'status-report-returned', async (db, round, at) => {
      requireOpen(round);
      const repository = new OccurrenceStateRepository(db);
      const [state] = await repository.lock([occurrenceId]);
      const report = await new ReportingRoundRepository(db).statusReport(occurrenceId);
      if (!state || report?.roundId !== round.id) throw new DomainError('NOT_FOUND', 'No such status report in this round');
      const change = decide(state, { kind: 'return', byPersonId: person.id, note: body.note, dueInstant: returnedDue(round.deadline, at, round) }, at);
      await repository.save({ state: change.state, transition: change.transition! });
      await new ReportingRoundRepository(db).recordReturn(occurrenceId, { note: body.note, byPersonId: person.id, at });
      await this.followUp.write(db, intents.occurrenceChanged(state.workflowId!, change.state));
      return { audit: { occurrenceId, action: report.actionTitle, note: body.note }, workflowId: state.workflowId! };
    });
    void this.followUp.carryOut([workflowId]);
    return this.get(planId, periodKey);
  }

  async saveSummaries(planId: string, periodKey: string, body: RoundSummariesRequest, person: CurrentPersonInfo): Promise<RoundDetailResponse> {
    await this.change(planId, periodKey, person, 'summaries-written', async (db, round, at) => {
      requireOpen(round);
      await new ReportingRoundRepository(db).saveSummaries(round.id, body, { personId: person.id, at });
      return { audit: { overall: body.overall, areas: body.areas?.map((a) => a.area) } };
    });
    return this.get(planId, periodKey);
  }

  /** Approval freezes the board report: what is still missing is marked not reported. */
  async approve(planId: string, periodKey: string, person: CurrentPersonInfo): Promise<RoundDetailResponse> {
    const workflowId = await this.change(planId, periodKey, person, 'approved', async (db, round, at) => {
      requireApprovable(round, at);
      await closeRound(db, round, { status: 'approved', byPersonId: person.id, at });
      const intent = intents.roundClosed(planId, periodKey);
      await this.followUp.write(db, intent);
      return { audit: {}, workflowId: intent.workflowId };
    });
    void this.followUp.carryOut([workflowId]);
    return this.get(planId, periodKey);
  }

  /** After the board meeting: which body handled the frozen report, when, under which paragraph. */
  async recordBoardDecision(planId: string, periodKey: string, body: BoardDecisionRequest, person: CurrentPersonInfo): Promise<RoundDetailResponse> {
    await this.change(planId, periodKey, person, 'board-decision-recorded', async (db, round, at) => {
      if (round.status === 'open') throw new DomainError('INVALID_TRANSITION', 'The board handles a frozen report: approve the round first');
      await new ReportingRoundRepository(db).recordBoardDecision(round.id, { ...body, byPersonId: person.id, at });
      return { audit: { ...body } };
    });
    return this.get(planId, periodKey);
  }

  /** A change to a round: locked, decided and written in one transaction with its audit line. */
  private async change<T extends { audit: Record<string, unknown>; workflowId?: string }>(
    planId: string,
    periodKey: string,
    person: CurrentPersonInfo,
    action: string,
    apply: (db: EntityManager, round: RoundRecord, at: string) => Promise<T>,
  ): Promise<string> {
    await this.plan(planId);
    const at = new Date().toISOString();
    const result = await this.dataSource.transaction(async (db) => {
      const round = await new ReportingRoundRepository(db).lock(planId, periodKey);
      if (!round) throw new DomainError('NOT_FOUND', `No reporting round for ${periodKey}: a round opens before its period ends`);
      const done = await apply(db, round, at);
      await new AuditRepository(db).append({ actorPersonId: person.id, entity: 'reporting-round', entityId: round.id, planId, action, after: { periodKey, ...done.audit } });
      return done;
    });
    return result.workflowId ?? '';
  }

  private async response(round: RoundRecord, timezone: string, reports: StatusReportRecord[]): Promise<RoundResponse> {
    const summaries = await this.rounds().areaSummaries(round.id);
    return {
      planId: round.planId,
      periodKey: round.periodKey,
      periodLabel: periodWords({ startsAt: round.periodStartsAt, endsAt: round.periodEndsAt }, timezone),
      periodStartsAt: round.periodStartsAt,
      periodEndsAt: round.periodEndsAt,
      timezone,
      status: round.status,
      openedAt: round.openedAt,
      deadline: round.deadline,
      freezesAt: round.freezesAt,
      summary: round.summary,
      areaSummaries: [...summaries].map(([area, text]) => ({ area, text })),
      approved: round.approved && { by: round.approved.byName, at: round.approved.at },
      frozenAt: round.frozenAt,
      boardDecision: round.boardDecision,
      progress: roundProgress(reports),
    };
  }

  private async round(planId: string, periodKey: string): Promise<RoundRecord> {
    const round = await this.rounds().ofPeriod(planId, periodKey);
    if (!round) throw new DomainError('NOT_FOUND', `No reporting round for ${periodKey}: a round opens before its period ends`);
    return round;
  }

  private async plan(planId: string) {
    const plan = await new PlanRepository(this.dataSource.manager).find(planId);
    if (!plan) throw new DomainError('NOT_FOUND', 'No such plan');
    return plan;
  }

  private rounds(): ReportingRoundRepository {
    return new ReportingRoundRepository(this.dataSource.manager);
  }
}

function statusReportResponse(r: StatusReportRecord) {
  return {
    occurrenceId: r.occurrenceId,
    actionId: r.actionId,
    actionTitle: r.actionTitle,
    actionKind: r.actionKind,
    area: r.area,
    unit: r.unit,
    owners: r.owners,
    state: r.state,
    due: r.due,
    assessment: r.assessment,
    comment: r.comment,
    links: r.links,
    submittedBy: r.submittedBy,
    submittedOnBehalfOf: r.submittedOnBehalfOf,
    submittedAt: r.submittedAt,
    returned: r.returned,
  };
}
