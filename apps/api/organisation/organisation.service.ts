import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { hashPassword } from '../auth/password';
import type { CurrentPersonInfo } from '../auth/current-person';
import {
  CreatePersonRequest,
  CreateSubstituteRequest,
  CreateUnitRequest,
  PersonResponse,
  SubstituteResponse,
  UnitResponse,
  UpdatePersonRequest,
  UpdateUnitRequest,
} from './organisation.dto';

const UNIT = `SELECT id, name, parent_id AS "parentId", head_person_id AS "headPersonId" FROM unit`;
const PERSON = `SELECT id, name, email, unit_id AS "unitId", roles FROM person`;
const SUBSTITUTE = `SELECT id, person_id AS "personId", substitute_person_id AS "substitutePersonId",
                           to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM substitute`;

/** The organisation chart: units as a tree with heads, people with roles, substitutes. */
@Injectable()
export class OrganisationService {
  constructor(private readonly dataSource: DataSource) {}

  listUnits(): Promise<UnitResponse[]> {
    return this.dataSource.query(`${UNIT} ORDER BY name`);
  }

  createUnit(body: CreateUnitRequest, actor: CurrentPersonInfo): Promise<UnitResponse> {
    return this.dataSource.transaction(async (db) => {
      if (body.parentId) await mustExist(db, 'unit', body.parentId, 'parentId');
      if (body.headPersonId) await mustExist(db, 'person', body.headPersonId, 'headPersonId');
      const [unit] = await db.query(`INSERT INTO unit (name, parent_id, head_person_id) VALUES ($1, $2, $3) RETURNING id`, [body.name, body.parentId ?? null, body.headPersonId ?? null]);
      const created = await this.unit(db, unit.id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'unit', entityId: unit.id, action: 'created', after: created });
      return created;
    });
  }

  updateUnit(id: string, body: UpdateUnitRequest, actor: CurrentPersonInfo): Promise<UnitResponse> {
    return this.dataSource.transaction(async (db) => {
      const before = await this.unit(db, id);
      if (body.parentId) {
        await mustExist(db, 'unit', body.parentId, 'parentId');
        await refuseCycle(db, id, body.parentId);
      }
      if (body.headPersonId) await mustExist(db, 'person', body.headPersonId, 'headPersonId');
      await db.query(
        `UPDATE unit SET name = $2,
                         parent_id = CASE WHEN $3 THEN $4::uuid ELSE parent_id END,
                         head_person_id = CASE WHEN $5 THEN $6::uuid ELSE head_person_id END WHERE id = $1`,
        [id, body.name ?? before.name, body.parentId !== undefined, body.parentId ?? null, body.headPersonId !== undefined, body.headPersonId ?? null],
      );
      const after = await this.unit(db, id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'unit', entityId: id, action: 'updated', before, after });
      return after;
    });
  }

  listPeople(): Promise<PersonResponse[]> {
    return this.dataSource.query(`${PERSON} ORDER BY name`);
  }

  createPerson(body: CreatePersonRequest, actor: CurrentPersonInfo): Promise<PersonResponse> {
    return this.dataSource.transaction(async (db) => {
      if (body.unitId) await mustExist(db, 'unit', body.unitId, 'unitId');
      const email = body.email.trim().toLowerCase();
      const [taken] = await db.query('SELECT 1 FROM person WHERE email = $1', [email]);
      if (taken) throw new DomainError('CONFLICT', `A person with the e-mail address ${email} exists already`, [{ path: 'email', message: 'taken' }]);
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      const [row] = await db.query(`INSERT INTO person (name, email, unit_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [body.name, email, body.unitId ?? null, body.roles, passwordHash]);
      const created = await this.person(db, row.id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'person', entityId: row.id, action: 'created', after: created });
      return created;
    });
  }

  updatePerson(id: string, body: UpdatePersonRequest, actor: CurrentPersonInfo): Promise<PersonResponse> {
    return this.dataSource.transaction(async (db) => {
      const before = await this.person(db, id);
      if (body.unitId) await mustExist(db, 'unit', body.unitId, 'unitId');
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      await db.query(
        `UPDATE person SET name = $2, roles = $3, unit_id = CASE WHEN $4 THEN $5::uuid ELSE unit_id END,
                           password_hash = COALESCE($6, password_hash) WHERE id = $1`,
        [id, body.name ?? before.name, body.roles ?? before.roles, body.unitId !== undefined, body.unitId ?? null, passwordHash],
      );
      const after = await this.person(db, id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'person', entityId: id, action: body.password ? 'updated (password changed)' : 'updated', before, after });
      return after;
    });
  }

  async listSubstitutes(personId: string): Promise<SubstituteResponse[]> {
    await this.person(this.dataSource.manager, personId);
    return this.dataSource.query(`${SUBSTITUTE} WHERE person_id = $1 ORDER BY starts_on`, [personId]);
  }

  createSubstitute(personId: string, body: CreateSubstituteRequest, actor: CurrentPersonInfo): Promise<SubstituteResponse> {
    return this.dataSource.transaction(async (db) => {
      await this.person(db, personId);
      await mustExist(db, 'person', body.substitutePersonId, 'substitutePersonId');
      if (body.substitutePersonId === personId) throw new DomainError('VALIDATION_FAILED', 'A person cannot substitute for themselves', [{ path: 'substitutePersonId', message: 'same person' }]);
      if (body.startsOn > body.endsOn) throw new DomainError('VALIDATION_FAILED', 'startsOn must not be after endsOn', [{ path: 'endsOn', message: 'before startsOn' }]);
      const [row] = await db.query(`INSERT INTO substitute (person_id, substitute_person_id, starts_on, ends_on) VALUES ($1, $2, $3, $4) RETURNING id`, [personId, body.substitutePersonId, body.startsOn, body.endsOn]);
      const [created] = await db.query(`${SUBSTITUTE} WHERE id = $1`, [row.id]);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'substitute', entityId: row.id, action: 'created', after: created });
      return created;
    });
  }

  deleteSubstitute(personId: string, id: string, actor: CurrentPersonInfo): Promise<void> {
    return this.dataSource.transaction(async (db) => {
      const [before] = await db.query(`${SUBSTITUTE} WHERE id = $1 AND person_id = $2`, [id, personId]);
      if (!before) throw new DomainError('NOT_FOUND', 'No such substitute period');
      await db.query('DELETE FROM substitute WHERE id = $1', [id]);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'substitute', entityId: id, action: 'deleted', before });
    });
  }

  private async unit(db: EntityManager, id: string): Promise<UnitResponse> {
    const [unit] = await db.query(`${UNIT} WHERE id = $1`, [id]);
    if (!unit) throw new DomainError('NOT_FOUND', 'No such unit');
    return unit;
  }

  private async person(db: EntityManager, id: string): Promise<PersonResponse> {
    const [person] = await db.query(`${PERSON} WHERE id = $1`, [id]);
    if (!person) throw new DomainError('NOT_FOUND', 'No such person');
    return person;
  }
}

/** A reference in a request body to something that does not exist is bad input (422), not a 404. */
export async function mustExist(db: EntityManager, table: 'unit' | 'person', id: string, path: string): Promise<void> {
  const [row] = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  if (!row) throw new DomainError('UNPROCESSABLE', `No ${table} with id ${id}`, [{ path, message: 'does not exist' }]);
}

/** A unit cannot be moved below itself or one of its descendants. */
async function refuseCycle(db: EntityManager, unitId: string, newParentId: string): Promise<void> {
  const [row] = await db.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM unit WHERE id = $1
       UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 100
     ) SELECT 1 FROM up WHERE id = $2`,
    [newParentId, unitId],
  );
  if (row) throw new DomainError('CONFLICT', 'A unit cannot be placed below itself or one of its own units', [{ path: 'parentId', message: 'would make a cycle' }]);
}
