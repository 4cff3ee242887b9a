import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of an occurrence's escalation ladder, unique per (occurrence, generation, step). */
@Entity({ name: 'escalation' })
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'occurrence_id', type: 'uuid' })
  occurrenceId!: string;

  @Column({ type: 'int' })
  generation!: number;

  @Column({ type: 'int' })
  step!: number;

  @Column({ name: 'target_person_id', type: 'uuid', nullable: true })
  targetPersonId!: string | null;

  @Column({ name: 'target_unit_id', type: 'uuid', nullable: true })
  targetUnitId!: string | null;

  @Column({ name: 'escalated_at', type: 'timestamptz' })
  escalatedAt!: Date;

  /** clock_timestamp(): when the row was written, which may be later than escalated_at. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt!: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;
}
