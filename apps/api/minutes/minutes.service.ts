import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import type { PlanDocument } from '../../../libs/domain/import';
import { acceptFindings, AcceptedFindings, MinutesChoice, MinutesPreview, previewMinutes } from '../../../libs/domain/minutes';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { MeetingRepository, MeetingSummary } from '../../../libs/persistence/repositories/meeting.repository';
import { OpenQuestionRepository } from '../../../libs/persistence/repositories/open-question.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { PlanRepository, PlanRow } from '../../../libs/persistence/repositories/plan.repository';
import { UnitRepository } from '../../../libs/persistence/repositories/unit.repository';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp } from '../engine/follow-up';
import type { FollowUpState } from '../engine/follow-up-state';
import type { IdempotencyClaim } from '../idempotency/idempotency.service';
import { areaId, assertOwnersExist } from '../plans/action-input';
import { lockOpenPlan } from '../plans/open-plan';
import { PlanParser } from '../plans/plan-parser';
import { insertSourcedAction, scheduleForDeadline } from './sourced-action';

export interface MinutesInput {
  document: PlanDocument;
  title?: string;
  meetingDate?: string;
  nextMeetingDate?: string;
  choices?: MinutesChoice[];
}

export interface MinutesCommitResponse extends MinutesPreview {
  meetingId: string;
  actions: Array<{ id: string; title: string; index: number }>;
  questions: Array<{ id: string; question: string; index: number }>;
  followUp: FollowUpState;
}

/**
 * Minutes into a plan (issue 15): the preview reads them (in the document workers, within the
 * import's limits) and matches owners to the organisation; it writes nothing. The commit writes
 * the meeting, an action per accepted assignment or decision (in an area named after the
 * meeting, each pointing back to its paragraph) and an open question per accepted question, in
 * one transaction, then starts the actions' workflows. The same minutes twice into one plan are
 * refused: they would create every action again.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: FollowUp,
    private readonly parser: PlanParser,
  ) {}

  async preview(planId: string, input: MinutesInput): Promise<MinutesPreview> {
    await this.plan(this.dataSource.manager, planId);
    return (await this.read(input)).preview;
  }

  async commit(planId: string, input: MinutesInput, actor: CurrentPersonInfo, claim?: IdempotencyClaim): Promise<MinutesCommitResponse> {
    const { preview, textSha256 } = await this.read(input);
    const accepted = acceptFindings(preview, input.choices);
    const result = await this.dataSource.transaction(async (db) => {
      await claim?.take(db);
      const plan = await lockOpenPlan(new PlanRepository(db), planId, 'key-share');
      await refuseReadBefore(db, planId, textSha256);
      for (const action of accepted.actions) await assertOwnersExist(db, action).catch((e) => Promise.reject(atFinding(e, action.index)));
      const meetingId = await new MeetingRepository(db).insert({
        planId,
        title: preview.meeting.title,
        heldOn: preview.meeting.date,
        nextMeetingOn: preview.meeting.nextMeetingDate,
        filename: input.document.filename ?? null,
        textSha256,
        createdBy: actor.id,
      });
      const created = await this.create(db, plan, meetingId, preview.meeting.title, accepted);
      await new AuditRepository(db).append({
        actorPersonId: actor.id,
        entity: 'meeting',
        entityId: meetingId,
        planId,
        action: 'minutes-read',
        after: { title: preview.meeting.title, filename: input.document.filename, actions: created.actions.length, questions: created.questions.length, dropped: (input.choices ?? []).filter((c) => c.drop).map((c) => c.index) },
      });
      const answer = { ...preview, meetingId, actions: created.actions, questions: created.questions };
      await claim?.committed(db, { ...answer, followUp: 'pending' });
      return { answer, starts: created.starts };
    });
    await this.followUp.carryOut(result.starts);
    const followUp = await this.followUp.of(result.answer.actions.map((a) => a.id));
    return { ...result.answer, followUp: result.answer.actions.some((a) => followUp(a.id) === 'pending') ? 'pending' : 'applied' };
  }

  async meetings(planId: string): Promise<MeetingSummary[]> {
    await this.plan(this.dataSource.manager, planId);
    return new MeetingRepository(this.dataSource.manager).ofPlan(planId);
  }

  private async create(db: EntityManager, plan: PlanRow, meetingId: string, meetingTitle: string, accepted: AcceptedFindings) {
    const area = accepted.actions.length ? await areaId(db, plan.id, meetingTitle) : null;
    const actions: MinutesCommitResponse['actions'] = [];
    const starts: string[] = [];
    for (const [position, action] of accepted.actions.entries()) {
      const { id, start } = await insertSourcedAction(db, plan, {
        areaId: area,
        title: action.title,
        schedule: scheduleForDeadline(action.due),
        ownerUnitIds: action.ownerUnitIds,
        ownerPersonIds: action.ownerPersonIds,
        source: { meetingId, ...action.source },
      }, position);
      await this.followUp.write(db, start);
      starts.push(start.workflowId);
      actions.push({ id, title: action.title, index: action.index });
    }
    const questions: MinutesCommitResponse['questions'] = [];
    const repository = new OpenQuestionRepository(db);
    for (const q of accepted.questions) {
      const id = await repository.insert({ planId: plan.id, meetingId, question: q.question, sentence: q.source.sentence, place: q.source.place, dueOn: q.due, position: q.index });
      questions.push({ id, question: q.question, index: q.index });
    }
    return { actions, questions, starts };
  }

  private async read(input: MinutesInput): Promise<{ preview: MinutesPreview; textSha256: string }> {
    const { reading, textSha256 } = await this.parser.readMinutes(input.document, { meetingDate: input.meetingDate, nextMeetingDate: input.nextMeetingDate });
    return { preview: previewMinutes(reading, { title: input.title, directory: await this.directory() }), textSha256 };
  }

  /** Owners are matched to units (by name or abbreviation) and to active people only. */
  private async directory() {
    const units = (await new UnitRepository(this.dataSource.manager).list()).map(({ id, name, abbreviation }) => ({ id, name, ...(abbreviation ? { abbreviation } : {}) }));
    const people = (await new PersonRepository(this.dataSource.manager).list()).filter((p) => !p.deactivatedAt).map(({ id, name }) => ({ id, name }));
    return { units, people };
  }

  private async plan(db: EntityManager, planId: string): Promise<PlanRow> {
    const plan = await new PlanRepository(db).find(planId);
    if (!plan) throw new DomainError('NOT_FOUND', 'No such plan');
    return plan;
  }
}

async function refuseReadBefore(db: EntityManager, planId: string, textSha256: string): Promise<void> {
  const before = await new MeetingRepository(db).readBefore(planId, textSha256);
  if (before) {
    const message = `These minutes were read into the plan on ${before.createdAt.toISOString().slice(0, 10)} as "${before.title}"`;
    throw new DomainError('CONFLICT', message, [{ path: 'text', message: `meeting ${before.id}` }]);
  }
}

/** An owner check's details, placed at the finding they concern. */
function atFinding(error: unknown, index: number): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.code, error.message, error.details.map((d) => ({ ...d, path: `findings[${index}].${d.path}` })));
}
