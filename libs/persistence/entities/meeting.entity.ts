import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A meeting whose minutes were read into a plan: its actions and open questions point to it. */
@Entity({ name: 'meeting' })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'text' })
  title!: string;

  /** YYYY-MM-DD (pg's date, read as text). */
  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn!: string | null;

  @Column({ name: 'next_meeting_on', type: 'date', nullable: true })
  nextMeetingOn!: string | null;

  @Column({ type: 'text', nullable: true })
  filename!: string | null;

  @Column({ name: 'text_sha256', type: 'text' })
  textSha256!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
