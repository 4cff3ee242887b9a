import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticePolicy } from '../../domain/escalation/policy';

/** A plan (handlingsplan): its facts, its default notice policy, and whether it is archived. */
@Entity({ name: 'plan' })
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  /** YYYY-MM-DD (pg's date, read as text). */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ type: 'text', default: 'Europe/Stockholm' })
  timezone!: string;

  @Column({ name: 'reporting_cadence', type: 'text', default: 'half-yearly' })
  reportingCadence!: string;

  @Column({ type: 'jsonb', nullable: true })
  policy!: NoticePolicy | null;

  /** Never written by the API today; kept so the entity maps the whole table. */
  @Column({ type: 'jsonb', nullable: true })
  decision!: unknown;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** A CHECK keeps archive_reason NULL unless archived_at is set. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'archive_reason', type: 'text', nullable: true })
  archiveReason!: string | null;
}
