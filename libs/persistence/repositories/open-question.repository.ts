import { EntityManager } from 'typeorm';
import type { OpenQuestionStatus } from '../../domain/minutes/open-question';
import type { Place } from '../../domain/minutes/types';
import { OpenQuestionEntity } from '../entities/open-question.entity';

export interface NewOpenQuestion {
  planId: string;
  meetingId: string;
  question: string;
  sentence: string;
  place: Place;
  dueOn: string | null;
  /** Its place among the meeting's findings. */
  position: number;
}

/** An open question as the balance list shows it: with its meeting and who ended it. */
export interface OpenQuestionView {
  id: string;
  planId: string;
  question: string;
  sentence: string;
  place: Place;
  due: string | null;
  status: OpenQuestionStatus;
  meeting: { id: string; title: string; date: string | null };
  actionId: string | null;
  closedReason: string | null;
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** Open questions of the balance list, read out of minutes (issue 15). */
export class OpenQuestionRepository {
  constructor(private readonly db: EntityManager) {}

  async insert(question: NewOpenQuestion): Promise<string> {
    const repository = this.db.getRepository(OpenQuestionEntity);
    return (await repository.save(repository.create({ ...question, status: 'open' }))).id;
  }

  /** The question, locked until the transaction ends, so that assigning and closing it happen once. */
  lock(id: string): Promise<OpenQuestionEntity | null> {
    return this.db.getRepository(OpenQuestionEntity).createQueryBuilder('q').where('q.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async assign(id: string, actionId: string, by: string, at: Date): Promise<void> {
    await this.db.getRepository(OpenQuestionEntity).update({ id }, { status: 'assigned', actionId, resolvedBy: by, resolvedAt: at });
  }

  async close(id: string, reason: string, by: string, at: Date): Promise<void> {
    await this.db.getRepository(OpenQuestionEntity).update({ id }, { status: 'closed', closedReason: reason, resolvedBy: by, resolvedAt: at });
  }

  async view(id: string): Promise<OpenQuestionView | undefined> {
    return (await this.views({ id }))[0];
  }

  /** The plan's questions, the open ones first, then by meeting and place. */
  ofPlan(planId: string, status?: OpenQuestionStatus): Promise<OpenQuestionView[]> {
    return this.views({ planId, status });
  }

  private async views(filter: { id?: string; planId?: string; status?: OpenQuestionStatus }): Promise<OpenQuestionView[]> {
    const query = this.db
      .getRepository(OpenQuestionEntity)
      .createQueryBuilder('q')
      .innerJoin('meeting', 'm', 'm.id = q.meeting_id')
      .leftJoin('person', 'p', 'p.id = q.resolved_by')
      .select(['q.id AS id', 'q.plan_id AS plan_id', 'q.question AS question', 'q.sentence AS sentence', 'q.place AS place', `to_char(q.due_on, 'YYYY-MM-DD') AS due`])
      .addSelect(['q.status AS status', 'q.action_id AS action_id', 'q.closed_reason AS closed_reason', 'q.resolved_at AS resolved_at', 'q.created_at AS created_at'])
      .addSelect(['m.id AS meeting_id', 'm.title AS meeting_title', `to_char(m.held_on, 'YYYY-MM-DD') AS meeting_date`, 'p.id AS resolved_by', 'p.name AS resolved_by_name']);
    if (filter.id) query.andWhere('q.id = :id', { id: filter.id });
    if (filter.planId) query.andWhere('q.plan_id = :planId', { planId: filter.planId });
    if (filter.status) query.andWhere('q.status = :status', { status: filter.status });
    query.orderBy(`q.status = 'open'`, 'DESC').addOrderBy('m.held_on', 'DESC', 'NULLS LAST').addOrderBy('q.created_at').addOrderBy('q.position').addOrderBy('q.id');
    const rows: RawQuestion[] = await query.getRawMany();
    return rows.map(toView);
  }
}

interface RawQuestion {
  id: string;
  plan_id: string;
  question: string;
  sentence: string;
  place: Place;
  due: string | null;
  status: OpenQuestionStatus;
  action_id: string | null;
  closed_reason: string | null;
  resolved_at: Date | null;
  created_at: Date;
  meeting_id: string;
  meeting_title: string;
  meeting_date: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
}

function toView(r: RawQuestion): OpenQuestionView {
  return {
    id: r.id,
    planId: r.plan_id,
    question: r.question,
    sentence: r.sentence,
    place: r.place,
    due: r.due,
    status: r.status,
    meeting: { id: r.meeting_id, title: r.meeting_title, date: r.meeting_date },
    actionId: r.action_id,
    closedReason: r.closed_reason,
    resolvedBy: r.resolved_by ? { id: r.resolved_by, name: r.resolved_by_name ?? '' } : null,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
