import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through the identity provider (issue 16): the provider's stable id of a person (its
 * `sub`, or Entra ID's `oid`), recorded at their first sign-in. An e-mail address can pass to
 * another person (a name change, a reused address); the id cannot, so once recorded it decides.
 */
export class OidcSubject1764000011000 implements MigrationInterface {
  name = 'OidcSubject1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person ADD COLUMN oidc_subject text UNIQUE CHECK (length(oidc_subject) BETWEEN 1 AND 255)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP COLUMN oidc_subject`);
  }
}
