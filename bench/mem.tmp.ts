import { Pool } from 'pg';
import { startEmbeddedStack } from './support/embedded-stack';
import { Api, pool } from './support/api';
import { seedOrganisation } from './support/organisation';
import { MemorySampler } from './support/memory';
(async () => {
  const N = Number(process.argv[2] ?? 1000);
  const stack = await startEmbeddedStack('/work/wt/engine', { LOG_LEVEL: 'warn', TEMPORAL_MAX_CACHED_WORKFLOWS: process.env.CACHE ?? String(N + 100) });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const admin = await Api.login(stack.baseUrl, stack.admin.email, stack.admin.password);
    const org = await seedOrganisation(admin, 1);
    const plan = await admin.must<{ id: string }>('POST', '/api/plans', { title: 'P', startDate: '2026-12-01' });
    const m0 = new MemorySampler(() => [stack.pid]); await m0.sample(); console.log('before', m0.stop());
    const due = new Date(Date.now() + 3600_000).toISOString();
    const t0 = Date.now();
    const ids: string[] = [];
    await pool(Array.from({ length: N }, (_, i) => i), 32, async (i) => {
      const r = await admin.send<{ id: string }>('POST', `/api/plans/${plan.id}/actions`, { title: 'A' + i, schedule: { due: [due] }, ownerPersonIds: [org.stormOwner], policy: { remindBefore: [], escalateAfter: ['PT0S'] } });
      ids.push(r.body.id);
    });
    for (;;) { const { rows } = await db.query('SELECT count(*)::int n FROM occurrence'); if (rows[0].n >= N) break; await new Promise((r) => setTimeout(r, 500)); }
    console.log('armed', N, 'in', Date.now() - t0);
    await new Promise((r) => setTimeout(r, 5000));
    const m1 = new MemorySampler(() => [stack.pid]); await m1.sample(); console.log('after', m1.stop());
  } finally { await db.end(); await stack.stop(); }
})();
