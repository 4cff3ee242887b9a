import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { assertStillOpen, OpenQuestionStatus } from '../../../libs/domain/minutes/open-question';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { MeetingRepository } from '../../../libs/persistence/repositories/meeting.repository';
import { OpenQuestionRepository, OpenQuestionView } from '../../../libs/persistence/repositories/open-question.repository';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp } from '../engine/follow-up';
import { areaId, assertOwnersExist } from '../plans/action-input';
import { lockOpenPlan } from '../plans/open-plan';
import type { AssignQuestionRequest } from './minutes.dto';
import { insertSourcedAction, scheduleForDeadline } from './sourced-action';

/**
 * The balance list's open questions (issue 15): the coordinator assigns one — it becomes an
 * action of the plan, in its meeting's area, pointing back to the meeting — or closes it with a
 * reason. Either ends the question, once; a second attempt is a conflict.
 */
@Injectable()
export class OpenQuestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly followUp: FollowUp,
  ) {}

  async ofPlan(planId: string, status?: OpenQuestionStatus): Promise<OpenQuestionView[]> {
    if (!(await new PlanRepository(this.dataSource.manager).find(planId))) throw new DomainError('NOT_FOUND', 'No such plan');
    return new OpenQuestionRepository(this.dataSource.manager).ofPlan(planId, status);
  }

  async assign(id: string, body: AssignQuestionRequest, actor: CurrentPersonInfo): Promise<OpenQuestionView> {
    const start = await this.dataSource.transaction(async (db) => {
      const { questions, question, plan } = await this.openQuestion(db, id);
      await assertOwnersExist(db, body);
      const meeting = await new MeetingRepository(db).byId(question.meetingId);
      const title = body.title ?? question.question;
      const { id: actionId, start } = await insertSourcedAction(db, plan, {
        areaId: await areaId(db, plan.id, meeting?.title),
        title,
        schedule: body.schedule ?? scheduleForDeadline(question.dueOn),
        ownerUnitIds: body.ownerUnitIds ?? [],
        ownerPersonIds: body.ownerPersonIds ?? [],
        source: { meetingId: question.meetingId, place: question.place, sentence: question.sentence },
      });
      await this.followUp.write(db, start);
      await questions.assign(id, actionId, actor.id, new Date());
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'open-question', entityId: id, planId: plan.id, action: 'assigned', before: { question: question.question, status: 'open' }, after: { status: 'assigned', actionId, title } });
      return start;
    });
    await this.followUp.carryOut([start.workflowId]);
    return this.view(id);
  }

  async close(id: string, reason: string, actor: CurrentPersonInfo): Promise<OpenQuestionView> {
    await this.dataSource.transaction(async (db) => {
      const { questions, question, plan } = await this.openQuestion(db, id);
      await questions.close(id, reason.trim(), actor.id, new Date());
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'open-question', entityId: id, planId: plan.id, action: 'closed', before: { question: question.question, status: 'open' }, after: { status: 'closed', reason } });
    });
    return this.view(id);
  }

  /** The question, locked and still open, in a plan that is open to changes. */
  private async openQuestion(db: EntityManager, id: string) {
    const questions = new OpenQuestionRepository(db);
    const question = await questions.lock(id);
    if (!question) throw new DomainError('NOT_FOUND', 'No such question');
    const plan = await lockOpenPlan(new PlanRepository(db), question.planId, 'key-share');
    assertStillOpen(question.status);
    return { questions, question, plan };
  }

  private async view(id: string): Promise<OpenQuestionView> {
    const view = await new OpenQuestionRepository(this.dataSource.manager).view(id);
    if (!view) throw new DomainError('NOT_FOUND', 'No such question');
    return view;
  }
}
