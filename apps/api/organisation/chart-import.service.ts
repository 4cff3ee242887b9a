import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import type { PlanDocument } from '../../../libs/domain/import';
import { ChartImport, readChart } from '../../../libs/domain/organisation/chart-import';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { UnitRepository } from '../../../libs/persistence/repositories/unit.repository';
import type { CurrentPersonInfo } from '../auth/current-person';
import { PlanParser } from '../plans/plan-parser';

export interface ChartImportResult extends ChartImport {
  /** After the commit: what was written. */
  created?: { units: number; people: number; heads: number };
}

/**
 * The organisation chart imported from a table (an HR export, a spreadsheet): read in the
 * document workers within the import limits, checked by libs/domain/organisation against the chart
 * as it is, shown as a preview, and written only when the coordinator confirms and no row has a
 * problem. New units and people are added; what the chart has already is left as it is, except
 * that a unit without a head gets the one the file names.
 */
@Injectable()
export class ChartImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parser: PlanParser,
  ) {}

  async preview(document: PlanDocument): Promise<ChartImportResult> {
    const rows = await this.parser.readTable(document);
    return readChart(rows, await existingChart(this.dataSource.manager));
  }

  async commit(document: PlanDocument, actor: CurrentPersonInfo): Promise<ChartImportResult> {
    const rows = await this.parser.readTable(document);
    return this.dataSource.transaction(async (db) => {
      const units = new UnitRepository(db);
      await units.lockChart(); // two imports at once would both add the same new unit
      const chart = readChart(rows, await existingChart(db));
      if (chart.problems.length > 0) {
        throw new DomainError('UNPROCESSABLE', `${chart.problems.length} rows cannot be imported; nothing was saved`, chart.problems.slice(0, 50).map((p) => ({ path: `row ${p.row}`, message: p.message })));
      }
      const audit = new AuditRepository(db);
      const unitIds = new Map((await units.list()).map((u) => [u.name.toLocaleLowerCase('sv'), u]));
      const idOfUnit = (name: string | null) => (name ? unitIds.get(name.toLocaleLowerCase('sv'))?.id ?? null : null);
      for (const unit of chart.units) {
        const id = await units.insert({ name: unit.name, parentId: idOfUnit(unit.parent), headPersonId: null });
        unitIds.set(unit.name.toLocaleLowerCase('sv'), { id, name: unit.name, abbreviation: null, parentId: idOfUnit(unit.parent), headPersonId: null });
        await audit.append({ actorPersonId: actor.id, entity: 'unit', entityId: id, action: 'imported', after: { name: unit.name, parent: unit.parent } });
      }
      const people = new PersonRepository(db);
      for (const person of chart.people) {
        // Imported people have no password: they sign in once an admin sets one (or through the
        // municipality's identity provider).
        const id = await people.insert({ name: person.name, email: person.email, unitId: idOfUnit(person.unit), roles: person.roles, passwordHash: null });
        if (!id) throw new DomainError('CONFLICT', `${person.email} was added by someone else meanwhile; import again`, [{ path: `row ${person.row}`, message: 'taken' }]);
        await audit.append({ actorPersonId: actor.id, entity: 'person', entityId: id, action: 'imported', after: { name: person.name, email: person.email, unit: person.unit, roles: person.roles } });
      }
      let heads = 0;
      for (const head of chart.heads) {
        const unit = unitIds.get(head.unit.toLocaleLowerCase('sv'));
        const person = await people.byEmail(head.email);
        if (!unit || unit.headPersonId || !person || person.deactivatedAt) continue; // a head the chart has already stays
        await units.update(unit.id, { name: unit.name, headPersonId: person.id });
        await audit.append({ actorPersonId: actor.id, entity: 'unit', entityId: unit.id, action: 'updated', after: { name: unit.name, headPersonId: person.id } });
        heads++;
      }
      return { ...chart, created: { units: chart.units.length, people: chart.people.length, heads } };
    });
  }
}

async function existingChart(db: EntityManager): Promise<{ unitNames: string[]; emails: string[] }> {
  const [units, people] = await Promise.all([new UnitRepository(db).list(), new PersonRepository(db).list()]);
  return { unitNames: units.map((u) => u.name), emails: people.map((p) => p.email) };
}
