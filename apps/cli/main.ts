/**
 * Bevaka CLI (API.md "CLI"): schedule checks, plan import, minutes and organisation chart previews. Only JSON goes to stdout;
 * messages go to stderr. Exit codes: 0 ok, 1 bad input (a domain error), 2 wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../../libs/domain/errors';
import { listOccurrences, parseSchedule, ScheduleSpec } from '../../libs/domain/schedule';
import { parsePlanDocument } from '../../libs/domain/import';
import { readPdfText } from '../../libs/pdf-reading';
import { minutesText, previewMinutes, readMinutes } from '../../libs/domain/minutes';
import { EMPTY_CHART, previewChart } from '../../libs/domain/organisation/chart-diff';
import { readChartFile } from '../../libs/domain/organisation/chart-import';
import { tableRowsOf } from '../../libs/domain/organisation/chart-table';

const USAGE = `Usage:
  npm run -s cli -- schedule --text T [--when W] [--from YYYY-MM-DD] [--count N] [--timezone TZ] --json
  npm run -s cli -- schedule [--from YYYY-MM-DD] [--count N] --json < lines.jsonl   (JSON lines {"text","when","from"})
  npm run -s cli -- import FILE [--from YYYY-MM-DD] [--count N] --dry-run --json
  npm run -s cli -- minutes FILE [--title T] [--meeting-date YYYY-MM-DD] [--next-meeting YYYY-MM-DD] --json
  npm run -s cli -- org FILE --dry-run --json   (organisation chart, CSV/XLSX: what the file holds, its
      problems and warnings; without a database it cannot say what is new, changed or missing — the
      API's POST /api/organisation/import?dryRun=true does)`;

class UsageError extends Error {}

interface Io {
  stdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        text: { type: 'string' },
        when: { type: 'string' },
        from: { type: 'string' },
        count: { type: 'string' },
        timezone: { type: 'string' },
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        title: { type: 'string' },
        'meeting-date': { type: 'string' },
        'next-meeting': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.err(USAGE);
      return values.help ? 0 : 2;
    }
    const count = parseCount(values.count);
    const print = (value: unknown) => io.out(values.json ? JSON.stringify(value) : JSON.stringify(value, null, 2));
    if (command === 'schedule') {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`);
      const schedule = (input: { text?: unknown; when?: unknown; from?: unknown }) =>
        scheduleResult(input, { from: values.from, count, timezone: values.timezone });
      if (values.text !== undefined) {
        print(schedule({ text: values.text, when: values.when }));
        return 0;
      }
      return await batch(await io.stdin(), schedule, io);
    }
    if (command === 'import') {
      if (rest.length !== 1) throw new UsageError('import needs exactly one FILE');
      if (!values['dry-run']) throw new UsageError('The CLI only previews imports: add --dry-run (the API writes plans)');
      const content = await readInput(rest[0], io);
      print(await parsePlanDocument({ filename: basename(rest[0]), content }, { from: values.from, count, timezone: values.timezone }, { pdfText: readPdfText }));
      return 0;
    }
    if (command === 'minutes') {
      // The API's preview without an organisation to match owners against: they stay as written.
      if (rest.length !== 1) throw new UsageError('minutes needs exactly one FILE');
      const text = minutesText({ filename: basename(rest[0]), content: await readInput(rest[0], io) });
      const reading = readMinutes(text, { meetingDate: dateOption(values['meeting-date'], '--meeting-date'), nextMeetingDate: dateOption(values['next-meeting'], '--next-meeting') });
      print(previewMinutes(reading, { title: values.title }));
      return 0;
    }
    if (command === 'org') {
      if (rest.length !== 1) throw new UsageError('org needs exactly one FILE');
      if (!values['dry-run']) throw new UsageError('The CLI only previews the organisation chart: add --dry-run (the API writes it)');
      print(orgPreview(tableRowsOf({ filename: basename(rest[0]), content: await readInput(rest[0], io) })));
      return 0;
    }
    throw new UsageError(`Unknown command "${command}"`);
  } catch (e) {
    return report(e, io);
  }
}

/**
 * The API's preview as far as it goes without a chart to compare with: what the file holds, the
 * problems and warnings (a parent "unknown" is one the file does not list as a unit); `compared:
 * false` says that new, changed, unchanged and missing are the API's to tell.
 */
