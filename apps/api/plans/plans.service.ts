import { Inject, Injectable } from '@nestjs/common';
import { IANAZone } from 'luxon';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { DomainError } from '../../../libs/domain/errors';
import { UNRESOLVED_STATUSES } from '../../../libs/domain/occurrence/status';
import { periodFromKey, reportingPeriodAt, ReportingCadence } from '../../../libs/domain/reporting/periods';
import { AuditRepository, AuditRow } from '../../../libs/persistence/repositories/audit.repository';
import { ReportRepository } from '../../../libs/persistence/repositories/report.repository';
import { defaultPolicyFor } from '../../../workflows/contracts/policy';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp } from '../engine/follow-up';
import { intents } from '../engine/intents';
import type { IdempotencyClaim } from '../idempotency/idempotency.service';
import { policyOf } from './action-input';
import { ACTION_SELECT, ActionRow, describe } from './actions.service';
import { CreatePlanRequest, PlanDetailResponse, PlanReportsResponse, PlanResponse } from './plans.dto';

const PLAN = `SELECT id, title, to_char(start_date, 'YYYY-MM-DD') AS "startDate", timezone, reporting_cadence AS "reportingCadence", policy FROM plan`;

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: FollowUp,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  /** The plan and, as an intent in the same transaction, the start of its reporting workflow. */
  async create(body: CreatePlanRequest, actor: CurrentPersonInfo, claim?: IdempotencyClaim): Promise<PlanResponse> {
    const timezone = body.timezone ?? 'Europe/Stockholm';
    if (!IANAZone.isValidZone(timezone)) throw new DomainError('VALIDATION_FAILED', `Unknown timezone "${timezone}"`, [{ path: 'timezone', message: 'not an IANA timezone' }]);
    const policy = policyOf(body.policy, defaultPolicyFor(this.config.calendar));
    const plan = await this.dataSource.transaction(async (db) => {
      await claim?.take(db);
      const [row] = await db.query(`INSERT INTO plan (title, start_date, timezone, reporting_cadence, created_by, policy) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
        body.title,
        body.startDate,
        timezone,
        body.reportingCadence ?? 'half-yearly',
        actor.id,
        policy,
      ]);
      const [created] = await db.query(`${PLAN} WHERE id = $1`, [row.id]);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'plan', entityId: row.id, planId: row.id, action: 'created', after: created });
      await this.followUp.write(db, intents.startPlanReporting(row.id));
      await claim?.committed(db, { ...created, followUp: 'pending' });
      return created as Omit<PlanResponse, 'followUp'>;
    });
    await this.followUp.carryOut([intents.startPlanReporting(plan.id).workflowId]);
    return { ...plan, followUp: (await this.followUp.of([plan.id]))(plan.id) };
  }

  async list(): Promise<PlanResponse[]> {
    const plans: Array<Omit<PlanResponse, 'followUp'>> = await this.dataSource.query(`${PLAN} ORDER BY created_at DESC`);
    const followUp = await this.followUp.of(plans.map((p) => p.id));
    return plans.map((p) => ({ ...p, followUp: followUp(p.id) }));
  }

  async get(id: string): Promise<PlanDetailResponse> {
    const plan = await this.plan(id);
    const areas: Array<{ id: string; title: string }> = await this.dataSource.query('SELECT id, title FROM area WHERE plan_id = $1 ORDER BY position, title', [id]);
    const actions: ActionRow[] = await this.dataSource.query(`${ACTION_SELECT} WHERE a.plan_id = $1 ORDER BY a.position, a.created_at`, [id]);
    const occurrences = await this.occurrenceSummary(id);
    const followUp = await this.followUp.of([id, ...actions.map((a) => a.id)]);
    const withFollowUp = (row: ActionRow) => ({ ...describe(row, followUp(row.id)), openOccurrences: occurrences.open.get(row.id) ?? [], completedCount: occurrences.completed.get(row.id) ?? 0 });
    const grouped = areas.map((area) => ({ id: area.id, title: area.title, actions: actions.filter((a) => a.area === area.title).map(withFollowUp) }));
    const loose = actions.filter((a) => a.area === null).map(withFollowUp);
    return { ...plan, followUp: followUp(id), areas: loose.length ? [...grouped, { id: null, title: '', actions: loose }] : grouped };
  }

  /** Per action: its unresolved occurrences and how many were completed, for the state at a glance. */
  private async occurrenceSummary(planId: string) {
    const rows: Array<{ action_id: string; id: string; due_at: Date; status: string }> = await this.dataSource.query(
      `SELECT action_id, id, due_at, status FROM occurrence WHERE plan_id = $1 AND status = ANY($2::text[]) ORDER BY due_at`,
      [planId, UNRESOLVED_STATUSES],
    );
    const counts: Array<{ action_id: string; n: number }> = await this.dataSource.query(
      `SELECT action_id, count(*)::int AS n FROM occurrence WHERE plan_id = $1 AND status = 'completed' GROUP BY action_id`,
      [planId],
    );
    const open = new Map<string, Array<{ id: string; due: string; status: string }>>();
    for (const r of rows) open.set(r.action_id, [...(open.get(r.action_id) ?? []), { id: r.id, due: iso(r.due_at), status: r.status }]);
    return { open, completed: new Map(counts.map((c) => [c.action_id, c.n])) };
  }

  /** The period being followed now (frozen when it ends) and the reports already frozen, newest first. */
  async reports(planId: string, now = new Date()): Promise<PlanReportsResponse> {
    const plan = await this.plan(planId);
    const frozen = await this.dataSource.query(
      `SELECT period_key AS key, period_start AS "startsAt", period_end AS "endsAt", frozen_at AS "frozenAt"
         FROM report_snapshot WHERE plan_id = $1 ORDER BY period_start DESC`,
      [planId],
    );
    const current = reportingPeriodAt(now.toISOString(), plan.reportingCadence as ReportingCadence, plan.timezone);
    return { current, frozen: frozen.map((r: Record<string, Date | string>) => ({ ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), frozenAt: iso(r.frozenAt) })) };
  }

  async report(planId: string, periodKey: string): Promise<Record<string, unknown>> {
    const frozen = await this.snapshots().frozen(planId, periodKey);
    if (!frozen) throw new DomainError('NOT_FOUND', `No frozen report for ${periodKey} yet: a report is frozen when its period ends`);
    return frozen;
  }

  /**
   * The report as it would be frozen now: for the coordinator preparing the board meeting while the
   * period runs. Once the period is frozen, that report is the answer.
   */
  /** The running period's report as it stands: the coordinators' preparation, not yet for the board. */
  async reportDraft(planId: string, periodKey: string, actor: { roles: string[] }, now = new Date()): Promise<Record<string, unknown>> {
    if (!actor.roles.some((r) => r === 'coordinator' || r === 'admin')) throw new DomainError('FORBIDDEN', 'Drafts of reports are for coordinators; the frozen reports are for everyone');
    const frozen = await this.snapshots().frozen(planId, periodKey);
    if (frozen) return frozen;
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

  private async plan(id: string): Promise<Omit<PlanResponse, 'followUp'>> {
    const [plan] = await this.dataSource.query(`${PLAN} WHERE id = $1`, [id]);
    if (!plan) throw new DomainError('NOT_FOUND', 'No such plan');
    return plan;
  }

  private snapshots(): ReportRepository {
    return new ReportRepository(this.dataSource.manager);
  }

  async actionAudit(actionId: string): Promise<AuditRow[]> {
    const [row] = await this.dataSource.query('SELECT 1 FROM action WHERE id = $1', [actionId]);
    if (!row) throw new DomainError('NOT_FOUND', 'No such action');
    return new AuditRepository(this.dataSource.manager).forEntity('action', actionId);
  }
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
