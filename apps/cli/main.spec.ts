import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePdf } from '../../libs/domain/import/__fixtures__/pdf-document';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function cli(args: string[], input?: string) {
  const r = spawnSync(tsx, ['apps/cli/main.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  it('schedule --text prints one JSON object', () => {
    const r = cli(['schedule', '--text', 'Informationsmöten två gånger per år.', '--when', 'Q1 2020', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ kind: 'recurring', due: ['2020-06-30', '2020-12-31', '2021-06-30', '2021-12-31'], warnings: [] });
    expect(out.rule.rrule).toContain('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('schedule prints a quota as its target and the periods it is counted in', () => {
    const r = cli(['schedule', '--text', 'Företagsträffar minst sex gånger per år.', '--when', 'Q1 2020', '--count', '2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'quota',
      target: 6,
      per: 'year',
      periods: [{ start: '2020-01-01', end: '2020-12-31' }, { start: '2021-01-01', end: '2021-12-31' }],
    });
  });

  it('schedule reads JSON lines from stdin and answers line by line, in order', () => {
    const input = [
      { text: 'Näringslivsråd varje kvartal', when: 'Q2 2018', from: '2020-01-01' },
      { text: 'Arbeta för laganda', when: 'löpande' },
      { text: 'Internutbildning i upphandlingar vartannat år.', when: 'Q2 2020' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const r = cli(['schedule', '--count', '2', '--json'], input + '\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.due])).toEqual([
      ['recurring', ['2018-06-30', '2018-09-30']],
      ['continuous', []],
      ['recurring', ['2020-12-31', '2022-12-31']],
    ]);
  });

  it('a bad batch line gives an error line, a message on stderr and a non-zero exit', () => {
    const r = cli(['schedule', '--json'], '{"text":"kvartalsvis","when":"Q1 2021"}\nnot json\n');
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].kind).toBe('recurring');
    expect(lines[1].error).toMatchObject({ code: 'VALIDATION_FAILED', line: 2 });
    expect(r.stderr).toMatch(/line 2/);
  });

  it('import --dry-run --json previews the seed plan: 4 areas with 5, 3, 6 and 3 actions', () => {
    const r = cli(['import', 'test/fixtures/overtornea-plan.txt', '--from', '2020-01-01', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.areas.map((a: { actions: unknown[] }) => a.actions.length)).toEqual([5, 3, 6, 3]);
    const visits = plan.areas[0].actions[1];
    expect(visits.title).toMatch(/regelbundna företagsbesök/);
    expect(visits.schedule.kind).toBe('continuous');
  });

  it('import --dry-run previews a PDF plan, and says why a scan cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bevaka-cli-'));
    try {
      const table = { columns: [{ title: 'Åtgärd', width: 250 }, { title: 'När', width: 100 }, { title: 'Ansvar', width: 100 }], rows: [['Företagsträffar minst sex gånger per år.', 'Q1 2020', 'Staben']] };
      writeFileSync(join(dir, 'plan.pdf'), await writePdf([{ heading: '1. Öppet klimat' }, { table }]));
      const r = cli(['import', join(dir, 'plan.pdf'), '--from', '2020-01-01', '--dry-run', '--json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(JSON.parse(r.stdout)).toMatchObject({ format: 'pdf', areas: [{ title: 'Öppet klimat', actions: [{ title: 'Företagsträffar minst sex gånger per år.', owners: ['Staben'], schedule: { kind: 'quota' } }] }] });
      writeFileSync(join(dir, 'scan.pdf'), await writePdf([{ pageBreak: true }]));
      const scan = cli(['import', join(dir, 'scan.pdf'), '--dry-run', '--json']);
      expect([scan.code, scan.stdout]).toEqual([1, '']);
      expect(scan.stderr).toMatch(/IMPORT_PDF_NO_TEXT: The PDF has no text layer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('minutes --json prints the preview the API gives, owners as written (no organisation here)', () => {
    const r = cli(['minutes', 'libs/domain/minutes/__fixtures__/jammerbugt-koordinering-2016.txt', '--json']);
    expect(r.code).toBe(0);
    const preview = JSON.parse(r.stdout);
    expect(preview.meeting).toEqual({ title: 'Möte 2016-01-22', date: '2016-01-22', nextMeetingDate: '2016-04-29' });
    expect(preview.findings).toHaveLength(7);
    expect(preview.findings[1]).toMatchObject({
      index: 1,
      kind: 'assignment',
      owner: 'Anders',
      ownerMapping: { unitIds: [], personIds: [], unmatched: ['Anders'] },
      place: { ref: '2.' },
      proposal: { title: 'Anders følger op på det', due: '2016-04-29' },
      because: { rule: 'assignment.verb', words: 'følger op' },
    });
    const named = JSON.parse(cli(['minutes', 'libs/domain/minutes/__fixtures__/norrkoping-news-article.txt', '--title', 'Nyhet', '--meeting-date', '2023-03-02', '--json']).stdout);
    expect(named.meeting.title).toBe('Nyhet');
    expect(named.findings).toEqual([]);
    expect(cli(['minutes', 'x.txt', '--meeting-date', 'igår']).code).toBe(2);
  });

  it('org FILE --dry-run --json prints what the chart file holds, its problems and warnings (no database: nothing compared)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bevaka-org-'));
    try {
      const csv = join(dir, 'organisation.csv');
      writeFileSync(csv, ['Enhet;Ingår i;Namn;E-post;Roller;Chef', 'Samhällsbyggnad;Kommunledning;Ulla;ULLA@kommun.se;;ja', 'Parker;Samhällsbyggnad;Pia;pia@kommun.se;chef;', 'Parker;;Pia igen;pia@kommun.se;;'].join('\n'));
      const r = cli(['org', csv, '--dry-run', '--json']);
      expect([r.code, r.stdout.trim().split('\n')]).toEqual([0, [expect.any(String)]]);
      const out = JSON.parse(r.stdout);
      expect(out.compared).toBe(false);
      expect(out.file.people).toEqual([
        { name: 'Ulla', email: 'ulla@kommun.se', unit: 'Samhällsbyggnad', head: true, row: 2 },
        { name: 'Pia', email: 'pia@kommun.se', unit: 'Parker', roles: ['executive'], head: false, row: 3 },
      ]);
      expect(out.file.units.map((u: { name: string }) => u.name)).toEqual(['Samhällsbyggnad', 'Kommunledning', 'Parker']);
      expect(out.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([[4, 'duplicateEmail']]);
      expect(out.warnings.map((w: { code: string; values: { unit: string } }) => [w.code, w.values.unit])).toEqual([['unknownParent', 'Samhällsbyggnad'], ['noHead', 'Kommunledning'], ['noHead', 'Parker']]);
      expect(out).not.toHaveProperty('people');
      expect(cli(['org', csv, '--json']).code).toBe(2); // the CLI writes nothing: --dry-run is required
      expect(cli(['--help']).stderr).toMatch(/org FILE --dry-run --json[\s\S]*cannot say what is new, changed or missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad input: clear message on stderr, nothing on stdout, non-zero exit', () => {
    const missing = cli(['import', 'no/such/file.csv', '--dry-run', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/Cannot read no\/such\/file.csv/);

    const unknown = cli(['import', 'libs/domain/import/__fixtures__/unknown-columns.csv', '--dry-run', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/IMPORT_UNKNOWN_COLUMNS: Unknown columns: Namn, Kostnad, Status/);

    const badFrom = cli(['schedule', '--text', 'x', '--from', '2021-13-01', '--json']);
    expect(badFrom.code).toBe(1);
    expect(badFrom.stderr).toMatch(/"from" must be a date/);

    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['schedule', '--text', 'x', '--count', 'many']).stderr).toMatch(/--count/);
    expect(cli(['import', 'test/fixtures/overtornea-plan.txt', '--json']).stderr).toMatch(/--dry-run/);
    const pdfMinutes = cli(['minutes', 'apps/web/index.html', '--json']);
    expect(pdfMinutes.code).toBe(1);
    expect(pdfMinutes.stderr).toMatch(/IMPORT_UNSUPPORTED_FORMAT: .html files are not supported/);
  });
});
