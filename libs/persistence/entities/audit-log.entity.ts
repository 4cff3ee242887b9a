import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only audit log (a trigger refuses UPDATE and DELETE): read through this entity only;
 * AuditRepository.append writes it. bigserial ids come back from pg as strings.
 */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** No foreign key: the entry outlives the person. */
  @Column({ name: 'actor_person_id', type: 'uuid', nullable: true })
  actorPersonId!: string | null;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;
}
