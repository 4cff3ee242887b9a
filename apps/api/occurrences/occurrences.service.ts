import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { DomainError } from '../../../libs/domain/errors';
import { endOfDayInstant, isIsoDate } from '../../../libs/domain/schedule/dates';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { EscalationRepository } from '../../../libs/persistence/repositories/escalation.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { decide, OccurrenceAct, OccurrenceCommand, requireActFits } from '../../../libs/domain/occurrence/commands';
import { ReportingRoundRepository } from '../../../libs/persistence/repositories/reporting-round.repository';
import { mayAct } from '../../../libs/domain/occurrence/permissions';
import { paceOf } from '../../../libs/domain/quota/pace';
import type { OccurrenceState } from '../../../libs/domain/occurrence/state';
import { isOccurrenceStatus } from '../../../libs/domain/occurrence/status';
import { EscalationRow, OccurrenceFilter, OccurrenceReadRepository, OccurrenceView } from '../../../libs/persistence/repositories/occurrence-read.repository';
import { OccurrenceStateRepository } from '../../../libs/persistence/repositories/occurrence-state.repository';
import type { CurrentPersonInfo } from '../auth/current-person';
import { FollowUp, REQUEST_DEADLINE_MS } from '../engine/follow-up';
import type { FollowUpState } from '../engine/follow-up-state';
import { intents } from '../engine/intents';
import { OccurrenceUpdates, UpdateOutcome } from '../engine/occurrence-updates';
import { isTemporalUnreachable } from '../engine/temporal-failures';
import type { IdempotencyClaim } from '../idempotency/idempotency.service';
import { SubmitStatusReportRequest } from '../reporting/reporting.dto';
import {
  CompleteRequest,
  EscalationResponse,
  HistoryEntry,
  LogQuotaEntryRequest,
  OccurrencePage,
  OccurrenceResponse,
  PostponeRequest,
  QuotaEntryResponse,
  ReassignRequest,
  SkipRequest,
} from './occurrences.dto';
import { QuotaEntryRepository } from '../../../libs/persistence/repositories/quota-entry.repository';
import type { QuotaEntry } from '../../../libs/domain/occurrence/quota-log';

type PersonCommand = Exclude<OccurrenceCommand, { kind: 'cancel' | 'return' }>;

/**
 * What a change writes beside the occurrence's own row, in the same transaction: a status report's
 * assessment, a quota's logged time. `changed` says whether the occurrence itself changed.
 */
interface Alongside {
  write(db: EntityManager, at: string, changed: boolean): Promise<void>;
  /** The command checks the occurrence's kind itself (a status report is submitted, not completed). */
  checksKind?: boolean;
}

