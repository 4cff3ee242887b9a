import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { assertAdminRemains, assertMayChangeActivation, assertMayGiveRoles, assertMaySetPassword } from '../../../libs/domain/accounts/account-rules';
import { assertAcceptablePassword } from '../../../libs/domain/accounts/password-policy';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { SessionRepository } from '../../../libs/persistence/repositories/session.repository';
import { SubstituteRepository } from '../../../libs/persistence/repositories/substitute.repository';
import { UnitRepository } from '../../../libs/persistence/repositories/unit.repository';
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

/** The organisation chart: units as a tree with heads, people with roles, substitutes. */
@Injectable()
export class OrganisationService {
  constructor(private readonly dataSource: DataSource) {}

  listUnits(): Promise<UnitResponse[]> {
    return new UnitRepository(this.dataSource.manager).list();
  }

  createUnit(body: CreateUnitRequest, actor: CurrentPersonInfo): Promise<UnitResponse> {
    return this.dataSource.transaction(async (db) => {
      if (body.parentId) await mustExist(db, 'unit', body.parentId, 'parentId');
      if (body.headPersonId) await mustBeActivePerson(db, body.headPersonId, 'headPersonId');
      const id = await new UnitRepository(db).insert({ name: body.name, abbreviation: body.abbreviation ?? null, parentId: body.parentId ?? null, headPersonId: body.headPersonId ?? null });
      const created = await this.unit(db, id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'unit', entityId: id, action: 'created', after: created });
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
      if (body.headPersonId) await mustBeActivePerson(db, body.headPersonId, 'headPersonId');
      await new UnitRepository(db).update(id, { name: body.name ?? before.name, abbreviation: body.abbreviation, parentId: body.parentId, headPersonId: body.headPersonId });
      const after = await this.unit(db, id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'unit', entityId: id, action: 'updated', before, after });
      return after;
    });
  }

  listPeople(): Promise<PersonResponse[]> {
    return new PersonRepository(this.dataSource.manager).list() as Promise<PersonResponse[]>;
  }

  async createPerson(body: CreatePersonRequest, actor: CurrentPersonInfo): Promise<PersonResponse> {
    const email = body.email.trim().toLowerCase();
    assertMayGiveRoles(actor, [], body.roles);
    if (body.password !== undefined) {
      assertMaySetPassword(actor);
      assertAcceptablePassword(body.password, { email });
    }
    // Hashed before the transaction: it may wait for a turn, and must not hold a connection meanwhile.
    const passwordHash = body.password !== undefined ? await hashPassword(body.password) : null;
    return this.dataSource.transaction(async (db) => {
      if (body.unitId) await mustExist(db, 'unit', body.unitId, 'unitId');
      const people = new PersonRepository(db);
      const id = await people.insert({ name: body.name, email, unitId: body.unitId ?? null, roles: body.roles, passwordHash });
      if (!id) throw new DomainError('CONFLICT', `A person with the e-mail address ${email} exists already`, [{ path: 'email', message: 'taken' }]);
      const created = await this.person(db, id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'person', entityId: id, action: body.password !== undefined ? 'created (password set)' : 'created', after: created });
      return created;
    });
  }

  /**
   * Name, unit and roles are the people managers'; granting or removing admin and setting a
   * password are the admin's (ADMIN_ONLY). A role change or a new password ends the person's
   * sessions, except the one the change is made from.
   */
  async updatePerson(id: string, body: UpdatePersonRequest, actor: CurrentPersonInfo, actorToken: string): Promise<PersonResponse> {
    const target = await this.person(this.dataSource.manager, id);
    assertMayGiveRoles(actor, target.roles, body.roles ?? target.roles);
    if (body.password !== undefined) {
      assertMaySetPassword(actor);
      assertAcceptablePassword(body.password, { email: target.email });
    }
    const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
    return this.dataSource.transaction(async (db) => {
      const people = new PersonRepository(db);
      const before = await this.person(db, id, { lock: true });
      const roles = body.roles ?? before.roles;
      assertMayGiveRoles(actor, before.roles, roles); // again, on the locked row
      if (before.roles.includes('admin') && !roles.includes('admin') && !before.deactivatedAt) {
        assertAdminRemains((await people.lockActiveAdmins()).filter((admin) => admin !== id).length);
      }
      if (body.unitId) await mustExist(db, 'unit', body.unitId, 'unitId');
      await people.update(id, { name: body.name ?? before.name, roles, unitId: body.unitId });
      if (passwordHash) await people.setPasswordHash(id, passwordHash);
      const rolesChanged = !sameSet(before.roles, roles);
      const sessionsEnded = rolesChanged || passwordHash ? await new SessionRepository(db).revokeAllOf(id, actor.id === id ? actorToken : undefined) : 0;
      const after = await this.person(db, id);
      const audit = new AuditRepository(db);
      await audit.append({ actorPersonId: actor.id, entity: 'person', entityId: id, action: 'updated', before, after });
      if (rolesChanged) await audit.append({ actorPersonId: actor.id, entity: 'person', entityId: id, action: 'roles changed', before: { roles: before.roles }, after: { roles, sessionsEnded } });
      if (passwordHash) await audit.append({ actorPersonId: actor.id, entity: 'person', entityId: id, action: 'password reset', after: { sessionsEnded } });
      return after;
    });
  }

  /**
   * A deactivated person stays in the chart, the history and the audit log, but cannot sign in,
   * their sessions and calendar links stop working, and no notice is mailed to them.
   */
  setActive(id: string, active: boolean, actor: CurrentPersonInfo): Promise<PersonResponse> {
    return this.dataSource.transaction(async (db) => {
      const people = new PersonRepository(db);
      const before = await this.person(db, id, { lock: true });
      assertMayChangeActivation(actor, before);
      if (Boolean(before.deactivatedAt) === !active) return before; // already so
      if (!active && before.roles.includes('admin')) assertAdminRemains((await people.lockActiveAdmins()).filter((admin) => admin !== id).length);
      await people.setDeactivated(id, !active);
      const sessionsEnded = active ? 0 : await new SessionRepository(db).revokeAllOf(id);
      const after = await this.person(db, id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'person', entityId: id, action: active ? 'reactivated' : 'deactivated', before, after: { ...after, sessionsEnded } });
      return after;
    });
  }

  async listSubstitutes(personId: string): Promise<SubstituteResponse[]> {
    await this.person(this.dataSource.manager, personId);
    return new SubstituteRepository(this.dataSource.manager).of(personId);
  }

  createSubstitute(personId: string, body: CreateSubstituteRequest, actor: CurrentPersonInfo): Promise<SubstituteResponse> {
    return this.dataSource.transaction(async (db) => {
      await this.person(db, personId);
      await mustBeActivePerson(db, body.substitutePersonId, 'substitutePersonId');
      if (body.substitutePersonId === personId) throw new DomainError('VALIDATION_FAILED', 'A person cannot substitute for themselves', [{ path: 'substitutePersonId', message: 'same person' }]);
      if (body.startsOn > body.endsOn) throw new DomainError('VALIDATION_FAILED', 'startsOn must not be after endsOn', [{ path: 'endsOn', message: 'before startsOn' }]);
      const created = await new SubstituteRepository(db).insert({ personId, substitutePersonId: body.substitutePersonId, startsOn: body.startsOn, endsOn: body.endsOn });
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'substitute', entityId: created.id, action: 'created', after: created });
      return created;
    });
  }

  deleteSubstitute(personId: string, id: string, actor: CurrentPersonInfo): Promise<void> {
    return this.dataSource.transaction(async (db) => {
      const substitutes = new SubstituteRepository(db);
      const before = await substitutes.find(id, personId);
      if (!before) throw new DomainError('NOT_FOUND', 'No such substitute period');
      await substitutes.delete(id);
      await new AuditRepository(db).append({ actorPersonId: actor.id, entity: 'substitute', entityId: id, action: 'deleted', before });
    });
  }

  private async unit(db: EntityManager, id: string): Promise<UnitResponse> {
    const unit = await new UnitRepository(db).byId(id);
    if (!unit) throw new DomainError('NOT_FOUND', 'No such unit');
    return unit;
  }

  private async person(db: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<PersonResponse> {
    const person = await new PersonRepository(db).byId(id, options);
    if (!person) throw new DomainError('NOT_FOUND', 'No such person');
    return person as PersonResponse;
  }
}

/** A reference in a request body to something that does not exist is bad input (422), not a 404. */
export async function mustExist(db: EntityManager, table: 'unit' | 'person', id: string, path: string): Promise<void> {
  const exists = table === 'unit' ? await new UnitRepository(db).exists(id) : (await new PersonRepository(db).byId(id)) !== undefined;
  if (!exists) throw new DomainError('UNPROCESSABLE', `No ${table} with id ${id}`, [{ path, message: 'does not exist' }]);
}

/** Heads of units and substitutes act on notices: a deactivated person cannot become one. */
async function mustBeActivePerson(db: EntityManager, id: string, path: string): Promise<void> {
  await mustExist(db, 'person', id, path);
  if (!(await new PersonRepository(db).isActive(id))) throw new DomainError('UNPROCESSABLE', 'This person is deactivated', [{ path, message: 'deactivated' }]);
}

/** A unit cannot be moved below itself or one of its descendants. */
async function refuseCycle(db: EntityManager, unitId: string, newParentId: string): Promise<void> {
  if (await new UnitRepository(db).isAtOrAbove(newParentId, unitId)) throw new DomainError('CONFLICT', 'A unit cannot be placed below itself or one of its own units', [{ path: 'parentId', message: 'would make a cycle' }]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
