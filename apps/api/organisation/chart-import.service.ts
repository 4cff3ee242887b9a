import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { DomainError } from '../../../libs/domain/errors';
import type { PlanDocument } from '../../../libs/domain/import';
import { ChartPreview, CurrentChart, DeactivationChoice, DiffOptions, MissingPerson, peopleToDeactivate, previewChart } from '../../../libs/domain/organisation/chart-diff';
import { key, readChartFile } from '../../../libs/domain/organisation/chart-import';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { SessionRepository } from '../../../libs/persistence/repositories/session.repository';
import { UnitRepository } from '../../../libs/persistence/repositories/unit.repository';
import { DEFAULT_ADMIN_EMAIL } from '../auth/admin-bootstrap.service';
import type { CurrentPersonInfo } from '../auth/current-person';
import { PlanParser } from '../plans/plan-parser';

export interface ChartApplied {
  units: { created: number; changed: number };
  people: { created: number; changed: number; deactivated: number };
}

export interface ChartImportResult extends ChartPreview {
  /** After the commit: what was written. */
  applied?: ChartApplied;
}

/**
 * The organisation chart imported from a table (an HR export, a spreadsheet): read in the
 * document workers within the import limits, compared by libs/domain/organisation with the chart
 * as it is, shown as a preview, and written in one transaction only when the coordinator confirms
 * and no row has a problem. The comparison is made again inside the transaction, under the chart
 * lock: the preview may be old. People missing from the file are deactivated only when the commit
 * says so.
 */
@Injectable()
export class ChartImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parser: PlanParser,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  async preview(document: PlanDocument, actor: CurrentPersonInfo): Promise<ChartImportResult> {
    const file = readChartFile(await this.parser.readTable(document));
    return previewChart(file, await currentChart(this.dataSource.manager), this.options(actor));
  }

  async commit(document: PlanDocument, actor: CurrentPersonInfo, choice: DeactivationChoice): Promise<ChartImportResult> {
    const file = readChartFile(await this.parser.readTable(document));
    return this.dataSource.transaction(async (db) => {
      await new UnitRepository(db).lockChart(); // two imports at once would both add the same new unit
      const chart = await currentChart(db);
      const preview = previewChart(file, chart, this.options(actor));
      if (preview.problems.length > 0) {
        throw new DomainError('UNPROCESSABLE', `${preview.problems.length} rows cannot be imported; nothing was saved`, preview.problems.slice(0, 50).map((p) => ({ path: `row ${p.row}`, message: p.message })));
      }
      const leaving = peopleToDeactivate(preview.people.missing, choice);
      const applied = await new ChartWriter(db, actor, chart).write(preview, leaving);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'organisation', entityId: 'chart', action: 'imported', after: { filename: document.filename ?? null, ...applied, warnings: preview.warnings.length } });
      return { ...preview, applied };
    });
  }

  private options(actor: CurrentPersonInfo): DiffOptions {
    return { actorId: actor.id, bevakaAdminEmail: this.config.admin.email ?? DEFAULT_ADMIN_EMAIL };
  }
}

async function currentChart(db: EntityManager): Promise<CurrentChart> {
  const [units, people] = await Promise.all([new UnitRepository(db).list(), new PersonRepository(db).list()]);
  return { units, people };
}

/** Writes a preview in the caller's transaction, an audit entry per unit and person it touches. */
class ChartWriter {
  private readonly units: UnitRepository;
  private readonly people: PersonRepository;
  private readonly audit: AuditRepository;
  private readonly unitIds: Map<string, string>;
  private readonly personIds: Map<string, string>;

  constructor(
    private readonly db: EntityManager,
    private readonly actor: CurrentPersonInfo,
    private readonly chart: CurrentChart,
  ) {
    this.units = new UnitRepository(db);
    this.people = new PersonRepository(db);
    this.audit = new AuditRepository(db);
    this.unitIds = new Map([...chart.units].reverse().map((u) => [key(u.name), u.id])); // the first of a name wins, as in the diff
    this.personIds = new Map(chart.people.map((p) => [key(p.email), p.id]));
  }

