import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { areaTitle, moveArea } from '../../../libs/domain/plan/areas';
import { AreaRepository, AreaRow } from '../../../libs/persistence/repositories/area.repository';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import type { CurrentPersonInfo } from '../auth/current-person';
import { lockOpenPlan } from './open-plan';
import type { UpdateAreaRequest } from './plan-changes.dto';

/**
 * A plan's areas: created, renamed and put in order by the coordinator (actions move between
 * areas by `PATCH /api/actions/:id {area}`). Every change is audited with the plan.
 */
@Injectable()
export class PlanAreasService {
  constructor(private readonly dataSource: DataSource) {}

  async create(planId: string, title: string, actor: CurrentPersonInfo): Promise<AreaRow> {
    return this.dataSource.transaction(async (db) => {
      await lockOpenPlan(new PlanRepository(db), planId, 'update'); // areas are numbered per plan
      const areas = new AreaRepository(db);
      const id = await areas.findOrCreate(planId, areaTitle(title));
      const area = (await areas.find(planId, id))!;
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'area', entityId: id, planId, action: 'created', after: area });
      return area;
    });
  }

  /** A new title (unique in the plan: 409 CONFLICT otherwise) and/or a new place in the order. */
  async update(planId: string, areaId: string, body: UpdateAreaRequest, actor: CurrentPersonInfo): Promise<AreaRow> {
    return this.dataSource.transaction(async (db) => {
      await lockOpenPlan(new PlanRepository(db), planId, 'update');
      const areas = new AreaRepository(db);
      const before = await areas.find(planId, areaId);
      if (!before) throw new DomainError('NOT_FOUND', 'No such area in this plan');
      if (body.title !== undefined) await areas.rename(areaId, areaTitle(body.title));
      if (body.position !== undefined) await areas.reorder(planId, moveArea((await areas.list(planId)).map((a) => a.id), areaId, body.position));
      const after = (await areas.find(planId, areaId))!;
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'area', entityId: areaId, planId, action: 'updated', before, after });
      return after;
    });
  }
}
