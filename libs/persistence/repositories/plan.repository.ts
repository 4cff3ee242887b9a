import { EntityManager } from 'typeorm';
import type { NoticePolicy } from '../../domain/escalation/policy';
import { PlanEntity } from '../entities/plan.entity';

/** A plan as it is stored; dates as `YYYY-MM-DD`, instants as ISO 8601. */
export interface PlanRow {
  id: string;
  title: string;
  startDate: string;
  timezone: string;
  reportingCadence: string;
  policy: NoticePolicy | null;
  archivedAt: string | null;
  archiveReason: string | null;
}

export type PlanFields = Pick<PlanRow, 'title' | 'startDate' | 'timezone' | 'reportingCadence' | 'policy'>;

/**
 * Plans: their facts, their default policy, and whether they are archived.
 * Entity only (PlanEntity: one row at a time); no raw SQL.
 */
export class PlanRepository {
  constructor(private readonly db: EntityManager) {}

  private get plans() {
    return this.db.getRepository(PlanEntity);
  }

  async create(fields: PlanFields & { createdBy: string }): Promise<PlanRow> {
    const { identifiers } = await this.plans.insert({ ...pick(fields), createdBy: fields.createdBy });
    // Read back, so the row is returned as stored (the date as pg keeps it, defaults applied).
    return (await this.find(identifiers[0].id as string))!;
  }

  async find(id: string): Promise<PlanRow | undefined> {
    const plan = await this.plans.findOneBy({ id });
    return plan ? toPlan(plan) : undefined;
  }

  /**
   * The plan, locked until the transaction ends: `update` to change it (an edit, archiving),
   * `key-share` while a change in it depends on it being open (a new action, an import). Key
   * share is what every row referring to the plan takes anyway; it only waits for an `update`.
   */
  async lock(id: string, mode: 'update' | 'key-share' = 'update'): Promise<PlanRow | undefined> {
    const plan = await this.plans
      .createQueryBuilder('plan')
      .where('plan.id = :id', { id })
      .setLock(mode === 'update' ? 'pessimistic_write' : 'for_key_share')
      .getOne();
    return plan ? toPlan(plan) : undefined;
  }

  /** Newest first. */
  async list(): Promise<PlanRow[]> {
    return (await this.plans.find({ order: { createdAt: 'DESC' } })).map(toPlan);
  }

  async update(id: string, fields: PlanFields): Promise<PlanRow> {
    await this.plans.update({ id }, pick(fields));
    return (await this.find(id))!;
  }

  /** Archived at that instant with a reason, or (null) restored. */
  async setArchived(id: string, archived: { at: string; reason: string } | null): Promise<PlanRow> {
    await this.plans.update({ id }, { archivedAt: archived ? new Date(archived.at) : null, archiveReason: archived?.reason ?? null });
    return (await this.find(id))!;
  }

  async reporting(planId: string): Promise<{ id: string; timezone: string; reportingCadence: string } | undefined> {
    const plan = await this.find(planId);
    return plan && { id: plan.id, timezone: plan.timezone, reportingCadence: plan.reportingCadence };
  }
}

/** Only the plan's own fields: callers may pass a wider object (a request body), which TypeORM would refuse. */
function pick(fields: PlanFields): PlanFields {
  return { title: fields.title, startDate: fields.startDate, timezone: fields.timezone, reportingCadence: fields.reportingCadence, policy: fields.policy };
}

function toPlan(plan: PlanEntity): PlanRow {
  return {
    id: plan.id,
    title: plan.title,
    startDate: plan.startDate,
    timezone: plan.timezone,
    reportingCadence: plan.reportingCadence,
    policy: plan.policy,
    archivedAt: plan.archivedAt ? plan.archivedAt.toISOString() : null,
    archiveReason: plan.archiveReason,
  };
}
