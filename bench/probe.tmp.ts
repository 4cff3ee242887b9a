import { Pool } from 'pg';
import { startEmbeddedStack } from './support/embedded-stack';
import { Api, pool } from './support/api';
import { seedOrganisation } from './support/organisation';
import { MemorySampler } from './support/memory';
(async () => {
  const stack = await startEmbeddedStack('/work/wt/engine', { LOG_LEVEL: 'warn' }, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']);
  const db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  const mem = new MemorySampler(() => [stack.pid]);
  try {
    const admin = await Api.login(stack.baseUrl, stack.admin.email, stack.admin.password);
    const org = await seedOrganisation(admin, 1);
    const plan = await admin.must<{ id: string }>('POST', '/api/plans', { title: 'P', startDate: '2026-12-01' });
    const N = Number(process.argv[2] ?? 200);
    const due = new Date(Date.now() + Number(process.argv[3] ?? 90) * 1000).toISOString();
    const ids: string[] = [];
    await pool(Array.from({ length: N }, (_, i) => i), 32, async (i) => {
      const r = await admin.send<{ id: string }>('POST', `/api/plans/${plan.id}/actions`, { title: 'A' + i, schedule: { due: [due] }, ownerPersonIds: [org.stormOwner], policy: { remindBefore: [], escalateAfter: ['PT0S'] } });
      ids.push(r.body.id);
    });
    await new Promise((r) => setTimeout(r, Date.parse(due) - Date.now()));
    await mem.markCpu();
    const t = Date.now();
    for (;;) {
      const { rows } = await db.query('SELECT count(*)::int n FROM escalation');
      if (rows[0].n >= N) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log('storm took', Date.now() - t, 'ms', await mem.cpuSince());
  } finally { await db.end(); await stack.stop(); }
})();
