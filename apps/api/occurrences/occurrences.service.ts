import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { DomainError } from '../../../libs/domain/errors';
import { endOfDayInstant, isIsoDate } from '../../../libs/domain/schedule/dates';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { EscalationRow, OccurrenceFilter, OccurrenceReadRepository, OccurrenceView, OPEN_STATUSES } from '../../../libs/persistence/repositories/occurrence-read.repository';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp, REQUEST_DEADLINE_MS } from '../engine/follow-up';
import type { FollowUpState } from '../engine/follow-up-state';
import { intents } from '../engine/intents';
import { OccurrenceUpdateName, OccurrenceUpdates, UpdateOutcome } from '../engine/occurrence-updates';
import { isTemporalUnreachable } from '../engine/temporal-failures';
import type { IdempotencyClaim } from '../idempotency/idempotency.service';
import { CompleteRequest, EscalationResponse, HistoryEntry, OccurrencePage, OccurrenceResponse, PostponeRequest, ReassignRequest, SkipRequest } from './occurrences.dto';

type Act = OccurrenceUpdateName;

/** Who may do what to an occurrence, besides coordinators and admins (who may do everything). */
const ALLOWED: Record<Act, Array<'owner' | 'escalationTarget'>> = {
  complete: ['owner', 'escalationTarget'],
  postpone: ['owner', 'escalationTarget'],
  skip: ['escalationTarget'],
  reassign: ['escalationTarget'],
};

/**
 * Occurrence changes go to the workflow that holds the occurrence as updates (OccurrenceUpdates),
 * whose validators decide what is allowed in its current state; the handler has written the change
 * to PostgreSQL before the update returns, so the row read afterwards is the occurrence as it now
 * is. A postponement is also written as an intent first, so that it is carried out once Temporal
 * answers even if it does not answer now.
 */
