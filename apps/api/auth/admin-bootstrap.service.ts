import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { DatabaseRepository } from '../../../libs/persistence/repositories/database.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
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
      await new DatabaseRepository(manager).lockForTransaction(BOOTSTRAP_LOCK);
      const people = new PersonRepository(manager);
      if (await people.anyoneWithPassword()) return undefined;
      const email = (this.config.admin.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
      const generatedPassword = this.config.admin.password ? undefined : generatePassword();
      const passwordHash = await hashPassword(this.config.admin.password ?? generatedPassword!);
      const id = await people.upsertFirstAdmin({ name: 'Administratör', email, passwordHash });
      await new AuditRepository(manager).append({ actorPersonId: null, entity: 'person', entityId: id, action: 'created (first admin)', after: { email, roles: ['admin'], passwordGenerated: Boolean(generatedPassword) } });
      return { email, generatedPassword };
    });
  }
}
