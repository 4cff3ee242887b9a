import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { MappedAction, MappedPreview, mapPreviewOwners, OwnerDirectory } from '../../../libs/domain/import/owner-mapping';
import type { ImportedSchedule } from '../../../libs/domain/import/types';
import type { ScheduleSpec } from '../../../libs/domain/schedule/types';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { actionWorkflowId } from '../../../workflows/contracts/engine';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp } from '../engine/follow-up';
import type { FollowUpState } from '../engine/follow-up-state';
import { intents } from '../engine/intents';
import type { IdempotencyClaim } from '../idempotency/idempotency.service';
import { areaId } from './action-input';
import { lockOpenPlan } from './open-plan';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import { ActionRepository } from '../../../libs/persistence/repositories/action.repository';
import { UnitRepository } from '../../../libs/persistence/repositories/unit.repository';
import { PlanParser } from './plan-parser';
import type { ImportCorrection } from './plans.dto';

export type { MappedAction, OwnerMapping } from '../../../libs/domain/import/owner-mapping';
export type ImportPreviewResponse = MappedPreview;

export interface ImportCommitResponse extends ImportPreviewResponse {
  created: number;
  drafts: Array<{ id: string; title: string }>;
  /** "pending" while some of the new actions' workflows have not started yet. */
  followUp: FollowUpState;
}

/**
 * Plan import: the preview shows how every row was understood (schedule, owners mapped to the
 * organisation chart by name, warnings) and writes nothing; the commit writes every area and
 * action in one transaction, with an intent to start each action's workflow, then starts them.
 * Rows whose schedule is unreadable become drafts without a workflow until the coordinator gives
 * them a schedule.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: FollowUp,
    private readonly parser: PlanParser,
  ) {}

  async preview(planId: string, document: { filename?: string; content: Uint8Array | string }, corrections: ImportCorrection[] = []): Promise<ImportPreviewResponse> {
    const found = await new PlanRepository(this.dataSource.manager).find(planId);
    if (!found) throw new DomainError('NOT_FOUND', 'No such plan');
    const plan = { start_date: found.startDate, timezone: found.timezone };
    // Read in a worker thread, within limits of size, time and memory; schedule corrections with it.
    const scheduleCorrections = corrections.map(({ area, row, text, when }) => ({ area, row, text, when }));
    const preview = await this.parser.parse({ document, options: { from: plan.start_date, timezone: plan.timezone }, corrections: scheduleCorrections });
    return mapPreviewOwners(preview, corrections, await this.directory());
  }

  async commit(
    planId: string,
    document: { filename?: string; content: Uint8Array | string },
    actor: CurrentPersonInfo,
    corrections: ImportCorrection[] = [],
    claim?: IdempotencyClaim,
  ): Promise<ImportCommitResponse> {
    const preview = await this.preview(planId, document, corrections);
    const followFrom = new Date().toISOString();
    const answer = (rows: Array<{ id: string; title: string; status: string }>, followUp: FollowUpState): ImportCommitResponse => ({
      ...preview,
      created: rows.length,
      drafts: rows.filter((r) => r.status === 'draft').map(({ id, title }) => ({ id, title })),
      followUp,
    });
    const created = await this.dataSource.transaction(async (db) => {
      await claim?.take(db);
      await lockOpenPlan(new PlanRepository(db), planId, 'key-share');
      const rows: Array<{ id: string; title: string; status: string }> = [];
      for (const area of preview.areas) {
        const area_id = await areaId(db, planId, area.title);
        for (const [position, action] of area.actions.entries()) rows.push(await insertAction(db, planId, area_id, position, action));
      }
      for (const row of rows) if (row.status === 'starting') await this.followUp.write(db, intents.startAction(row.id, followFrom));
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'plan', entityId: planId, planId, action: 'imported', after: { filename: document.filename, actions: rows.length } });
      await claim?.committed(db, answer(rows, 'pending'));
      return rows;
    });
    // Rows are committed as 'starting' and turn 'active' as their workflows start; what Temporal
    // does not take now, the reconciler starts later. Clients may follow the plan's action statuses.
    const starting = created.filter((r) => r.status === 'starting').map((r) => r.id);
    await this.followUp.carryOut(starting.map(actionWorkflowId));
    const followUp = await this.followUp.of(starting);
    return answer(created, starting.some((id) => followUp(id) === 'pending') ? 'pending' : 'applied');
  }

  private async directory(): Promise<OwnerDirectory> {
    const units = (await new UnitRepository(this.dataSource.manager).list()).map(({ id, name }) => ({ id, name }));
    // Owners named in a plan map to active people only: a deactivated namesake is no owner.
    const people = (await new PersonRepository(this.dataSource.manager).list()).filter((p) => !p.deactivatedAt).map(({ id, name }) => ({ id, name }));
    return { units, people };
  }
}

async function insertAction(db: EntityManager, planId: string, area: string | null, position: number, action: MappedAction) {
  const status = action.schedule.kind !== 'unreadable' ? 'starting' : 'draft';
  const fields = {
    areaId: area,
    title: action.title,
    whenText: action.when || null,
    scheduleInput: { text: action.title, when: action.when, owners: action.owners },
    schedule: specOf(action.schedule),
    policy: null,
    ownerUnitIds: action.ownerMapping.unitIds,
    ownerPersonIds: action.ownerMapping.personIds,
  };
  const id = await new ActionRepository(db).insert(planId, fields, status, position);
  return { id, title: action.title, status };
}

function specOf(schedule: ImportedSchedule): ScheduleSpec {
  const rule = schedule.rule;
  return { kind: schedule.kind, rule, start: schedule.start, due: rule?.type === 'once' ? rule.due : undefined, warnings: schedule.warnings };
}
