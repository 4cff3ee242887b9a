import { EntityManager } from 'typeorm';

export const PREFERENCE_KINDS = ['reminder', 'overdue', 'escalation', 'repeat', 'status-request', 'postponed', 'completed'] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];
export const DELIVERIES = ['immediate', 'digest', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export interface NotificationPreferences {
  locale: 'sv' | 'en';
  kinds: Record<PreferenceKind, Delivery>;
}

/** The preference kind of an outbox kind: every escalation step shares one choice. */
export function preferenceKindOf(kind: string): string {
  return kind.startsWith('escalation-') ? 'escalation' : kind;
}

/**
 * How each person wants each kind of notice by e-mail (in the app, every notice is listed).
 * Raw SQL: a preference is written with an ON CONFLICT upsert on (person, kind).
 */
export class NotificationPreferenceRepository {
  constructor(private readonly db: EntityManager) {}

  async get(personId: string): Promise<NotificationPreferences | undefined> {
    const [person] = await this.db.query('SELECT locale FROM person WHERE id = $1', [personId]);
    if (!person) return undefined;
    const rows: Array<{ kind: PreferenceKind; delivery: Delivery }> = await this.db.query('SELECT kind, delivery FROM notification_preference WHERE person_id = $1', [personId]);
    const kinds = Object.fromEntries(PREFERENCE_KINDS.map((k) => [k, 'immediate'])) as Record<PreferenceKind, Delivery>;
    for (const row of rows) if (row.kind in kinds) kinds[row.kind] = row.delivery;
    return { locale: person.locale, kinds };
  }

  async set(personId: string, change: { locale?: 'sv' | 'en'; kinds?: Partial<Record<PreferenceKind, Delivery>> }): Promise<void> {
    if (change.locale) await this.db.query('UPDATE person SET locale = $2 WHERE id = $1', [personId, change.locale]);
    for (const [kind, delivery] of Object.entries(change.kinds ?? {})) {
      if (delivery === undefined) continue; // a validated request body declares every kind, given or not
      await this.db.query(
        `INSERT INTO notification_preference (person_id, kind, delivery) VALUES ($1, $2, $3)
         ON CONFLICT (person_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
        [personId, kind, delivery],
      );
    }
  }
}
