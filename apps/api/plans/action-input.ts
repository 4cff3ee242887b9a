import { EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { AreaRepository } from '../../../libs/persistence/repositories/area.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { UnitRepository } from '../../../libs/persistence/repositories/unit.repository';
import { duration } from '../../../libs/domain/escalation/notice-plan';
import { listOccurrences, toScheduleSpec } from '../../../libs/domain/schedule';
import type { ScheduleSpec } from '../../../libs/domain/schedule/types';
import { NoticePolicy, policyFrom } from '../../../workflows/contracts/policy';
import type { PolicyRequest, ScheduleRequest } from './plans.dto';

/** Reading an action's schedule, policy and owners from a request: all or nothing, with details. */
export function scheduleOf(request: ScheduleRequest, plan: { start_date: string; timezone: string }): ScheduleSpec {
  const form = request.due
    ? { due: request.due, target: request.target } // with a target, a quota whose periods end at the instants
    : request.rrule
      ? { rrule: request.rrule, start: request.start }
      : request.text !== undefined
        ? { text: request.text, when: request.when }
        : undefined;
  if (!form) throw new DomainError('VALIDATION_FAILED', 'A schedule is {text, when?}, {rrule, start} or {due: [instants]}', [{ path: 'schedule', message: 'no text, rrule or due' }]);
  const spec = toScheduleSpec(form, { from: plan.start_date, timezone: plan.timezone });
  if (spec.kind === 'unreadable') {
    throw new DomainError('SCHEDULE_UNREADABLE', 'The schedule could not be read; say it differently or give dates', spec.warnings.map((w) => ({ path: 'schedule', message: `${w.code}: ${w.message}` })));
  }
  return spec;
}

/**
 * A draft's schedule: as `scheduleOf` when it can be read, else what was understood of it (kind
 * `unreadable`, with the warnings), to be completed later; no schedule given at all is one too.
 */
export function draftableScheduleOf(request: ScheduleRequest | undefined, plan: { start_date: string; timezone: string }): ScheduleSpec {
  try {
    return scheduleOf(request ?? {}, plan);
  } catch (error) {
    if (!(error instanceof DomainError) || (error.code !== 'SCHEDULE_UNREADABLE' && error.code !== 'VALIDATION_FAILED')) throw error;
    const text = request?.text;
    return text !== undefined ? toScheduleSpec({ text, when: request?.when }, { from: plan.start_date, timezone: plan.timezone }) : { kind: 'unreadable', rule: null, warnings: [{ code: 'NO_SCHEDULE', message: 'No schedule given yet' }] };
  }
}

/** A given policy means exactly its durations; none means the plan default (decided at start). */
export function policyOf(request: PolicyRequest | undefined, fallback: NoticePolicy): NoticePolicy | null {
  if (!request) return null;
  const policy = policyFrom(request, fallback);
  const all = [...policy.remindBefore.map((d, i) => [`policy.remindBefore[${i}]`, d]), ...policy.escalateAfter.map((d, i) => [`policy.escalateAfter[${i}]`, d])];
  if (policy.repeatEvery) all.push(['policy.repeatEvery', policy.repeatEvery]);
  const bad = all.filter(([, d]) => !isDuration(d));
  if (bad.length) throw new DomainError('VALIDATION_FAILED', 'Durations are ISO 8601, e.g. P14D or PT30S', bad.map(([path, d]) => ({ path, message: `not an ISO 8601 duration: "${d}"` })));
  return policy;
}

function isDuration(iso: string): boolean {
  try {
    return duration(iso).as('milliseconds') >= 0;
  } catch {
    return false;
  }
}

/**
 * Owners must exist; a deactivated person cannot be made an owner (one who already owns the
 * action may stay, so that editing something else does not fail).
 */
export async function assertOwnersExist(db: EntityManager, owners: { ownerUnitIds?: string[]; ownerPersonIds?: string[] }, alreadyOwning: string[] = []): Promise<void> {
  const people = owners.ownerPersonIds ?? [];
  const found = await new PersonRepository(db).activity(people);
  const details = [
    ...(await new UnitRepository(db).missing(owners.ownerUnitIds ?? [])).map((id) => ({ path: 'ownerUnitIds', message: `no unit ${id}` })),
    ...people.filter((id) => !found.some((f) => f.id === id)).map((id) => ({ path: 'ownerPersonIds', message: `no person ${id}` })),
    ...found.filter((f) => f.deactivated && !alreadyOwning.includes(f.id)).map((f) => ({ path: 'ownerPersonIds', message: `person ${f.id} is deactivated` })),
  ];
  if (details.length) throw new DomainError('UNPROCESSABLE', 'Some owners do not exist or cannot own actions', details);
}

/** The area of that title (created last in the plan's order if new); none for no title. */
export async function areaId(db: EntityManager, planId: string, title: string | undefined | null): Promise<string | null> {
  if (!title?.trim()) return null;
  return new AreaRepository(db).findOrCreate(planId, title.trim());
}

/** The next due dates of a schedule, for people to see what was understood. */
export function nextDue(schedule: ScheduleSpec, timezone: string, now = new Date(), count = 3): string[] {
  if (!schedule.rule) return [];
  return listOccurrences(schedule, { after: now.toISOString(), count, timezone }).map((o) => o.due);
}
