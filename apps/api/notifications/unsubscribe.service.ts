import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { Delivery, NotificationPreferenceRepository, NotificationPreferences, PREFERENCE_KINDS, PreferenceKind } from '../../../libs/persistence/repositories/notification-preference.repository';
import { UNSUBSCRIBE_TOKEN, UnsubscribeTokenRepository } from '../../../libs/persistence/repositories/unsubscribe-token.repository';

/**
 * What "Unsubscribe" in a mail client does to the reader's choices: no more notice mail, as the
 * button promises — except escalations, which always arrive (the preferences' rule, held by the
 * database too), so they go to the daily digest, the least mail there is. Every notice stays in
 * the app's list, and the preferences page (in every mail's footer) turns mail on again.
 */
export const UNSUBSCRIBED: Record<PreferenceKind, Delivery> = Object.fromEntries(PREFERENCE_KINDS.map((kind) => [kind, kind === 'escalation' ? 'digest' : 'off'])) as Record<
  PreferenceKind,
  Delivery
>;

/** The one-click unsubscribe of RFC 8058: the token in the mail's List-Unsubscribe URL is the only credential. */
@Injectable()
export class UnsubscribeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Sets the token's reader to UNSUBSCRIBED; the same again changes nothing (mail clients may
   * repeat the POST). A malformed token is refused as such, an unknown one (or a deactivated
   * person's) as not found; neither writes anything.
   */
  async unsubscribe(token: unknown): Promise<Pick<NotificationPreferences, 'kinds'>> {
    if (typeof token !== 'string' || !UNSUBSCRIBE_TOKEN.test(token)) {
      throw new DomainError('VALIDATION_FAILED', 'token must be the one in the link of a mail from Bevaka', [{ path: 'token', message: 'not an unsubscribe token' }]);
    }
    return this.dataSource.transaction(async (db) => {
      const personId = await new UnsubscribeTokenRepository(db).activePersonOf(token);
      if (!personId) throw new DomainError('NOT_FOUND', 'No such unsubscribe link', [{ path: 'token', message: 'unknown' }]);
      const preferences = new NotificationPreferenceRepository(db);
      await preferences.set(personId, { kinds: UNSUBSCRIBED });
      const now = await preferences.get(personId);
      return { kinds: now!.kinds };
    });
  }
}