  async write(preview: ChartPreview, leaving: readonly MissingPerson[]): Promise<ChartApplied> {
    for (const unit of preview.units.new) await this.createUnit(unit);
    for (const person of preview.people.new) await this.createPerson(person);
    for (const change of preview.people.changed) await this.changePerson(change);
    for (const change of preview.units.changed) await this.changeUnit(change);
    for (const unit of preview.units.new.filter((u) => u.head)) await this.units.update(this.unitIds.get(key(unit.name))!, { name: unit.name, headPersonId: this.personIds.get(unit.head!)! });
    for (const person of leaving) await this.deactivate(person);
    return {
      units: { created: preview.units.new.length, changed: preview.units.changed.length },
      people: { created: preview.people.new.length, changed: preview.people.changed.length, deactivated: leaving.length },
    };
  }

  private unitId(name: string | null | undefined): string | null {
    return name ? (this.unitIds.get(key(name)) ?? null) : null;
  }

  private async createUnit(unit: ChartPreview['units']['new'][number]): Promise<void> {
    const id = await this.units.insert({ name: unit.name, parentId: this.unitId(unit.parent), headPersonId: null });
    this.unitIds.set(key(unit.name), id);
    await this.audit.append({ actorPersonId: this.actor.id, entity: 'unit', entityId: id, action: 'imported', after: { name: unit.name, parent: unit.parent, head: unit.head } });
  }

  private async createPerson(person: ChartPreview['people']['new'][number]): Promise<void> {
    // Imported people have no password: they sign in once an admin sets one (or through the
    // municipality's identity provider).
    const id = await this.people.insert({ name: person.name, email: person.email, unitId: this.unitId(person.unit), roles: person.roles, passwordHash: null });
    if (!id) throw new DomainError('CONFLICT', `${person.email} was added by someone else meanwhile; import again`, [{ path: `row ${person.row}`, message: 'taken' }]);
    this.personIds.set(person.email, id);
    await this.audit.append({ actorPersonId: this.actor.id, entity: 'person', entityId: id, action: 'imported', after: { name: person.name, email: person.email, unit: person.unit, roles: person.roles } });
  }

  private async changePerson(change: ChartPreview['people']['changed'][number]): Promise<void> {
    const before = this.chart.people.find((p) => p.id === change.id)!;
    const { name, unit, roles } = change.set;
    if (name || unit || roles) await this.people.update(change.id, { name: name ?? before.name, roles: roles ?? [...before.roles], unitId: unit ? this.unitId(unit) : undefined });
    // A role taken away must not live on in a session signed in before.
    const sessionsEnded = roles ? await new SessionRepository(this.db).revokeAllOf(change.id) : 0;
    await this.audit.append({ actorPersonId: this.actor.id, entity: 'person', entityId: change.id, action: 'changed by import', before: fieldsOf(change.changes, 'from'), after: { ...fieldsOf(change.changes, 'to'), ...(roles ? { sessionsEnded } : {}) } });
  }

  private async changeUnit(change: ChartPreview['units']['changed'][number]): Promise<void> {
    const { parent, head } = change.set;
    await this.units.update(change.id, { name: change.name, ...(parent ? { parentId: this.unitId(parent) } : {}), ...(head ? { headPersonId: this.personIds.get(head)! } : {}) });
    await this.audit.append({ actorPersonId: this.actor.id, entity: 'unit', entityId: change.id, action: 'changed by import', before: fieldsOf(change.changes, 'from'), after: fieldsOf(change.changes, 'to') });
  }

  private async deactivate(person: MissingPerson): Promise<void> {
    await this.people.setDeactivated(person.id, true);
    const sessionsEnded = await new SessionRepository(this.db).revokeAllOf(person.id);
    await this.audit.append({ actorPersonId: this.actor.id, entity: 'person', entityId: person.id, action: 'deactivated by import', before: { name: person.name, email: person.email, unit: person.unit }, after: { sessionsEnded } });
  }
}

function fieldsOf(changes: ReadonlyArray<{ field: string; from: string | null; to: string | null }>, side: 'from' | 'to'): Record<string, string | null> {
  return Object.fromEntries(changes.map((c) => [c.field, c[side]]));
}
