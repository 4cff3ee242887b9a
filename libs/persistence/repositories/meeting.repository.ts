import { EntityManager } from 'typeorm';
import { MeetingEntity } from '../entities/meeting.entity';

export interface NewMeeting {
  planId: string;
  title: string;
  heldOn: string | null;
  nextMeetingOn: string | null;
  filename: string | null;
  textSha256: string;
  createdBy: string;
}

export interface MeetingSummary {
  id: string;
  title: string;
  heldOn: string | null;
  createdAt: string;
  actions: number;
  openQuestions: number;
}

/** The meetings whose minutes were read into a plan (an entity: plain rows, no raw SQL needed). */
export class MeetingRepository {
  constructor(private readonly db: EntityManager) {}

  async insert(meeting: NewMeeting): Promise<string> {
    const saved = await this.db.getRepository(MeetingEntity).save(this.db.getRepository(MeetingEntity).create(meeting));
    return saved.id;
  }

  byId(id: string): Promise<MeetingEntity | null> {
    return this.db.getRepository(MeetingEntity).findOneBy({ id });
  }

  /** The meeting these very minutes were read as before, if any. */
  readBefore(planId: string, textSha256: string): Promise<MeetingEntity | null> {
    return this.db.getRepository(MeetingEntity).findOneBy({ planId, textSha256 });
  }

  /** The plan's meetings, the latest held first, with how many actions and open questions each left. */
  async ofPlan(planId: string): Promise<MeetingSummary[]> {
    const rows: Array<{ id: string; title: string; held_on: string | null; created_at: Date; actions: string; open_questions: string }> = await this.db
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .select(['m.id AS id', 'm.title AS title', `to_char(m.held_on, 'YYYY-MM-DD') AS held_on`, 'm.created_at AS created_at'])
      .addSelect('(SELECT count(*) FROM action a WHERE a.source_meeting_id = m.id)', 'actions')
      .addSelect(`(SELECT count(*) FROM open_question q WHERE q.meeting_id = m.id AND q.status = 'open')`, 'open_questions')
      .where('m.plan_id = :planId', { planId })
      .orderBy('m.held_on', 'DESC', 'NULLS LAST')
      .addOrderBy('m.created_at', 'DESC')
      .getRawMany();
    return rows.map((r) => ({ id: r.id, title: r.title, heldOn: r.held_on, createdAt: new Date(r.created_at).toISOString(), actions: Number(r.actions), openQuestions: Number(r.open_questions) }));
  }
}
