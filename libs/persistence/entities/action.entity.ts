import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionStatus } from '../../domain/action/lifecycle';
import type { NoticePolicy } from '../../domain/escalation/policy';
import type { Place } from '../../domain/minutes/types';
import type { ScheduleSpec } from '../../domain/schedule/types';

/** An action (åtgärd) of a plan: what is to be done, when (its schedule) and by whom. */
@Entity({ name: 'action' })
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ name: 'area_id', type: 'uuid', nullable: true })
  areaId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'when_text', type: 'text', nullable: true })
  whenText!: string | null;

  /** What the user entered, as the form sent it (the repository types it as object too). */
  @Column({ name: 'schedule_input', type: 'jsonb' })
  scheduleInput!: object;

  @Column({ type: 'jsonb' })
  schedule!: ScheduleSpec;

  @Column({ type: 'jsonb', nullable: true })
  policy!: NoticePolicy | null;

  @Column({ name: 'owner_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ownerUnitIds!: string[];

  @Column({ name: 'owner_person_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ownerPersonIds!: string[];

  @Column({ type: 'text', default: 'active' })
  status!: ActionStatus;

  @Column({ type: 'int', default: 0 })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set by the statements that change the action (no @UpdateDateColumn: raw SQL writes it too). */
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** The meeting and paragraph it was read from (issue 15), when it came out of minutes. */
  @Column({ name: 'source_meeting_id', type: 'uuid', nullable: true })
  sourceMeetingId!: string | null;

  @Column({ name: 'source_place', type: 'jsonb', nullable: true })
  sourcePlace!: Place | null;

  @Column({ name: 'source_sentence', type: 'text', nullable: true })
  sourceSentence!: string | null;
}
