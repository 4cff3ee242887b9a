import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OpenQuestionStatus } from '../../domain/minutes/open-question';
import type { Place } from '../../domain/minutes/types';

/** An open question a meeting left ("Vem driver frågan vidare?"): on the balance list until assigned or closed. */
@Entity({ name: 'open_question' })
export class OpenQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text' })
  sentence!: string;

  @Column({ type: 'jsonb' })
  place!: Place;

  @Column({ type: 'int', default: 0 })
  position!: number;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: OpenQuestionStatus;

  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId!: string | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
