import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { DomainError } from '../../../libs/domain/errors';
import { CalendarFeed, CalendarFeedRepository } from '../../../libs/persistence/repositories/calendar-feed.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import { occurrencesCalendar } from './ical';

const PLAN_FEED_ROLES = ['coordinator', 'admin'];

/** Creates, revokes and renders calendar feeds behind secret, revocable URLs. */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  /** A person's own feed, or (coordinators) a plan's feed. The token is shown once, in the URL. */
  async create(person: { id: string; roles: string[] }, planId?: string): Promise<CalendarFeed & { url: string }> {
    const repo = new CalendarFeedRepository(this.dataSource.manager);
    if (planId) {
      if (!person.roles.some((r) => PLAN_FEED_ROLES.includes(r))) throw new DomainError('FORBIDDEN', 'Only a coordinator can subscribe to a plan’s calendar');
      if (!(await repo.planExists(planId))) throw new DomainError('NOT_FOUND', 'No such plan', [{ path: 'planId', message: planId }]);
    }
    const token = randomBytes(24).toString('base64url');
    const feed = await repo.create(person.id, planId ?? null, hashToken(token));
    return { ...feed, url: `${this.config.publicUrl}/api/calendar/${token}.ics` };
  }

  list(personId: string): Promise<CalendarFeed[]> {
    return new CalendarFeedRepository(this.dataSource.manager).listOf(personId);
  }

  async revoke(personId: string, id: string): Promise<void> {
    if (!(await new CalendarFeedRepository(this.dataSource.manager).revoke(personId, id))) throw new DomainError('NOT_FOUND', 'No such calendar feed', [{ path: 'id', message: id }]);
  }

  /**
   * The feed's iCalendar text; NOT_FOUND for an unknown or revoked token (nothing is revealed),
   * and also when its owner may no longer read it: a deactivated person's feeds, and a plan's
   * feed whose owner is no longer a coordinator. The URL is a credential; it answers only while
   * what it was given for still holds.
   */
  async render(token: string): Promise<string> {
    const repo = new CalendarFeedRepository(this.dataSource.manager);
    const feed = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await repo.byTokenHash(hashToken(token)) : undefined;
    const owner = feed && (await new PersonRepository(this.dataSource.manager).byId(feed.personId));
    const allowed = owner && !owner.deactivatedAt && (!feed.planId || owner.roles.some((r) => PLAN_FEED_ROLES.includes(r)));
    if (!feed || !allowed) throw new DomainError('NOT_FOUND', 'No such calendar feed');
    const locale = await new PersonRepository(this.dataSource.manager).locale(feed.personId);
    const occurrences = feed.planId ? await repo.occurrencesOfPlan(feed.planId) : await repo.occurrencesOfPerson(feed.personId);
    const plan = feed.planId ? await new PlanRepository(this.dataSource.manager).find(feed.planId) : undefined;
    const name = plan ? `Bevaka: ${plan.title}` : locale === 'sv' ? 'Bevaka: mina uppgifter' : 'Bevaka: my tasks';
    return occurrencesCalendar(occurrences, { name, timezone: this.config.timezone, publicUrl: this.config.publicUrl, locale });
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