@Injectable()
export class OccurrencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly updates: OccurrenceUpdates,
    private readonly followUp: FollowUp,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  async list(filter: OccurrenceFilter, page = 1, pageSize = 50): Promise<OccurrencePage> {
    const { items, total } = await this.reads().page(filter, page, pageSize);
    return { items: items.map((view) => response(view)), total, page, pageSize };
  }

  async get(id: string): Promise<OccurrenceResponse> {
    return response(await this.occurrence(id), (await this.followUp.of([id]))(id));
  }

  async history(id: string): Promise<HistoryEntry[]> {
    await this.occurrence(id);
    return (await this.reads().history(id)).map((h) => ({ at: new Date(h.at).toISOString(), type: h.type, kind: h.kind, person: h.person, data: h.data }));
  }

  async tasks(person: CurrentPersonInfo): Promise<OccurrenceResponse[]> {
    return (await this.reads().tasksOf(person.id, this.today())).map((view) => response(view));
  }

  async escalations(person: CurrentPersonInfo): Promise<EscalationResponse[]> {
    const rows = await this.reads().escalationsTo(person.id, this.today());
    return Promise.all(rows.map((row) => this.escalationResponse(row)));
  }

  async acknowledge(escalationId: string, person: CurrentPersonInfo): Promise<EscalationResponse> {
    const escalation = await this.reads().escalation(escalationId);
    if (!escalation) throw new DomainError('NOT_FOUND', 'No such escalation');
    const target = await this.reads().isEscalationTarget(escalationId, person.id, this.today());
    if (!target && !isCoordinator(person)) throw new DomainError('FORBIDDEN', 'Only the person it escalated to (or their substitute) can acknowledge it');
    await this.dataSource.transaction(async (db) => {
      const changed = await db.query('UPDATE escalation SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id', [escalationId, person.id]);
      if (changed.length) await new AuditRepository(db).append({ actorPersonId: person.id, entity: 'escalation', entityId: escalationId, action: 'acknowledged' });
    });
    return this.escalationResponse((await this.reads().escalation(escalationId))!);
  }

  private async escalationResponse(row: EscalationRow): Promise<EscalationResponse> {
    const occurrence = await this.occurrence(row.occurrence_id);
    return {
      id: row.id,
      step: row.step,
      escalatedAt: new Date(row.escalated_at).toISOString(),
      acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at).toISOString() : null,
      lateSeconds: Math.max(0, Math.round((Date.now() - Date.parse(occurrence.due)) / 1000)),
      occurrence: response(occurrence),
      owners: row.owner_names,
    };
  }

  complete(id: string, body: CompleteRequest, person: CurrentPersonInfo) {
    return this.act(id, 'complete', person, async (occurrence) => {
      const onBehalfOf = occurrence.ownerPersonIds.includes(person.id) ? undefined : occurrence.ownerPersonIds[0];
      return { byPersonId: person.id, onBehalfOfPersonId: onBehalfOf, note: body.note, evidenceUrl: body.evidenceUrl };
    });
  }

  /**
   * Checked against the read model first (a refusal is a 4xx at once), then written as an intent
   * and sent at once. When Temporal does not answer, the answer is the occurrence as it is, with
   * `followUp: "pending"`: the reconciler carries the postponement out when Temporal is back.
   */
  async postpone(id: string, body: PostponeRequest, person: CurrentPersonInfo, claim?: IdempotencyClaim): Promise<OccurrenceResponse> {
    const occurrence = await this.occurrence(id);
    await this.authorise(occurrence, 'postpone', person);
    if (!OPEN_STATUSES.includes(occurrence.status)) throw new DomainError('INVALID_TRANSITION', `The occurrence is already ${occurrence.status}`);
    const due = dueInstant(body.due, occurrence.timezone);
    if (Date.parse(due) <= Date.now()) throw new DomainError('INVALID_TRANSITION', 'The new due date must be in the future', [{ path: 'due', message: 'in the past' }]);
    const intent = intents.updateOccurrence(this.updates.workflowIdOf(occurrence), {
      occurrence: { id, actionId: occurrence.actionId, periodKey: occurrence.periodKey },
      update: 'postpone',
      args: { byPersonId: person.id, dueInstant: due, reason: body.reason },
    });
    const intentId = await this.dataSource.transaction(async (db) => {
      await claim?.take(db);
      const written = await this.followUp.write(db, intent);
      await claim?.committed(db, response(occurrence, 'pending'));
      return written;
    });
    await this.followUp.carryOut([intent.workflowId]);
    const carried = await this.followUp.outcome(intentId);
    if (carried?.outcome === 'rejected') throw new DomainError('INVALID_TRANSITION', carried.lastError ?? 'The occurrence can no longer be postponed');
    return response(await this.occurrence(id), carried?.outcome ? 'applied' : 'pending');
  }

  skip(id: string, body: SkipRequest, person: CurrentPersonInfo) {
    return this.act(id, 'skip', person, async () => ({ byPersonId: person.id, reason: body.reason }));
  }

  reassign(id: string, body: ReassignRequest, person: CurrentPersonInfo) {
    return this.act(id, 'reassign', person, async () => {
      const [target] = await this.dataSource.query('SELECT 1 FROM person WHERE id = $1', [body.ownerPersonId]);
      if (!target) throw new DomainError('UNPROCESSABLE', 'No such person', [{ path: 'ownerPersonId', message: 'does not exist' }]);
      return { byPersonId: person.id, ownerPersonId: body.ownerPersonId };
    });
  }

  /** Complete, skip, reassign: sent straight to the workflow; nothing is saved when Temporal is away (503). */
  private async act(id: string, act: Exclude<Act, 'postpone'>, person: CurrentPersonInfo, request: (occurrence: OccurrenceView) => Promise<object>): Promise<OccurrenceResponse> {
    const occurrence = await this.occurrence(id);
    await this.authorise(occurrence, act, person);
    if (act === 'complete' && occurrence.status === 'completed') return this.get(id); // idempotent
    const args = await request(occurrence);
    let result: UpdateOutcome;
    try {
      result = await this.updates.send(occurrence, act, args, { deadlineMs: REQUEST_DEADLINE_MS });
    } catch (error) {
      if (isTemporalUnreachable(error)) throw new DomainError('ENGINE_UNAVAILABLE', 'The follow-up engine does not answer right now; nothing was changed. Try again in a moment');
      throw error;
    }
    if (result.outcome === 'rejected') throw new DomainError('INVALID_TRANSITION', result.message);
    if (result.outcome === 'gone') {
      const now = await this.occurrence(id);
      if (act === 'complete' && now.status === 'completed') return this.get(id);
      throw new DomainError('INVALID_TRANSITION', `The occurrence is ${now.status} and can no longer change`);
    }
    return this.get(id);
  }

  private async authorise(occurrence: OccurrenceView, act: Act, person: CurrentPersonInfo): Promise<void> {
    if (isCoordinator(person)) return;
    const relation = await this.reads().relation(occurrence.id, person.id, this.today());
    if (ALLOWED[act].some((r) => relation[r])) return;
    throw new DomainError('FORBIDDEN', `You may not ${act} this occurrence: it is neither yours nor escalated to you`);
  }

  private async occurrence(id: string): Promise<OccurrenceView> {
    const occurrence = await this.reads().byId(id);
    if (!occurrence) throw new DomainError('NOT_FOUND', 'No such occurrence');
    return occurrence;
  }

  private reads(): OccurrenceReadRepository {
    return new OccurrenceReadRepository(this.dataSource.manager);
  }

  private today(): string {
    return DateTime.now().setZone(this.config.timezone).toISODate() as string;
  }
}

function isCoordinator(person: CurrentPersonInfo): boolean {
  return person.roles.includes('coordinator') || person.roles.includes('admin');
}

/** A date means the end of that day in the plan's timezone; anything else must be an ISO instant. */
function dueInstant(due: string, timezone: string): string {
  if (isIsoDate(due)) return endOfDayInstant(due, timezone);
  const instant = DateTime.fromISO(due, { setZone: true });
  if (!instant.isValid) throw new DomainError('VALIDATION_FAILED', `Not a date or ISO date-time: "${due}"`, [{ path: 'due', message: 'unreadable' }]);
  return instant.toUTC().toISO() as string;
}

function response(view: OccurrenceView, followUp?: FollowUpState): OccurrenceResponse {
  const { timezone: _timezone, ...rest } = view;
  return followUp ? { ...rest, followUp } : rest;
}
