import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { Api, pool } from './api';

export interface BenchOrganisation {
  /** Owns every storm occurrence; the unit head above escalates to the kommunchef. */
  stormOwner: string;
  /** Owners who complete their own occurrences during the storm, signed in. */
  owners: Array<{ id: string; api: Api }>;
  /** Per owner, occurrences due far ahead that they complete during the storm. */
  completionOccurrences(admin: Api, db: Pool, planId: string, perOwner: number): Promise<Map<string, string[]>>;
}

/** Built through the API as an admin would: Kommunledning (kommunchef) above Samhällsbyggnad (unit head). */
export async function seedOrganisation(admin: Api, ownerCount: number): Promise<BenchOrganisation> {
  const tag = randomBytes(3).toString('hex');
  const password = `bench-owner-${randomBytes(9).toString('hex')}`;
  const person = async (name: string, unitId: string, roles: string[], withPassword = false) =>
    (await admin.must<{ id: string }>('POST', '/api/people', { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}.${tag}@kommun.se`, unitId, roles, ...(withPassword ? { password } : {}) })).id;
  const top = (await admin.must<{ id: string }>('POST', '/api/units', { name: 'Kommunledning' })).id;
  const unit = (await admin.must<{ id: string }>('POST', '/api/units', { name: 'Samhällsbyggnad', parentId: top })).id;
  await admin.must('PATCH', `/api/units/${top}`, { headPersonId: await person('Kim Kommunchef', top, ['executive']) });
  await admin.must('PATCH', `/api/units/${unit}`, { headPersonId: await person('Ulla Enhetschef', unit, ['owner']) });
  const stormOwner = await person('Olle Ägare', unit, ['owner']);
  const owners: BenchOrganisation['owners'] = [];
  await pool(
    Array.from({ length: ownerCount }, (_, i) => i),
    8,
    async (i) => {
      const name = `Ägare ${i + 1}`;
      const id = await person(name, unit, ['owner'], true);
      owners.push({ id, api: await Api.login(admin.baseUrl, `${name.toLowerCase().replace(/\s+/g, '.')}.${tag}@kommun.se`, password) });
    },
  );
  return {
    stormOwner,
    owners,
    async completionOccurrences(api, db, planId, perOwner) {
      const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const actionIds = new Map<string, string[]>();
      await pool(
        owners.flatMap((o) => Array.from({ length: perOwner }, () => o.id)),
        16,
        async (ownerId, i) => {
          const action = await api.must<{ id: string }>('POST', `/api/plans/${planId}/actions`, {
            title: `Uppgift ${i + 1}`,
            schedule: { due: [due] },
            ownerPersonIds: [ownerId],
            policy: { remindBefore: [], escalateAfter: [] },
          });
          actionIds.set(ownerId, [...(actionIds.get(ownerId) ?? []), action.id]);
        },
      );
      const all = [...actionIds.values()].flat();
      for (;;) {
        // Their tasks only: a reporting round's status-report tasks belong to the same actions.
        const { rows } = await db.query("SELECT action_id, id FROM occurrence WHERE action_id = ANY($1::uuid[]) AND kind = 'task'", [all]);
        if (rows.length >= all.length) {
          const byAction = new Map(rows.map((r: { action_id: string; id: string }) => [r.action_id, r.id]));
          return new Map([...actionIds].map(([owner, ids]) => [owner, ids.map((a) => byAction.get(a) as string)]));
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    },
  };
}
