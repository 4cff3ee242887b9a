import { readdir, readFile } from 'node:fs/promises';

/**
 * Peak memory of a process tree, sampled: each process's proportional set size (PSS: shared pages
 * split among the processes sharing them, so PostgreSQL's shared buffers count once, not once per
 * backend), grouped by what the process is.
 */
export type Group = 'temporal' | 'postgres' | 'bevaka' | 'pg-boss';

export class MemorySampler {
  private readonly peaks = new Map<Group | 'total', number>();
  private readonly rssPeaks = new Map<Group | 'total', number>();
  private timer?: NodeJS.Timeout;
  private cpuMark?: Map<number, { group: Group; ticks: number }>;

  constructor(private readonly roots: () => number[]) {}

  start(everyMs = 500): void {
    this.timer = setInterval(() => void this.sample().catch(() => undefined), everyMs);
  }

  /** Peak PSS per group and of their sum, in MB. */
  stop(): Record<Group | 'total', number> {
    clearInterval(this.timer);
    return this.inMb(this.peaks);
  }

  /** Peak RSS per group and of their sum, in MB (shared pages counted once per process). */
  rss(): Record<Group | 'total', number> {
    return this.inMb(this.rssPeaks);
  }

  private inMb(peaks: Map<Group | 'total', number>): Record<Group | 'total', number> {
    const mb = (g: Group | 'total') => Math.round((peaks.get(g) ?? 0) / 1024);
    return { temporal: mb('temporal'), postgres: mb('postgres'), bevaka: mb('bevaka'), 'pg-boss': mb('pg-boss'), total: mb('total') };
  }

  /** Marks the start of a window whose CPU time `cpuSince` reports. */
  async markCpu(): Promise<void> {
    this.cpuMark = await cpuTicks(this.roots());
  }

  /** CPU seconds (user + system) each group used since `markCpu`. */
  async cpuSince(): Promise<Record<Group, number>> {
    const now = await cpuTicks(this.roots());
    const seconds: Record<Group, number> = { temporal: 0, postgres: 0, bevaka: 0, 'pg-boss': 0 };
    for (const [pid, { group, ticks }] of now) seconds[group] += (ticks - (this.cpuMark?.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
    return seconds;
  }

  async sample(): Promise<void> {
    const tree = await processTree(this.roots());
    const pss = new Map<Group, number>();
    const rss = new Map<Group, number>();
    for (const { pid, name } of tree) {
      const kb = await memoryKb(pid);
      const group = groupOf(name);
      pss.set(group, (pss.get(group) ?? 0) + kb.pss);
      rss.set(group, (rss.get(group) ?? 0) + kb.rss);
    }
    record(this.peaks, pss);
    record(this.rssPeaks, rss);
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

async function cpuTicks(roots: number[]): Promise<Map<number, { group: Group; ticks: number }>> {
  const ticks = new Map<number, { group: Group; ticks: number }>();
  for (const { pid, name } of await processTree(roots)) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, { group: groupOf(name), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

/**
 * `name` is the process's command name, then its command line. PostgreSQL's backends first, by
 * their command name: on the cluster a backend's title names its database ("postgres: postgres
 * temporal 127.0.0.1…"), which counted Temporal's SQL as the Temporal server's until this check.
 */
function groupOf(name: string): Group {
  if (name.startsWith('postgres ')) return 'postgres';
  if (name.includes('temporal')) return 'temporal';
  if (name.includes('postgres')) return 'postgres';
  if (name.includes('pg-boss')) return 'pg-boss';
  return 'bevaka';
}

async function processTree(roots: number[]): Promise<Array<{ pid: number; name: string }>> {
  const all = await Promise.all(
    (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(async (d) => {
      try {
        const stat = await readFile(`/proc/${d}/stat`, 'utf8');
        const cmdline = (await readFile(`/proc/${d}/cmdline`, 'utf8')).replace(/\0/g, ' ');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return { pid: Number(d), parent, name: `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))} ${cmdline}` };
      } catch {
        return undefined;
      }
    }),
  );
  const processes = all.filter((p): p is { pid: number; parent: number; name: string } => !!p);
  const inTree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) if (!inTree.has(p.pid) && inTree.has(p.parent)) grew = inTree.add(p.pid).size > 0;
  }
  return processes.filter((p) => inTree.has(p.pid));
}

function record(peaks: Map<Group | 'total', number>, sample: Map<Group, number>): void {
  let total = 0;
  for (const [group, kb] of sample) {
    total += kb;
    peaks.set(group, Math.max(peaks.get(group) ?? 0, kb));
  }
  peaks.set('total', Math.max(peaks.get('total') ?? 0, total));
}

async function memoryKb(pid: number): Promise<{ pss: number; rss: number }> {
  try {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
    return { pss: Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0), rss: Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) };
  } catch {
    return { pss: 0, rss: 0 };
  }
}
