import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AdminBootstrapService, DEFAULT_ADMIN_EMAIL } from '../apps/api/auth/admin-bootstrap.service';
import { verifyPassword } from '../apps/api/auth/password';
import { ConfigModule } from '../libs/config/config.module';
import { loadConfig } from '../libs/config/config';
import { PersistenceModule } from '../libs/persistence/persistence.module';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { Module } from '@nestjs/common';

describe('first admin', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  async function bootstrap(env: Record<string, string>) {
    const config = loadConfig({ DATABASE_URL: database.url, ...env });
    @Module({ imports: [ConfigModule.forRoot(config), PersistenceModule], providers: [AdminBootstrapService] })
    class BootstrapModule {}
    const app = await NestFactory.createApplicationContext(BootstrapModule, { logger: false });
    try {
      return { service: app.get(AdminBootstrapService), dataSource: app.get(DataSource), close: () => app.close() };
    } catch (error) {
      await app.close();
      throw error;
    }
  }

  async function storedHash(dataSource: DataSource, email: string): Promise<string> {
    const [row] = await dataSource.query('SELECT password_hash FROM person WHERE email = $1', [email]);
    return row.password_hash;
  }

  it('generates a password once when none is configured, and never again', async () => {
    const app = await bootstrap({});
    try {
      // The boot itself created the admin; a second run must not create or reveal anything.
      await expect(app.service.ensureFirstAdmin()).resolves.toBeUndefined();
      const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM person WHERE 'admin' = ANY(roles)`);
      expect(count).toBe(1);
      expect(await storedHash(app.dataSource, DEFAULT_ADMIN_EMAIL)).toMatch(/^scrypt\$/);
    } finally {
      await app.close();
    }
  });

  it('returns the generated password so it can be printed, and it verifies', async () => {
    const app = await bootstrap({ BEVAKA_ADMIN_EMAIL: 'first@kommun.se' });
    try {
      await app.dataSource.query('DELETE FROM person');
      const created = await app.service.ensureFirstAdmin();
      expect(created?.email).toBe('first@kommun.se');
      expect(created?.generatedPassword).toBeDefined();
      await expect(verifyPassword(created!.generatedPassword!, await storedHash(app.dataSource, 'first@kommun.se'))).resolves.toBe(true);
    } finally {
      await app.close();
    }
  });

  it('uses BEVAKA_ADMIN_EMAIL and BEVAKA_ADMIN_PASSWORD when given', async () => {
    const app = await bootstrap({ BEVAKA_ADMIN_EMAIL: 'Samordnare@Kommun.se', BEVAKA_ADMIN_PASSWORD: 'ett långt lösenord' });
    try {
      const hash = await storedHash(app.dataSource, 'samordnare@kommun.se');
      await expect(verifyPassword('ett långt lösenord', hash)).resolves.toBe(true);
      const audit = await app.dataSource.query(`SELECT action, actor_person_id, after FROM audit_log WHERE entity = 'person'`);
      expect(audit).toEqual([{ action: 'created (first admin)', actor_person_id: null, after: { email: 'samordnare@kommun.se', roles: ['admin'], passwordGenerated: false } }]);
    } finally {
      await app.close();
    }
  });
});
