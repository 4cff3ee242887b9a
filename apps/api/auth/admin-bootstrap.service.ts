import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { PersonEntity } from '../../../libs/persistence/entities/person.entity';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { generatePassword, hashPassword } from './password';

export const DEFAULT_ADMIN_EMAIL = 'admin@bevaka.local';
// Any fixed number: serialises the "no user yet?" check between API replicas booting together.
const BOOTSTRAP_LOCK = 470_211;

/**
 * Creates the first admin when no user exists: from BEVAKA_ADMIN_EMAIL/BEVAKA_ADMIN_PASSWORD, or
 * with a generated password that is printed once (it is never stored in clear or shown again).
 * A configured password must pass the same policy as any other (libs/config checks it at boot).
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.ensureFirstAdmin();
    if (!created) return;
    if (created.generatedPassword) {
      // Printed on stdout on purpose: the one time anyone sees this password.
      process.stdout.write(
        `\n  First admin created: ${created.email}\n  Password (shown once, change it after login): ${created.generatedPassword}\n\n`,
      );
    } else {
      this.logger.log(`First admin created: ${created.email}`);
    }
  }

  async ensureFirstAdmin(): Promise<{ email: string; generatedPassword?: string } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const users = await manager.getRepository(PersonEntity).createQueryBuilder('p').where('p.password_hash IS NOT NULL').getCount();
      if (users > 0) return undefined;
      const email = (this.config.admin.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
      const generatedPassword = this.config.admin.password ? undefined : generatePassword();
      const passwordHash = await hashPassword(this.config.admin.password ?? generatedPassword!);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PersonEntity)
        .values({ name: 'Administratör', email, roles: ['admin'], passwordHash, deactivatedAt: null })
        .orUpdate(['password_hash', 'roles', 'deactivated_at'], ['email'])
        .returning(['id'])
        .execute();
      const id = inserted.identifiers[0]?.id ?? inserted.raw[0]?.id;
      await new AuditRepository(manager).append({ actorPersonId: null, entity: 'person', entityId: id, action: 'created (first admin)', after: { email, roles: ['admin'], passwordGenerated: Boolean(generatedPassword) } });
      return { email, generatedPassword };
    });
  }
}
