import { Inject, Injectable } from '@nestjs/common';
import { IANAZone } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { actionGlance } from '../../../libs/domain/action/glance';
import { DomainError } from '../../../libs/domain/errors';
import type { NoticePolicy } from '../../../libs/domain/escalation/policy';
import { changesArchive, PlanChange } from '../../../libs/domain/plan/lifecycle';
import { revisionsForPlanChange } from '../../../libs/domain/plan/revision';
import { periodFromKey, reportingPeriodAt, ReportingCadence } from '../../../libs/domain/reporting/periods';
import { periodWords } from '../../../libs/domain/reporting/period-words';
import type { ReportDocument } from '../../../libs/domain/reporting/report-document';
import { ActionRepository } from '../../../libs/persistence/repositories/action.repository';
import { AreaRepository } from '../../../libs/persistence/repositories/area.repository';
import { AuditRepository, AuditRow } from '../../../libs/persistence/repositories/audit.repository';
import type { NewIntent } from '../../../libs/persistence/repositories/intent.repository';
import { OccurrenceReadRepository } from '../../../libs/persistence/repositories/occurrence-read.repository';
import { OccurrenceStateRepository } from '../../../libs/persistence/repositories/occurrence-state.repository';
import { PlanRepository, PlanRow } from '../../../libs/persistence/repositories/plan.repository';
import { ReportingRoundRepository } from '../../../libs/persistence/repositories/reporting-round.repository';
import { ReportRepository } from '../../../libs/persistence/repositories/report.repository';
import { defaultPolicyFor } from '../../../workflows/contracts/policy';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp } from '../engine/follow-up';
import { intents } from '../engine/intents';
import type { IdempotencyClaim } from '../idempotency/idempotency.service';
import { policyOf } from './action-input';
import { lockOpenPlan } from './open-plan';
import { ActionRow, describe } from './action-view';
import type { UpdatePlanRequest } from './plan-changes.dto';
import { CreatePlanRequest, PlanDetailResponse, PlanReportsResponse, PlanResponse } from './plans.dto';

