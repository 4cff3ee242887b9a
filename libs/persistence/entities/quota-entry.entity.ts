import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One time a quota's action happened, as its owner logged it. */
@Entity({ name: 'quota_entry' })
export class QuotaEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'occurrence_id', type: 'uuid' })
  occurrenceId!: string;

  /** YYYY-MM-DD (pg's date, read as text). */
  @Column({ name: 'happened_on', type: 'date' })
  happenedOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'evidence_url', type: 'text', nullable: true })
  evidenceUrl!: string | null;

  @Column({ name: 'logged_by', type: 'uuid', nullable: true })
  loggedBy!: string | null;

  @Column({ name: 'logged_on_behalf_of', type: 'uuid', nullable: true })
  loggedOnBehalfOf!: string | null;

  /** The instant of the request (the caller's clock), not the database's: no default. */
  @Column({ name: 'logged_at', type: 'timestamptz' })
  loggedAt!: Date;
}