/**
 * Occurrences for people: lists, tasks, escalations, and the changes people make (complete,
 * postpone, skip, reassign), decided by libs/domain/occurrence against the database row.
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
      if (await new EscalationRepository(db).acknowledge(escalationId, person.id)) await new AuditRepository(db).append({ actorPersonId: person.id, entity: 'escalation', entityId: escalationId, action: 'acknowledged' });
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

  /**
   * The owners' status report in a reporting round: the assessment and comment are written with
   * the completion of its occurrence, in one transaction. A report already submitted stays as it
   * is (the same submission again is harmless); the coordinator can send it back for completion.
   */
  submitStatusReport(id: string, body: SubmitStatusReportRequest, person: CurrentPersonInfo) {
    let onBehalfOfPersonId: string | undefined;
    return this.act(
      id,
      'complete',
      person,
      async (occurrence) => {
        if (occurrence.kind !== 'status-report') throw new DomainError('INVALID_TRANSITION', 'This occurrence is a task, not a status report: complete it instead');
        onBehalfOfPersonId = this.onBehalfOf(occurrence, person);
        return { kind: 'complete', byPersonId: person.id, onBehalfOfPersonId, note: body.comment };
      },
      undefined,
      {
        checksKind: true,
        write: async (db, at, changed) => {
          const rounds = new ReportingRoundRepository(db);
          if (changed) {
            const submission = { assessment: body.assessment, comment: body.comment, links: body.links ?? [], byPersonId: person.id, onBehalfOfPersonId, at };
            return rounds.recordSubmission(id, submission);
          }
          const current = await rounds.statusReport(id);
          const same = current?.assessment === body.assessment && current?.comment === body.comment && (current?.links ?? []).join('\n') === (body.links ?? []).join('\n');
          if (!same) throw new DomainError('INVALID_TRANSITION', 'The status report is already submitted; the coordinator can send it back for completion');
        },
      },
    );
  }

  private onBehalfOf(occurrence: OccurrenceView, person: CurrentPersonInfo): string | undefined {
    return occurrence.ownerPersonIds.includes(person.id) ? undefined : occurrence.ownerPersonIds[0];
  }

  complete(id: string, body: CompleteRequest, person: CurrentPersonInfo) {
    return this.act(id, 'complete', person, async (occurrence) => ({
      kind: 'complete',
      byPersonId: person.id,
      onBehalfOfPersonId: this.onBehalfOf(occurrence, person),
      note: body.note,
      evidenceUrl: body.evidenceUrl,
    }));
  }

  /**
   * One time a quota's action happened, logged by its owner: written as a quota entry whether or
   * not it changes the occurrence (the time that reaches the target completes it).
   */
  logEntry(id: string, body: LogQuotaEntryRequest, person: CurrentPersonInfo, claim?: IdempotencyClaim) {
    let entry: QuotaEntry | undefined;
    return this.act(
      id,
      'log',
      person,
      async (occurrence) => {
        entry = { byPersonId: person.id, onBehalfOfPersonId: this.onBehalfOf(occurrence, person), happenedOn: body.happenedOn, note: body.note, evidenceUrl: body.evidenceUrl };
        return { kind: 'log', entry, timezone: occurrence.timezone };
      },
      claim,
      {
        write: async (db, at) => {
          await new QuotaEntryRepository(db).add(id, entry!, at);
          await new AuditRepository(db).append({ actorPersonId: person.id, entity: 'occurrence', entityId: id, action: 'logged', after: { happenedOn: body.happenedOn, note: body.note ?? null } });
        },
      },
    );
  }

  /** The times logged in a quota's period, newest first. */
  async entries(id: string): Promise<QuotaEntryResponse[]> {
    const occurrence = await this.occurrence(id);
    if (!occurrence.quota) throw new DomainError('INVALID_TRANSITION', 'This occurrence is not a quota: it has no logged times');
    return new QuotaEntryRepository(this.dataSource.manager).of(id);
  }

  postpone(id: string, body: PostponeRequest, person: CurrentPersonInfo, claim?: IdempotencyClaim) {
    return this.act(id, 'postpone', person, async (occurrence) => ({ kind: 'postpone', byPersonId: person.id, dueInstant: dueInstant(body.due, occurrence.timezone), reason: body.reason }), claim);
  }

  skip(id: string, body: SkipRequest, person: CurrentPersonInfo) {
    return this.act(id, 'skip', person, async () => ({ kind: 'skip', byPersonId: person.id, reason: body.reason }));
  }

  reassign(id: string, body: ReassignRequest, person: CurrentPersonInfo) {
    return this.act(id, 'reassign', person, async () => {
      const [target] = await new PersonRepository(this.dataSource.manager).activity([body.ownerPersonId]);
      if (!target) throw new DomainError('UNPROCESSABLE', 'No such person', [{ path: 'ownerPersonId', message: 'does not exist' }]);
      if (target.deactivated) throw new DomainError('UNPROCESSABLE', 'That person is deactivated', [{ path: 'ownerPersonId', message: 'deactivated' }]);
      return { kind: 'reassign', byPersonId: person.id, ownerPersonId: body.ownerPersonId };
    });
  }

  /**
   * A person's change to an occurrence: who may (libs/domain/occurrence), then the domain's rules
   * against the row under its lock, recorded with the message to the action's workflow (an
   * intent, so that it is carried out once Temporal answers if it does not now). The answer is the
   * occurrence as recorded: the change is in force at once, since the workflow's notices are
   * checked against the row; `followUp` says whether the workflow has heard of it yet.
   */
  private async act(
    id: string,
    act: OccurrenceAct,
    person: CurrentPersonInfo,
    command: (occurrence: OccurrenceView) => Promise<PersonCommand>,
    claim?: IdempotencyClaim,
    alongside?: Alongside,
  ): Promise<OccurrenceResponse> {
    const occurrence = await this.occurrence(id);
    await this.authorise(occurrence, act, person);
    if (!alongside?.checksKind) requireActFits(occurrence.kind, act);
    const wanted = await command(occurrence);
    if (occurrence.workflowId === null) {
      // The engine's first version never opened a quota: there is nothing to log in its occurrences.
      if (wanted.kind === 'log') throw new DomainError('INVALID_TRANSITION', 'Only a quota ("minst sex gånger per år") is logged time by time: complete this occurrence instead');
      return this.actOnFirstVersion(occurrence, wanted, claim);
    }
    const workflowId = occurrence.workflowId;
    const at = new Date().toISOString();
    const told = await this.dataSource.transaction(async (db) => {
      await claim?.take(db);
      const repository = new OccurrenceStateRepository(db);
      const [state] = await repository.lock([id]);
      const change = decide(state, wanted, at);
      if (change.transition) await repository.save({ state: change.state, transition: change.transition });
      await alongside?.write(db, at, Boolean(change.transition));
      if (change.transition) {
        await this.followUp.write(db, intents.occurrenceChanged(workflowId, change.state));
        await new AuditRepository(db).append({
          actorPersonId: person.id,
          entity: 'occurrence',
          entityId: id,
          planId: occurrence.planId,
          action: change.transition.kind,
          before: { title: occurrence.actionTitle, status: occurrence.status, due: occurrence.due },
          after: { title: occurrence.actionTitle, status: change.state.status, ...change.transition.data },
        });
      }
      await claim?.committed(db, response((await new OccurrenceReadRepository(db).byId(id))!, change.transition ? 'pending' : 'applied'));
      return Boolean(change.transition); // completed twice: the first completion stands, nothing to tell
    });
    // Not awaited: at a period end the workflows are busy, and the person need not wait for them.
    if (told) void this.followUp.carryOut([workflowId]);
    return this.get(id);
  }

  /**
   * An occurrence of the engine's first version: its own workflow decides, through an update.
   * A postponement is an intent (carried out once Temporal answers); complete, skip and reassign
   * are sent at once, and nothing is saved when Temporal is away (503).
   */
  private async actOnFirstVersion(occurrence: OccurrenceView, wanted: Exclude<PersonCommand, { kind: 'log' }>, claim?: IdempotencyClaim): Promise<OccurrenceResponse> {
    const { kind, ...args } = wanted;
    if (kind === 'complete' && occurrence.status === 'completed') return this.get(occurrence.id); // idempotent
    const ref = { id: occurrence.id, actionId: occurrence.actionId, periodKey: occurrence.periodKey };
    if (kind === 'postpone') {
      decide(stateOf(occurrence), wanted, new Date().toISOString()); // refused at once if the rules refuse it
      const intent = intents.updateOccurrence(this.updates.workflowIdOf(ref), { occurrence: ref, update: 'postpone', args });
      const intentId = await this.dataSource.transaction(async (db) => {
        await claim?.take(db);
        const written = await this.followUp.write(db, intent);
        await claim?.committed(db, response(occurrence, 'pending'));
        return written;
      });
      await this.followUp.carryOut([intent.workflowId]);
      const carried = await this.followUp.outcome(intentId);
      if (carried?.outcome === 'rejected') throw new DomainError('INVALID_TRANSITION', carried.lastError ?? 'The occurrence can no longer be postponed');
      return response(await this.occurrence(occurrence.id), carried?.outcome ? 'applied' : 'pending');
    }
    let result: UpdateOutcome;
    try {
      result = await this.updates.send(ref, kind, args, { deadlineMs: REQUEST_DEADLINE_MS });
    } catch (error) {
      if (isTemporalUnreachable(error)) throw new DomainError('ENGINE_UNAVAILABLE', 'The follow-up engine does not answer right now; nothing was changed. Try again in a moment');
      throw error;
    }
    if (result.outcome === 'rejected') throw new DomainError('INVALID_TRANSITION', result.message);
    if (result.outcome === 'gone') {
      const now = await this.occurrence(occurrence.id);
      if (kind === 'complete' && now.status === 'completed') return this.get(occurrence.id);
      throw new DomainError('INVALID_TRANSITION', `The occurrence is ${now.status} and can no longer change`);
    }
    return this.get(occurrence.id);
  }

  /** Its owners (and their substitutes), those it escalated to, and coordinators; nobody else. */
  async requireRelated(id: string, person: CurrentPersonInfo): Promise<void> {
    if (isCoordinator(person)) return;
    const relation = await this.reads().relation(id, person.id, this.today());
    if (!relation.owner && !relation.escalationTarget) throw new DomainError('FORBIDDEN', 'This status report is neither yours nor escalated to you');
  }

  private async authorise(occurrence: OccurrenceView, act: OccurrenceAct, person: CurrentPersonInfo): Promise<void> {
    const coordinator = isCoordinator(person);
    const relation = coordinator ? { owner: false, escalationTarget: false } : await this.reads().relation(occurrence.id, person.id, this.today());
    if (mayAct(act, { coordinator, ...relation })) return;
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
  const { timezone: _timezone, workflowId: _workflowId, quota, ...rest } = view;
  const progress = quota && { ...quota, pace: paceOf({ target: quota.target, count: quota.count, period: { startsAt: quota.periodStartsAt, endsAt: view.due } }, new Date().toISOString()) };
  return { ...rest, quota: progress, ...(followUp ? { followUp } : {}) };
}

/**
 * A first-version occurrence as the domain's rules see it, from the read model: enough to refuse a
 * change they refuse before it is sent (its workflow decides in the end).
 */
function stateOf(view: OccurrenceView): OccurrenceState {
  if (!isOccurrenceStatus(view.status)) throw new Error(`occurrence ${view.id} has an unknown status "${view.status}"`);
  return {
    id: view.id,
    periodKey: view.periodKey,
    status: view.status,
    dueInstant: view.due,
    owners: { personIds: view.ownerPersonIds, unitIds: view.ownerUnitIds },
    escalationStep: view.escalationLevel,
    generation: 0,
    armedAt: view.due,
    fired: [],
    version: 0,
  };
}
