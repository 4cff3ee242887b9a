import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { ActionChange, changeStatus } from '../../../libs/domain/action/lifecycle';
import { DomainError } from '../../../libs/domain/errors';
import { assertPlanOpen } from '../../../libs/domain/plan/lifecycle';
import { toScheduleSpec } from '../../../libs/domain/schedule';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { ActionRepository } from '../../../libs/persistence/repositories/action.repository';
import type { NewIntent } from '../../../libs/persistence/repositories/intent.repository';
import { OccurrenceStateRepository } from '../../../libs/persistence/repositories/occurrence-state.repository';
import type { ActionRevision } from '../../../workflows/contracts/engine';
import { defaultPolicyFor } from '../../../workflows/contracts/policy';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp } from '../engine/follow-up';
import { intents } from '../engine/intents';
import type { IdempotencyClaim } from '../idempotency/idempotency.service';
import { areaId, assertOwnersExist, draftableScheduleOf, nextDue, policyOf, scheduleOf } from './action-input';
import type { PolicyPreviewRequest, PolicyPreviewResponse, SchedulePreviewRequest, SchedulePreviewResponse } from './plan-changes.dto';
import { ladderInWords } from '../../../libs/domain/escalation/ladder-words';
import { OrgChartRepository } from '../../../libs/persistence/repositories/org-chart.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { ActionResponse, CreateActionRequest, UpdateActionRequest } from './plans.dto';
import { ActionRow, describe } from './action-view';
import { lockOpenPlan } from './open-plan';

/** An action's row as the API reads it (libs/persistence: ActionRepository.view). */

