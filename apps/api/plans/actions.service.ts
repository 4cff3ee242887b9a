import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { FollowUpRepository } from '../../../libs/persistence/repositories/follow-up.repository';
import type { ActionRevision } from '../../../workflows/contracts/engine';
import type { CurrentPersonInfo } from '../auth/current-person';
import { areaId, assertOwnersExist, nextDue, policyOf, scheduleOf } from './action-input';
import { ActionWorkflows } from './action-workflows.service';
import { ActionResponse, CreateActionRequest, UpdateActionRequest } from './plans.dto';

const ACTION = `SELECT a.id, a.plan_id, ar.title AS area, a.title, a.when_text, a.status, a.schedule, a.schedule_input, a.policy,
                       a.owner_unit_ids, a.owner_person_ids, p.timezone, to_char(p.start_date, 'YYYY-MM-DD') AS start_date
                  FROM action a JOIN plan p ON p.id = a.plan_id LEFT JOIN area ar ON ar.id = a.area_id`;

export type ActionRow = {
  id: string;
  plan_id: string;
  area: string | null;
  title: string;
  when_text: string | null;
  status: string;
  schedule: ActionResponse['schedule'] & { kind: string; rule: unknown };
  schedule_input: object;
  policy: object | null;
  owner_unit_ids: string[];
  owner_person_ids: string[];
  timezone: string;
  start_date: string;
};

@Injectable()
export class ActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: ActionWorkflows,
  ) {}

  async create(planId: string, body: CreateActionRequest, actor: CurrentPersonInfo): Promise<ActionResponse> {
    const plan = await this.plan(planId);
    const schedule = scheduleOf(body.schedule, plan);
    const policy = policyOf(body.policy, this.workflows.defaultPolicy());
    const id = await this.dataSource.transaction(async (db) => {
      await assertOwnersExist(db, body);
      const [row] = await db.query(
        `INSERT INTO action (plan_id, area_id, title, when_text, schedule_input, schedule, policy, owner_unit_ids, owner_person_ids, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'starting') RETURNING id`,
        [planId, await areaId(db, planId, body.area), body.title, body.schedule.when ?? null, body.schedule, schedule, policy, body.ownerUnitIds ?? [], body.ownerPersonIds ?? []],
      );
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'action', entityId: row.id, planId, action: 'created', after: { ...body, schedule } });
      return row.id as string;
    });
    await this.workflows.start(id);
    return this.get(id);
  }

  async get(id: string): Promise<ActionResponse> {
    return describe(await this.row(this.dataSource.manager, id));
  }

  async update(id: string, body: UpdateActionRequest, actor: CurrentPersonInfo): Promise<ActionResponse> {
    const before = await this.row(this.dataSource.manager, id);
    if (before.status === 'withdrawn') throw new DomainError('CONFLICT', 'The action is withdrawn');
    const schedule = body.schedule ? scheduleOf(body.schedule, before) : undefined;
    const policy = body.policy ? policyOf(body.policy, this.workflows.defaultPolicy()) : undefined;
    const owners = body.ownerPersonIds || body.ownerUnitIds ? { personIds: body.ownerPersonIds ?? before.owner_person_ids, unitIds: body.ownerUnitIds ?? before.owner_unit_ids } : undefined;
    const at = new Date().toISOString();
    await this.dataSource.transaction(async (db) => {
      await assertOwnersExist(db, body, before.owner_person_ids);
      await db.query(
        `UPDATE action SET title = $2, area_id = CASE WHEN $3 THEN $4::uuid ELSE area_id END, when_text = $5, schedule_input = $6, schedule = $7,
                           policy = $8, owner_unit_ids = $9, owner_person_ids = $10,
                           status = CASE WHEN status = 'draft' THEN 'starting' ELSE status END, updated_at = now()
          WHERE id = $1`,
        [
          id,
          body.title ?? before.title,
          body.area !== undefined,
          body.area !== undefined ? await areaId(db, before.plan_id, body.area) : null,
          body.schedule ? (body.schedule.when ?? null) : before.when_text,
          body.schedule ?? before.schedule_input,
          schedule ?? before.schedule,
          policy === undefined ? before.policy : policy,
          body.ownerUnitIds ?? before.owner_unit_ids,
          body.ownerPersonIds ?? before.owner_person_ids,
        ],
      );
      // Open occurrences take the new owners, and arm their notices again under a new policy.
      if (owners || policy) await new FollowUpRepository(db).rearmOpenOf(id, at, owners);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'action', entityId: id, planId: before.plan_id, action: 'updated', before: describe(before), after: body });
    });
    if (before.status === 'draft' || before.status === 'starting') {
      await this.workflows.start(id); // a draft made readable, or a start that had not happened yet
    } else {
      const revision: ActionRevision = {};
      if (schedule) revision.schedule = schedule;
      if (policy) revision.policy = policy;
      if (owners) revision.owners = owners;
      if (Object.keys(revision).length) await this.workflows.revise(id, { ...revision, at });
    }
    return this.get(id);
  }

  async remove(id: string, actor: CurrentPersonInfo): Promise<void> {
    const before = await this.row(this.dataSource.manager, id);
    if (before.status === 'withdrawn') return;
    await this.dataSource.transaction(async (db) => {
      await db.query(`UPDATE action SET status = 'withdrawn', updated_at = now() WHERE id = $1`, [id]);
      // What is still open is cancelled now, whether or not the workflow hears of it at once.
      await new FollowUpRepository(db).cancelUnresolvedOf(id, { reason: 'Borttagen ur planen', byPersonId: actor.id, at: new Date().toISOString() });
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'action', entityId: id, planId: before.plan_id, action: 'withdrawn', before: describe(before) });
    });
    await this.workflows.withdraw(id, { reason: 'Borttagen ur planen', byPersonId: actor.id });
  }

  private async plan(planId: string): Promise<{ start_date: string; timezone: string }> {
    const [plan] = await this.dataSource.query(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, timezone FROM plan WHERE id = $1`, [planId]);
    if (!plan) throw new DomainError('NOT_FOUND', 'No such plan');
    return plan;
  }

  private async row(db: EntityManager, id: string): Promise<ActionRow> {
    const [row] = await db.query(`${ACTION} WHERE a.id = $1`, [id]);
    if (!row) throw new DomainError('NOT_FOUND', 'No such action');
    return { ...row, start_date: isoDate(row.start_date) };
  }
}

export function describe(row: ActionRow): ActionResponse {
  return {
    id: row.id,
    planId: row.plan_id,
    area: row.area,
    title: row.title,
    when: row.when_text,
    status: row.status,
    schedule: row.schedule,
    scheduleInput: row.schedule_input,
    policy: row.policy,
    ownerUnitIds: row.owner_unit_ids,
    ownerPersonIds: row.owner_person_ids,
    nextDue: row.status === 'withdrawn' ? [] : nextDue(row.schedule as never, row.timezone),
  };
}

function isoDate(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export const ACTION_SELECT = ACTION;
