export interface Figures {
  engine: 'bevaka' | 'pg-boss';
  /** The column's heading: the engine, or Bevaka on the cluster with its worker count. */
  label: string;
  n: number;
  armingSeconds: number;
  recorded: number;
  delayMs: { p50?: number; p95?: number; p99?: number; max?: number };
  complete: { count: number; failed: number; p50?: number; p99?: number };
  memoryMb: Record<'temporal' | 'postgres' | 'bevaka' | 'pg-boss' | 'total', number>;
  rssMb: Record<'temporal' | 'postgres' | 'bevaka' | 'pg-boss' | 'total', number>;
  /** CPU seconds each process group used from the due instant until the last escalation was recorded. */
  stormCpuSeconds: Record<'temporal' | 'postgres' | 'bevaka' | 'pg-boss', number>;
}

const s = (ms?: number) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
const ms = (v?: number) => (v === undefined ? '-' : v.toFixed(0));

/** The engines side by side, and Bevaka's figures as a multiple of the baseline's. */
export function printSideBySide(results: Figures[]): void {
  const rows: Array<[string, (f: Figures) => string, ((f: Figures) => number | undefined)?]> = [
    ['arming (s)', (f) => f.armingSeconds.toFixed(1), (f) => f.armingSeconds],
    ['escalations recorded', (f) => `${f.recorded}/${f.n}`],
    ['due → recorded p50 (s)', (f) => s(f.delayMs.p50), (f) => f.delayMs.p50],
    ['due → recorded p95 (s)', (f) => s(f.delayMs.p95), (f) => f.delayMs.p95],
    ['due → recorded p99 (s)', (f) => s(f.delayMs.p99), (f) => f.delayMs.p99],
    ['due → recorded max (s)', (f) => s(f.delayMs.max), (f) => f.delayMs.max],
    ['complete p50 (ms)', (f) => ms(f.complete.p50), (f) => f.complete.p50],
    ['complete p99 (ms)', (f) => ms(f.complete.p99), (f) => f.complete.p99],
    ['completions (failed)', (f) => `${f.complete.count} (${f.complete.failed})`],
    ['peak PSS temporal (MB)', (f) => String(f.memoryMb.temporal)],
    ['peak PSS postgres (MB)', (f) => String(f.memoryMb.postgres)],
    ['peak PSS bevaka (MB)', (f) => String(f.memoryMb.bevaka)],
    ['peak PSS pg-boss (MB)', (f) => String(f.memoryMb['pg-boss'])],
    ['peak PSS, sum (MB)', (f) => String(f.memoryMb.total), (f) => f.memoryMb.total],
    ['peak RSS temporal/pg/bevaka/pg-boss (MB)', (f) => `${f.rssMb.temporal}/${f.rssMb.postgres}/${f.rssMb.bevaka}/${f.rssMb['pg-boss']}`],
    ['peak RSS, sum (MB)', (f) => String(f.rssMb.total), (f) => f.rssMb.total],
    ['storm CPU temporal (s)', (f) => f.stormCpuSeconds.temporal.toFixed(1)],
    ['storm CPU postgres (s)', (f) => f.stormCpuSeconds.postgres.toFixed(1)],
    ['storm CPU bevaka (s)', (f) => f.stormCpuSeconds.bevaka.toFixed(1)],
    ['storm CPU pg-boss (s)', (f) => f.stormCpuSeconds['pg-boss'].toFixed(1)],
    ['storm CPU, sum (s)', (f) => sum(f.stormCpuSeconds).toFixed(1), (f) => sum(f.stormCpuSeconds)],
  ];
  const bevaka = results.find((r) => r.label === 'bevaka');
  const baseline = results.find((r) => r.engine === 'pg-boss');
  const header = ['', ...results.map((r) => r.label), ...(bevaka && baseline ? ['bevaka/pg-boss'] : [])];
  const table = rows.map(([label, show, value]) => {
    const ratio = bevaka && baseline && value ? ratioOf(value(bevaka), value(baseline)) : '';
    return [label, ...results.map(show), ...(bevaka && baseline ? [ratio] : [])];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...table].map((r) => r[i].length)));
  for (const row of [header, ...table]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log('\nbevaka: Temporal dev server + PostgreSQL + Bevaka (API and worker), as `npm start` runs them.');
  console.log('pg-boss: the same PostgreSQL and API; the escalations are pg-boss jobs (startAfter = due instant) whose handler');
  console.log('calls the same activity code; its Temporal dev server idles (counted under "temporal").');
  if (results.some((r) => r.label.startsWith('cluster'))) {
    console.log('cluster ×W: the Temporal server (v1.29.1, PostgreSQL persistence and visibility) + its own PostgreSQL + the API and W workers');
    console.log('as processes (npm run cluster); its "postgres" holds Temporal\'s tables as well as Bevaka\'s.');
  }
}

const sum = (cpu: Figures['stormCpuSeconds']) => Object.values(cpu).reduce((a, b) => a + b, 0);

function ratioOf(a?: number, b?: number): string {
  if (a === undefined || b === undefined || b === 0) return '-';
  return `${(a / b).toFixed(2)}×`;
}