type Plan = Omit<PlanResponse, 'followUp'>;

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: FollowUp,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  /** The plan and, as an intent in the same transaction, the start of its reporting workflow. */
  async create(body: CreatePlanRequest, actor: CurrentPersonInfo, claim?: IdempotencyClaim): Promise<PlanResponse> {
    const timezone = validTimezone(body.timezone ?? 'Europe/Stockholm');
    const policy = policyOf(body.policy, defaultPolicyFor(this.config.calendar));
    const plan = await this.dataSource.transaction(async (db) => {
      await claim?.take(db);
      const created = await new PlanRepository(db).create({
        title: body.title,
        startDate: body.startDate,
        timezone,
        reportingCadence: body.reportingCadence ?? 'half-yearly',
        policy,
        createdBy: actor.id,
      });
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'plan', entityId: created.id, planId: created.id, action: 'created', after: created });
      await this.followUp.write(db, intents.startPlanReporting(created.id));
      await claim?.committed(db, { ...created, followUp: 'pending' });
      return created;
    });
    await this.followUp.carryOut([intents.startPlanReporting(plan.id).workflowId]);
    return this.withFollowUp(plan);
  }

  /**
   * A new title, start, timezone, cadence or default policy. What follows from it for the running
   * follow-up (schedules in words read again from the new start, the new timezone, the new default
   * policy for actions without their own, the reporting cadence) is written as intents with it.
   */
  async update(id: string, body: UpdatePlanRequest, actor: CurrentPersonInfo): Promise<PlanResponse> {
    const fallback = defaultPolicyFor(this.config.calendar);
    const { plan, commands } = await this.dataSource.transaction(async (db) => {
      const plans = new PlanRepository(db);
      const before = await lockOpenPlan(plans, id);
      const after = await plans.update(id, {
        title: body.title ?? before.title,
        startDate: body.startDate ?? before.startDate,
        timezone: body.timezone !== undefined ? validTimezone(body.timezone) : before.timezone,
        reportingCadence: body.reportingCadence ?? before.reportingCadence,
        policy: body.policy ? policyOf(body.policy, fallback) : before.policy,
      });
      const commands = await this.reviseFollowUp(db, before, after, fallback);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'plan', entityId: id, planId: id, action: 'updated', before, after });
      return { plan: after, commands };
    });
    await this.followUp.carryOut(commands.map((c) => c.workflowId));
    return this.withFollowUp(plan);
  }

  /** The revisions a plan change makes to its actions and its reporting, written as intents. */
  private async reviseFollowUp(db: EntityManager, before: PlanRow, after: PlanRow, fallback: NoticePolicy): Promise<NewIntent[]> {
    const actions = new ActionRepository(db);
    const basis = (p: PlanRow) => ({ startDate: p.startDate, timezone: p.timezone, policy: p.policy as NoticePolicy | null });
    const outcome = revisionsForPlanChange(basis(before), basis(after), await actions.revisableOf(after.id), fallback);
    if (outcome.unreadable.length) {
      throw new DomainError(
        'SCHEDULE_UNREADABLE',
        'From the new start some schedules can no longer be read; change them first',
        outcome.unreadable.map((u) => ({ path: `actions.${u.actionId}`, message: `${u.title}: ${u.warnings.map((w) => w.message).join('; ')}` })),
      );
    }
    const at = new Date().toISOString();
    const commands: NewIntent[] = [];
    for (const { actionId, schedule, timezone, policy } of outcome.revisions) {
      if (schedule) await actions.setSchedule(actionId, schedule);
      if (policy) await new OccurrenceStateRepository(db).rearmOpenOf(actionId, at);
      commands.push(intents.reviseAction(actionId, { ...(schedule && { schedule }), ...(timezone && { timezone }), ...(policy && { policy }), at }));
    }
    if (before.reportingCadence !== after.reportingCadence || before.timezone !== after.timezone) {
      commands.push(intents.revisePlanReporting(after.id, { cadence: after.reportingCadence === 'quarterly' ? 'quarterly' : 'half-yearly', timezone: after.timezone }));
    }
    for (const command of commands) await this.followUp.write(db, command);
    return commands;
  }

  /**
   * Archive: nothing of the plan is followed up any more (its actions' workflows are paused; the
   * engine also reads the plan's state before anything opens or is sent), and nothing in it
   * changes. Restore: the actions that were running run again; those paused on their own stay so.
   */
  archive(id: string, reason: string, actor: CurrentPersonInfo): Promise<PlanResponse> {
    return this.changeArchive(id, 'archive', actor, reason);
  }

  restore(id: string, reason: string | undefined, actor: CurrentPersonInfo): Promise<PlanResponse> {
    return this.changeArchive(id, 'restore', actor, reason);
  }

  private async changeArchive(id: string, change: PlanChange, actor: CurrentPersonInfo, reason?: string): Promise<PlanResponse> {
    const { plan, commands } = await this.dataSource.transaction(async (db) => {
      const plans = new PlanRepository(db);
      const before = await plans.lock(id);
      if (!before) throw new DomainError('NOT_FOUND', 'No such plan');
      if (!changesArchive(before, change)) return { plan: before, commands: [] }; // already so
      const after = await plans.setArchived(id, change === 'archive' ? { at: new Date().toISOString(), reason: reason ?? '' } : null);
      const running = await new ActionRepository(db).idsOf(id, ['starting', 'active']);
      const commands = running.map((actionId) => (change === 'archive' ? intents.pauseAction(actionId) : intents.resumeAction(actionId)));
      for (const command of commands) await this.followUp.write(db, command);
      await new AuditRepository(db).append({
        actorPersonId: actor.id,
        entity: 'plan',
        entityId: id,
        planId: id,
        action: change === 'archive' ? 'archived' : 'restored',
        before: { title: before.title, archivedAt: before.archivedAt },
        after: { title: after.title, archivedAt: after.archivedAt, reason, actions: running.length },
      });
      return { plan: after, commands };
    });
    await this.followUp.carryOut(commands.map((c) => c.workflowId));
    return this.withFollowUp(plan);
  }

  async list(): Promise<PlanResponse[]> {
    const plans = await new PlanRepository(this.dataSource.manager).list();
    const followUp = await this.followUp.of(plans.map((p) => p.id));
    return plans.map((p) => ({ ...p, followUp: followUp(p.id) }));
  }

  async get(id: string): Promise<PlanDetailResponse> {
    const plan = await this.plan(id);
    const areas = await new AreaRepository(this.dataSource.manager).list(id);
    const actions = await new ActionRepository(this.dataSource.manager).viewsOfPlan(id);
    const occurrences = await new OccurrenceReadRepository(this.dataSource.manager).summaryOfPlan(id);
    const assessments = await new ReportingRoundRepository(this.dataSource.manager).latestAssessments(id);
    const latestAssessment = (actionId: string) => {
      const latest = assessments.get(actionId);
      if (!latest) return null;
      const periodLabel = periodWords({ startsAt: latest.periodStartsAt, endsAt: latest.periodEndsAt }, plan.timezone);
      return { assessment: latest.assessment, periodKey: latest.periodKey, periodLabel, periodStartsAt: latest.periodStartsAt, periodEndsAt: latest.periodEndsAt };
    };
    const followUp = await this.followUp.of([id, ...actions.map((a) => a.id)]);
    const now = Date.now();
    const withFollowUp = (row: ActionRow) => {
      const action = describe(row, followUp(row.id));
      const openOccurrences = occurrences.open.get(row.id) ?? [];
      const completedCount = occurrences.completed.get(row.id) ?? 0;
      const state = actionGlance({ scheduleKind: row.schedule.kind, openOccurrences, completedCount, nextDue: action.nextDue }, now);
      return { ...action, openOccurrences, completedCount, state, latestAssessment: latestAssessment(row.id) };
    };
    const grouped = areas.map((area) => ({ id: area.id, title: area.title, actions: actions.filter((a) => a.area === area.title).map(withFollowUp) }));
    const loose = actions.filter((a) => a.area === null).map(withFollowUp);
    return { ...plan, followUp: followUp(id), areas: loose.length ? [...grouped, { id: null, title: '', actions: loose }] : grouped };
  }

  /** The period being followed now (frozen when it ends) and the reports already frozen, newest first. */
  async reports(planId: string, now = new Date()): Promise<PlanReportsResponse> {
    const plan = await this.plan(planId);
    const current = reportingPeriodAt(now.toISOString(), plan.reportingCadence as ReportingCadence, plan.timezone);
    return { current, frozen: await this.snapshots().frozenPeriods(planId) };
  }

  async report(planId: string, periodKey: string): Promise<ReportDocument> {
    const frozen = await this.snapshots().frozen(planId, periodKey);
    if (!frozen) throw new DomainError('NOT_FOUND', `No frozen report for ${periodKey} yet: a report is frozen when its period ends`);
    return this.withBoardDecision(planId, frozen);
  }

  /** The board's decision is recorded after the report froze: the snapshot stays as it was, the reader sees both. */
  private async withBoardDecision(planId: string, document: ReportDocument): Promise<ReportDocument> {
    const round = await new ReportingRoundRepository(this.dataSource.manager).ofPeriod(planId, document.period.key);
    if (!round?.boardDecision) return document;
    const { body, date, paragraph } = round.boardDecision;
    return { ...document, boardDecision: { body, date, paragraph } };
  }

  /**
   * The report as it would be frozen now: for the coordinator preparing the board meeting while the
   * period runs. Once the period is frozen, that report is the answer.
   */
  async reportDraft(planId: string, periodKey: string, actor: { roles: string[] }, now = new Date()): Promise<ReportDocument> {
    if (!actor.roles.some((r) => r === 'coordinator' || r === 'admin')) throw new DomainError('FORBIDDEN', 'Drafts of reports are for coordinators; the frozen reports are for everyone');
    const frozen = await this.snapshots().frozen(planId, periodKey);
    if (frozen) return this.withBoardDecision(planId, frozen);
    const plan = await this.plan(planId);
    const period = periodFromKey(periodKey, plan.timezone);
    if (!period) throw new DomainError('VALIDATION_FAILED', `"${periodKey}" is no reporting period: write 2026H1 or 2026Q3`, [{ path: 'period', message: periodKey }]);
    const document = await this.snapshots().build({ planId, key: period.key, startsAt: period.startsAt, endsAt: period.endsAt, frozenAt: now.toISOString() });
    return { ...document, draft: true };
  }

  async audit(planId: string): Promise<AuditRow[]> {
    await this.plan(planId);
    return new AuditRepository(this.dataSource.manager).forPlan(planId);
  }

  async actionAudit(actionId: string): Promise<AuditRow[]> {
    if (!(await new ActionRepository(this.dataSource.manager).exists(actionId))) throw new DomainError('NOT_FOUND', 'No such action');
    return new AuditRepository(this.dataSource.manager).forEntity('action', actionId);
  }

  private async plan(id: string): Promise<Plan> {
    const plan = await new PlanRepository(this.dataSource.manager).find(id);
    if (!plan) throw new DomainError('NOT_FOUND', 'No such plan');
    return plan;
  }

  private async withFollowUp(plan: Plan): Promise<PlanResponse> {
    return { ...plan, followUp: (await this.followUp.of([plan.id]))(plan.id) };
  }

  private snapshots(): ReportRepository {
    return new ReportRepository(this.dataSource.manager);
  }
}

function validTimezone(timezone: string): string {
  if (!IANAZone.isValidZone(timezone)) throw new DomainError('VALIDATION_FAILED', `Unknown timezone "${timezone}"`, [{ path: 'timezone', message: 'not an IANA timezone' }]);
  return timezone;
}
