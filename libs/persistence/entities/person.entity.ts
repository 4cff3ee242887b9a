import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['coordinator', 'owner', 'executive', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person of the organisation; a user when a password hash is set. */
@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: Role[];

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** Set when the person was deactivated: kept for history, but no sign-in and no notices. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The language of their notices and mails ('sv' or 'en', a CHECK). */
  @Column({ type: 'text', default: 'sv' })
  locale!: 'sv' | 'en';

  /** The identity provider's stable id of the person, recorded at their first sign-in through it. */
  @Column({ name: 'oidc_subject', type: 'text', nullable: true, unique: true })
  oidcSubject!: string | null;
}