@Injectable()
export class ActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: FollowUp,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  /**
   * A new action, followed up at once; or, with `draft: true` and a schedule that cannot be read
   * (or none), saved as a draft on the balance list until its schedule is given.
   */
  async create(planId: string, body: CreateActionRequest, actor: CurrentPersonInfo, claim?: IdempotencyClaim): Promise<ActionResponse> {
    const plan = await this.plan(planId);
    const schedule = body.draft ? draftableScheduleOf(body.schedule, plan) : scheduleOf(body.schedule ?? {}, plan);
    const status = schedule.kind === 'unreadable' ? 'draft' : 'starting';
    const policy = policyOf(body.policy, defaultPolicyFor(this.config.calendar));
    const { id, start } = await this.dataSource.transaction(async (db) => {
      await claim?.take(db);
      await lockOpenPlan(new PlanRepository(db), planId, 'key-share');
      await assertOwnersExist(db, body);
      const id = await new ActionRepository(db).insert(
        planId,
        {
          areaId: await areaId(db, planId, body.area),
          title: body.title,
          whenText: body.schedule?.when ?? null,
          scheduleInput: body.schedule ?? {},
          schedule,
          policy,
          ownerUnitIds: body.ownerUnitIds ?? [],
          ownerPersonIds: body.ownerPersonIds ?? [],
        },
        status,
      );
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'action', entityId: id, planId, action: 'created', after: { ...body, schedule } });
      const start = status === 'starting' ? intents.startAction(id, new Date().toISOString()) : undefined;
      if (start) await this.followUp.write(db, start);
      await claim?.committed(db, describe(await this.row(db, id), start ? 'pending' : 'applied'));
      return { id, start };
    });
    if (start) await this.followUp.carryOut([start.workflowId]);
    return this.get(id);
  }

  /** What a schedule in words would be for an action of this plan: the same reading as the import's. */
  async preview(planId: string, body: SchedulePreviewRequest): Promise<SchedulePreviewResponse> {
    const plan = await this.plan(planId);
    const spec = toScheduleSpec({ text: body.text, when: body.when }, { from: plan.start_date, timezone: plan.timezone });
    return {
      kind: spec.kind,
      rule: spec.rule,
      nextDue: spec.kind === 'unreadable' ? [] : nextDue(spec, plan.timezone, new Date(), 5),
      warnings: spec.warnings.map((w) => ({ code: w.code, message: w.message })),
      followable: spec.kind !== 'unreadable',
    };
  }

  /**
   * A notice policy said back for these owners: when they are reminded, and who gets each
   * escalation step when (the engine's own targets, from today's organisation chart). The plan's
   * default policy when none is given; ISO 8601 durations as everywhere in the API. Writes nothing.
   */
  async policyPreview(planId: string, body: PolicyPreviewRequest): Promise<PolicyPreviewResponse> {
    const found = await new PlanRepository(this.dataSource.manager).find(planId);
    if (!found) throw new DomainError('NOT_FOUND', 'No such plan');
    const fallback = found.policy ?? defaultPolicyFor(this.config.calendar);
    const policy = policyOf(body.policy, fallback) ?? fallback;
    const owners = { personIds: body.ownerPersonIds ?? [], unitIds: body.ownerUnitIds ?? [] };
    await assertOwnersExist(this.dataSource.manager, body, owners.personIds);
    const context = await new OrgChartRepository(this.dataSource.manager).recipientContext(owners, new Date().toISOString().slice(0, 10));
    const people = new Map((await new PersonRepository(this.dataSource.manager).list()).map((p) => [p.id, p.name]));
    const words = ladderInWords(policy, context, (id) => people.get(id), body.language ?? 'sv');
    return { remindBefore: policy.remindBefore, escalateAfter: policy.escalateAfter, ...(policy.repeatEvery ? { repeatEvery: policy.repeatEvery } : {}), ...words };
  }

  async get(id: string): Promise<ActionResponse> {
    const row = await this.row(this.dataSource.manager, id);
    return describe(row, (await this.followUp.of([id]))(id));
  }

  /**
   * A draft given a readable schedule starts; any other action is revised. Either way the
   * command follows the commit as an intent, so the change reaches the workflow even if Temporal
   * is away now.
   */
  async update(id: string, body: UpdateActionRequest, actor: CurrentPersonInfo): Promise<ActionResponse> {
    const before = await this.row(this.dataSource.manager, id);
    if (before.status === 'withdrawn') throw new DomainError('CONFLICT', 'The action is withdrawn');
    const schedule = body.schedule ? scheduleOf(body.schedule, before) : undefined;
    const policy = body.policy ? policyOf(body.policy, defaultPolicyFor(this.config.calendar)) : undefined;
    const owners = body.ownerPersonIds || body.ownerUnitIds ? { personIds: body.ownerPersonIds ?? before.owner_person_ids, unitIds: body.ownerUnitIds ?? before.owner_unit_ids } : undefined;
    const at = new Date().toISOString();
    const revision: ActionRevision = { ...(schedule && { schedule }), ...(policy && { policy }), ...(owners && { owners }) };
    const command = before.status === 'draft' ? intents.startAction(id, at) : Object.keys(revision).length ? intents.reviseAction(id, { ...revision, at }) : undefined;
    await this.dataSource.transaction(async (db) => {
      await lockOpenPlan(new PlanRepository(db), before.plan_id, 'key-share');
      await assertOwnersExist(db, body, before.owner_person_ids);
      await new ActionRepository(db).update(id, {
        areaId: body.area !== undefined ? await areaId(db, before.plan_id, body.area) : before.area_id,
        title: body.title ?? before.title,
        whenText: body.schedule ? (body.schedule.when ?? null) : before.when_text,
        scheduleInput: body.schedule ?? before.schedule_input,
        schedule: schedule ?? before.schedule,
        policy: policy === undefined ? before.policy : policy,
        ownerUnitIds: body.ownerUnitIds ?? before.owner_unit_ids,
        ownerPersonIds: body.ownerPersonIds ?? before.owner_person_ids,
      });
      // Open occurrences take the new owners, and arm their notices again under a new policy.
      if (owners || policy) await new OccurrenceStateRepository(db).rearmOpenOf(id, at, owners);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'action', entityId: id, planId: before.plan_id, action: 'updated', before: describe(before), after: body });
      if (command) await this.followUp.write(db, command);
    });
    if (command) await this.followUp.carryOut([command.workflowId]);
    return this.get(id);
  }

  /** Withdraws the action: committed at once, its workflow told now or as soon as Temporal answers. */
  withdraw(id: string, actor: CurrentPersonInfo, reason = 'Borttagen ur planen'): Promise<ActionResponse> {
    return this.changeStatus(id, 'withdraw', actor, { reason });
  }

  /** Nothing opens and nothing is sent until the action is resumed; the workflow keeps its place. */
  pause(id: string, reason: string, actor: CurrentPersonInfo): Promise<ActionResponse> {
    return this.changeStatus(id, 'pause', actor, { reason });
  }

  resume(id: string, reason: string | undefined, actor: CurrentPersonInfo): Promise<ActionResponse> {
    return this.changeStatus(id, 'resume', actor, { reason });
  }

  private async changeStatus(id: string, change: ActionChange, actor: CurrentPersonInfo, detail: { reason?: string }): Promise<ActionResponse> {
    const command = await this.dataSource.transaction(async (db) => {
      const actions = new ActionRepository(db);
      const current = await actions.lock(id, 'update');
      if (!current) throw new DomainError('NOT_FOUND', 'No such action');
      assertPlanOpen({ archivedAt: current.planArchived ? 'archived' : null });
      const next = changeStatus(current.status, change);
      if (!next) return undefined; // already so: a repeated request changes nothing
      await actions.setStatus(id, next);
      // What is still open of a withdrawn action is cancelled now, whether or not its workflow
      // hears of it at once (the notice activities check the rows).
      if (change === 'withdraw') await new OccurrenceStateRepository(db).cancelUnresolvedOf(id, { reason: detail.reason ?? 'Borttagen ur planen', byPersonId: actor.id, at: new Date().toISOString() });
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'action', entityId: id, planId: current.planId, action: AUDITED[change], before: { title: current.title, status: current.status }, after: { title: current.title, status: next, ...detail } });
      const intent = COMMANDS[change](id, { reason: detail.reason, byPersonId: actor.id });
      await this.followUp.write(db, intent);
      return intent;
    });
    if (command) await this.followUp.carryOut([command.workflowId]);
    return this.get(id);
  }

  private async plan(planId: string): Promise<{ start_date: string; timezone: string }> {
    const plan = await new PlanRepository(this.dataSource.manager).find(planId);
    if (!plan) throw new DomainError('NOT_FOUND', 'No such plan');
    return { start_date: plan.startDate, timezone: plan.timezone };
  }

  private async row(db: EntityManager, id: string): Promise<ActionRow> {
    const row = await new ActionRepository(db).view(id);
    if (!row) throw new DomainError('NOT_FOUND', 'No such action');
    return row;
  }
}

const AUDITED: Record<ActionChange, string> = { withdraw: 'withdrawn', pause: 'paused', resume: 'resumed' };

const COMMANDS: Record<ActionChange, (actionId: string, request: { reason?: string; byPersonId: string }) => NewIntent> = {
  withdraw: (id, request) => intents.withdrawAction(id, request),
  pause: (id) => intents.pauseAction(id),
  resume: (id) => intents.resumeAction(id),
};
