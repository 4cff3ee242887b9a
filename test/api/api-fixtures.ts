import { INestApplication } from '@nestjs/common';
import { ApiClient, createPerson, loginAs } from '../support/api-client';
import { TEST_ADMIN } from '../support/test-stack';

export const PASSWORD = 'ett-långt-lösenord';

export interface ApiOrg {
  admin: ApiClient;
  cora: ApiClient;
  kim: ApiClient;
  ulla: ApiClient;
  olle: ApiClient;
  vera: ApiClient;
  /** An owner in another unit. */
  otto: ApiClient;
  ids: Record<'cora' | 'kim' | 'ulla' | 'olle' | 'vera' | 'otto' | 'kommunledning' | 'samhallsbyggnad' | 'kultur', string>;
}

/**
 * The acceptance organisation, built through the API as an admin would: Kommunledning (head Kim,
 * kommunchef) above Samhällsbyggnad (head Ulla, owner Olle) and Kultur (owner Otto); Cora
 * coordinates, Vera views.
 */
export async function buildOrganisation(app: INestApplication, tag: string): Promise<ApiOrg> {
  const admin = await loginAs(app, TEST_ADMIN.email, TEST_ADMIN.password);
  const unit = async (name: string, parentId?: string) => (await admin.post('/api/units', { name, parentId })).body.id as string;
  const kommunledning = await unit('Kommunledning');
  const samhallsbyggnad = await unit('Samhällsbyggnad', kommunledning);
  const kultur = await unit('Kultur', kommunledning);
  const person = async (name: string, unitId: string, roles: string[]) =>
    (await createPerson(admin, { name, email: `${name.toLowerCase()}.${tag}@kommun.se`, unitId, roles, password: PASSWORD })).id;
  const ids = {
    kommunledning,
    samhallsbyggnad,
    kultur,
    cora: await person('Cora', kommunledning, ['coordinator']),
    kim: await person('Kim', kommunledning, ['executive']),
    ulla: await person('Ulla', samhallsbyggnad, ['owner']),
    olle: await person('Olle', samhallsbyggnad, ['owner']),
    vera: await person('Vera', kommunledning, ['viewer']),
    otto: await person('Otto', kultur, ['owner']),
  };
  await admin.patch(`/api/units/${kommunledning}`, { headPersonId: ids.kim });
  await admin.patch(`/api/units/${samhallsbyggnad}`, { headPersonId: ids.ulla });
  const as = (name: string) => loginAs(app, `${name}.${tag}@kommun.se`, PASSWORD);
  return { admin, cora: await as('cora'), kim: await as('kim'), ulla: await as('ulla'), olle: await as('olle'), vera: await as('vera'), otto: await as('otto'), ids };
}