function orgPreview(rows: ReturnType<typeof tableRowsOf>) {
  const preview = previewChart(readChartFile(rows), EMPTY_CHART);
  return { compared: false, file: preview.file, warnings: preview.warnings, problems: preview.problems, ignoredColumns: preview.ignoredColumns };
}

async function readInput(path: string, io: Io): Promise<Uint8Array> {
  return io.readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${path}: ${e.code ?? e.message}`);
  });
}

function dateOption(raw: string | undefined, name: string): string | undefined {
  if (raw !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new UsageError(`${name} must be a date YYYY-MM-DD, not "${raw}"`);
  return raw;
}

function parseCount(raw: string | undefined): number {
  if (raw === undefined) return 4;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--count must be a whole number, not "${raw}"`);
  return Number(raw);
}

interface ScheduleOptions {
  from?: string;
  count: number;
  timezone?: string;
}

function scheduleResult(input: { text?: unknown; when?: unknown; from?: unknown }, options: ScheduleOptions) {
  if (typeof input.text !== 'string') throw new DomainError('VALIDATION_FAILED', '"text" must be a string');
  if (input.when !== undefined && input.when !== null && typeof input.when !== 'string') throw new DomainError('VALIDATION_FAILED', '"when" must be a string');
  if (input.from !== undefined && input.from !== null && typeof input.from !== 'string') throw new DomainError('VALIDATION_FAILED', '"from" must be a string');
  const spec: ScheduleSpec = parseSchedule({ text: input.text, when: (input.when as string) ?? undefined, from: (input.from as string) ?? options.from });
  const occurrences = listOccurrences(spec, { count: options.count, timezone: options.timezone });
  // A quota is a target per period, not a due date to meet: its periods say where it is counted.
  const quota = spec.rule?.type === 'quota' ? { target: spec.rule.target, per: spec.rule.per, periods: occurrences.map((o) => ({ start: o.periodStart, end: o.periodEnd })) } : {};
  return { kind: spec.kind, ...quota, rule: spec.rule, ...(spec.start ? { start: spec.start } : {}), due: occurrences.map((o) => o.due), warnings: spec.warnings };
}

/** One result line per input line, in order; a bad line gets an error line and exit code 1. */
async function batch(input: string, schedule: (i: Record<string, unknown>) => unknown, io: Io): Promise<number> {
  let failed = 0;
  const lines = input.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const parsed: unknown = JSON.parse(line);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new DomainError('VALIDATION_FAILED', 'each line must be a JSON object {"text","when","from"}');
      io.out(JSON.stringify(schedule(parsed as Record<string, unknown>)));
    } catch (e) {
      failed++;
      const error = e instanceof DomainError ? { code: e.code, message: e.message } : { code: 'VALIDATION_FAILED', message: `invalid JSON: ${(e as Error).message}` };
      io.out(JSON.stringify({ error: { ...error, line: i + 1 } }));
      io.err(`line ${i + 1}: ${error.message}`);
    }
  });
  return failed ? 1 : 0;
}

function report(e: unknown, io: Io): number {
  if (e instanceof UsageError || (e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    io.err(`error: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (e instanceof DomainError) {
    io.err(`error: ${e.code}: ${e.message}`);
    for (const d of e.details) io.err(`  ${d.path ? `${d.path}: ` : ''}${d.message}`);
    return 1;
  }
  io.err(`error: ${(e as Error)?.stack ?? String(e)}`);
  return 1;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('Give --text, or JSON lines on stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
  run(process.argv.slice(2), {
    stdin: readStdin,
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    readFile: async (path) => new Uint8Array(await readFile(path)),
  }).then((code) => {
    process.exitCode = code;
  });
}
