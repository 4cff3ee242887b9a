import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OccurrenceKind, OccurrenceStatus } from '../../domain/occurrence/status';

/**
 * One period of an action (or a status report of a reporting round): its due instant, status and
 * owners. The engine changes it under a row lock in occurrence-state.repository (raw SQL there).
 */
@Entity({ name: 'occurrence' })
export class OccurrenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ name: 'period_key', type: 'text' })
  periodKey!: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'original_due_at', type: 'timestamptz' })
  originalDueAt!: Date;

  @Column({ type: 'text' })
  status!: OccurrenceStatus;

  @Column({ name: 'owner_person_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ownerPersonIds!: string[];

  @Column({ name: 'owner_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ownerUnitIds!: string[];

  @Column({ name: 'escalation_level', type: 'int', default: 0 })
  escalationLevel!: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy!: string | null;

  @Column({ name: 'completed_on_behalf_of', type: 'uuid', nullable: true })
  completedOnBehalfOf!: string | null;

  @Column({ name: 'completed_on_time', type: 'boolean', nullable: true })
  completedOnTime!: boolean | null;

  @Column({ name: 'completion_note', type: 'text', nullable: true })
  completionNote!: string | null;

  @Column({ name: 'evidence_url', type: 'text', nullable: true })
  evidenceUrl!: string | null;

  @Column({ name: 'skip_reason', type: 'text', nullable: true })
  skipReason!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'last_sequence', type: 'int', default: 0 })
  lastSequence!: number;

  /** NULL: followed by a first-version `occurrence:<action>:<period>` workflow. */
  @Column({ name: 'workflow_id', type: 'text', nullable: true })
  workflowId!: string | null;

  @Column({ type: 'int', default: 0 })
  generation!: number;

  @Column({ name: 'armed_at', type: 'timestamptz', nullable: true })
  armedAt!: Date | null;

  @Column({ type: 'text', default: 'task' })
  kind!: OccurrenceKind;

  /** Set exactly when kind is 'status-report' (a CHECK). */
  @Column({ name: 'round_id', type: 'uuid', nullable: true })
  roundId!: string | null;

  /** Both set or both NULL (a CHECK): a quota's target and the instant its period starts. */
  @Column({ name: 'quota_target', type: 'int', nullable: true })
  quotaTarget!: number | null;

  @Column({ name: 'quota_starts_at', type: 'timestamptz', nullable: true })
  quotaStartsAt!: Date | null;
}
