import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The states of a notice's e-mail (see the notifications migration and MailSender). */
export type MailState = 'pending' | 'queued' | 'claimed' | 'transmitting' | 'sent' | 'presumed-sent' | 'failed' | 'off' | 'in-app';

/** The notification outbox: one row per notice and recipient, unique by dedupe key. */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey!: string;

  @Column({ name: 'recipient_person_id', type: 'uuid' })
  recipientPersonId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId!: string | null;

  @Column({ name: 'occurrence_id', type: 'uuid', nullable: true })
  occurrenceId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'mail_state', type: 'text', default: 'pending' })
  mailState!: MailState;

  @Column({ name: 'mail_due_at', type: 'timestamptz', nullable: true })
  mailDueAt!: Date | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId!: string | null;

  @Column({ name: 'digest_key', type: 'text', nullable: true })
  digestKey!: string | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
