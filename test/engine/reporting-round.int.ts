import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parseSchedule } from '../../libs/domain/schedule';
import { PlansService } from '../../apps/api/plans/plans.service';
import { REPORT_FORMATS } from '../../libs/report-rendering';
import { extractPdfText } from '../../libs/report-rendering/pdf-text.testing';
import { OccurrencesService } from '../../apps/api/occurrences/occurrences.service';
import { RoundsService } from '../../apps/api/reporting/rounds.service';
import type { CurrentPersonInfo } from '../../apps/api/auth/current-person';
import type { ReportDocument } from '../../libs/domain/reporting/report-document';
import { PLAN_REPORTING_WORKFLOW, planReportingWorkflowId, PlanReportingInput } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { insertPlan, LADDER, Org, seedOrg, startAction } from './fixtures';

/**
 * A reporting round on the real stack with seconds-long periods: the plan's reporting workflow
 * opens it, follows the missing status reports like tasks (reminder, overdue notice, escalation),
 * and the coordinator's approval — or the grace time — freezes the board report.
 */
const CONTINUOUS = parseSchedule({ text: 'Näringslivsansvariga utför regelbundna företagsbesök.', when: 'Q1 2020' });

describe('reporting round', () => {
  let stack: TestStack;
  let org: Org;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await seedOrg(stack);
  });
  afterAll(() => stack?.close());

  const person = (id: string, roles: string[]): CurrentPersonInfo => ({ id, roles, name: 'Test', email: 'test@kommun.se', unitId: null });
  const occurrences = () => stack.api!.get(OccurrencesService);
  const rounds = () => stack.api!.get(RoundsService);
  const statusReportOf = async (actionId: string) =>
    waitFor(async () => (await stack.dataSource.query(`SELECT id, status FROM occurrence WHERE action_id = $1 AND kind = 'status-report'`, [actionId]))[0] as { id: string; status: string } | undefined, {
      what: 'the status report',
    });
  const noticesOf = async (occurrenceId: string) =>
    (await stack.dataSource.query(`SELECT kind, recipient_person_id, payload FROM notification WHERE occurrence_id = $1 ORDER BY created_at, kind`, [occurrenceId])) as Array<{ kind: string; recipient_person_id: string; payload: Record<string, unknown> }>;

  async function planWithRound(settings: PlanReportingInput['round'], endsInSeconds: number) {
    const planId = await insertPlan(stack);
    await stack.dataSource.query('UPDATE plan SET policy = $2 WHERE id = $1', [planId, LADDER]);
    const quiet = { ...LADDER, remindBefore: [], escalateAfter: [] };
    const period = { key: 'T1', startsAt: inSeconds(-60), endsAt: inSeconds(endsInSeconds) };
    return { planId, quiet, period, start: (input: Partial<PlanReportingInput> = {}) => startReporting(planId, period, settings, input) };
  }

  async function startReporting(planId: string, period: { key: string; startsAt: string; endsAt: string }, round: PlanReportingInput['round'], extra: Partial<PlanReportingInput>) {
    const input: PlanReportingInput = { planId, timezone: 'Europe/Stockholm', cadence: { periods: [period] }, statusRequestBefore: 'PT1S', round, ...extra };
    return stack.client.workflow.start(PLAN_REPORTING_WORKFLOW, { taskQueue: stack.config.temporal.taskQueue, workflowId: planReportingWorkflowId(planId), args: [input] });
  }

  it('opens, reminds and escalates what is missing, takes a return and an approval, and freezes everything in the report', async () => {
    // The round opens 2 s from now, reports are due at 5 s, the period ends at 12 s.
    const { planId, quiet, start } = await planWithRound({ opensBefore: 'PT10S', deadlineBefore: 'PT7S', freezeAfter: 'PT60S', returnFor: 'PT30S' }, 12);
    const meeting = await startAction(stack, { planId, title: 'Företagsträff', owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(1)], policy: quiet });
    const visits = await startAction(stack, { planId, title: 'Regelbundna företagsbesök', owners: { personIds: [], unitIds: [org.samhallsbyggnad] }, schedule: CONTINUOUS, policy: quiet });
    const handle = await start();

    const meetingReport = await statusReportOf(meeting.actionId);
    const visitsReport = await statusReportOf(visits.actionId);
    const olle = person(org.olle, ['owner']);
    const ulla = person(org.ulla, ['owner']);
    const cora = person(org.cora, ['coordinator']);

    // Olle reports at once; the unit's report is reminded, then overdue, then escalated.
    await occurrences().submitStatusReport(meetingReport.id, { assessment: 'completed', comment: 'Träffen hölls i mars.', links: ['https://kommun.se/protokoll/12'] }, olle);
    await waitFor(() => noticesOf(visitsReport.id), { until: (n) => n.some((x) => x.kind === 'escalation-1'), what: 'the escalation of the missing report' });
    const sent = await noticesOf(visitsReport.id);
    expect(sent.map((n) => n.kind)).toEqual(expect.arrayContaining(['reminder', 'overdue', 'escalation-1']));
    expect(sent.every((n) => n.payload.statusReport === true)).toBe(true);
    const notices = (rows: Array<{ kind: string }>) => rows.filter((n) => /^(reminder|overdue|escalation-\d+|repeat)$/.test(n.kind));
    expect(notices(await noticesOf(meetingReport.id))).toEqual([]); // submitted before any notice: none
    for (const kind of ['reminder', 'overdue', 'escalation-1']) expect(sent.filter((n) => n.kind === kind)).toHaveLength(1); // exactly once each

    await occurrences().submitStatusReport(visitsReport.id, { assessment: 'at-risk', comment: 'Färre besök än planerat.' }, ulla);

    // The coordinator sends Olle's back; it is open again, and Olle completes it.
    const returned = await rounds().returnReport(planId, 'T1', meetingReport.id, { note: 'Hur många företag kom?' }, cora);
    expect(returned.statusReports.find((r) => r.occurrenceId === meetingReport.id)).toMatchObject({ state: 'returned', returned: { note: 'Hur många företag kom?' } });
    await expect(rounds().approve(planId, 'T1', cora)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' }); // the period still runs
    await occurrences().submitStatusReport(meetingReport.id, { assessment: 'completed', comment: 'Träffen hölls i mars med 40 företag.' }, olle);
    await rounds().saveSummaries(planId, 'T1', { overall: 'Planen följs i stort.', areas: [{ area: '', text: 'Företagsbesöken behöver fler resurser.' }] }, cora);

    const progress = await rounds().get(planId, 'T1');
    expect(progress.progress.overall).toMatchObject({ total: 2, submitted: 2, missing: 0 });

    await waitFor(async () => Date.now(), { until: (now) => now >= Date.parse(progress.periodEndsAt), what: 'the end of the period' });
    const approved = await rounds().approve(planId, 'T1', cora);
    expect(approved).toMatchObject({ status: 'approved', approved: { by: 'Cora' } });
    await handle.result(); // the explicit period is reported: the workflow ends

    const [snapshot] = await stack.dataSource.query('SELECT document FROM report_snapshot WHERE plan_id = $1 AND period_key = $2', [planId, 'T1']);
    const document = snapshot.document as ReportDocument;
    expect(document.round).toMatchObject({ status: 'approved', summary: 'Planen följs i stort.', approvedBy: 'Cora' });
    expect(document.areas[0].summary).toBe('Företagsbesöken behöver fler resurser.');
    const byTitle = (t: string) => document.areas.flatMap((a) => a.actions).find((a) => a.title === t)!;
    expect(byTitle('Företagsträff').statusReport).toMatchObject({ state: 'submitted', assessment: 'completed', comment: 'Träffen hölls i mars med 40 företag.', submittedBy: 'Olle' });
    expect(byTitle('Regelbundna företagsbesök').statusReport).toMatchObject({ state: 'submitted', assessment: 'at-risk', unit: 'Samhällsbyggnad', submittedBy: 'Ulla' });
    // Status reports are not tasks: the period's occurrences and totals count the meeting only.
    expect(document.totals.due).toBe(1);

    // Frozen means frozen: after approval nothing of the round changes.
    await expect(rounds().saveSummaries(planId, 'T1', { overall: 'Ändrad' }, cora)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const decided = await rounds().recordBoardDecision(planId, 'T1', { body: 'KS', date: '2026-09-15', paragraph: '§ 123' }, cora);
    expect(decided.boardDecision).toMatchObject({ body: 'KS', date: '2026-09-15', paragraph: '§ 123' });
    expect((await rounds().list(planId))[0]).toMatchObject({ periodKey: 'T1', status: 'approved', boardDecision: { paragraph: '§ 123' } });

    // The board's report, as the API serves it, says all of it in every format.
    const report = await stack.api!.get(PlansService).report(planId, 'T1');
    const everywhere = ['Träffen hölls i mars med 40 företag.', 'Genomförd', 'Färre besök än planerat.', 'Risk för avvikelse', 'Samhällsbyggnad', 'Planen följs i stort.', 'Företagsbesöken behöver fler resurser.', 'Cora', 'KS 2026-09-15 § 123'];
    for (const [format, text] of Object.entries(await renderedTexts(report))) {
      for (const expected of everywhere) expect({ format, has: text.includes(expected) ? expected : `missing: ${expected}` }).toEqual({ format, has: expected });
      expect({ format, internalKey: /\bT1\b/.test(text) }).toEqual({ format, internalKey: false });
    }
  }, 90_000);

  it('carries into the next period’s report how each area’s assessments moved since this one', async () => {
    const planId = await insertPlan(stack);
    const quiet = { ...LADDER, remindBefore: [], escalateAfter: [] };
    const visits = await startAction(stack, { planId, title: 'Regelbundna företagsbesök', owners: { personIds: [org.olle], unitIds: [] }, schedule: CONTINUOUS, policy: quiet });
    const first = { key: 'T1', startsAt: inSeconds(-60), endsAt: inSeconds(5) };
    const second = { key: 'T2', startsAt: first.endsAt, endsAt: inSeconds(12) };
    // Olle has from the round's opening (1 s) to its freezing (8 s) to report, time enough on a loaded machine.
    const round = { opensBefore: 'PT4S', deadlineBefore: 'PT1S', freezeAfter: 'PT3S', returnFor: 'PT30S' };
    const handle = await startReporting(planId, first, round, { cadence: { periods: [first, second] } });
    const report = await statusReportOf(visits.actionId);
    await occurrences().submitStatusReport(report.id, { assessment: 'on-track', comment: 'Enligt plan.' }, person(org.olle, ['owner']));
    await handle.result(); // both periods froze by themselves, the second without a status report

    const documents = (await stack.dataSource.query('SELECT period_key, document FROM report_snapshot WHERE plan_id = $1 ORDER BY period_end', [planId])) as Array<{ period_key: string; document: ReportDocument }>;
    expect(documents.map((d) => d.period_key)).toEqual(['T1', 'T2']);
    expect(documents[0].document.previous).toBeUndefined(); // the first assessed period has nothing to compare with
    const counts = (spread: { counts: Record<string, number> }) => Object.entries(spread.counts).filter(([, n]) => n > 0);
    expect(documents[1].document.previous).toMatchObject({ period: { key: 'T1' }, spread: [{ area: '' }] });
    expect(counts(documents[1].document.previous!.spread[0])).toEqual([['on-track', 1]]);
    const html = (await REPORT_FORMATS.html.render(documents[1].document)) as string;
    expect(html).toMatch(/<td class="number">0 \(−1\)<\/td>/); // on track: none now, one fewer than before
    expect(html).toMatch(/<td class="number">1 \(\+1\)<\/td>/); // no assessment: one more
  }, 60_000);

  /** Each format read back the way its reader would: the HTML's text, the PDF's text, every cell of the workbook, the DOCX as Word shows it. */
  async function renderedTexts(report: ReportDocument): Promise<Record<string, string>> {
    const html = ((await REPORT_FORMATS.html.render(report)) as string).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');
    const pdf = extractPdfText((await REPORT_FORMATS.pdf.render(report)) as Buffer).join('\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await REPORT_FORMATS.xlsx.render(report)) as unknown as ArrayBuffer);
    const xlsx = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join('\n');
    const docxBuffer = (await REPORT_FORMATS.docx.render(report)) as Buffer;
    const docx = (await mammoth.extractRawText({ buffer: docxBuffer })).value;
    expect((await mammoth.convertToHtml({ buffer: docxBuffer })).value).toMatch(/<img alt="[^"]+" src="data:image\/png;base64,/); // the chart
    return { html, pdf, xlsx, docx };
  }

  it('freezes by itself at the grace time, with what is missing marked as not reported', async () => {
    const { planId, quiet, start } = await planWithRound({ opensBefore: 'PT3S', deadlineBefore: 'PT1S', freezeAfter: 'PT2S', returnFor: 'PT30S' }, 4);
    const visits = await startAction(stack, { planId, title: 'Regelbundna företagsbesök', owners: { personIds: [org.olle], unitIds: [] }, schedule: CONTINUOUS, policy: quiet });
    const handle = await start();
    const report = await statusReportOf(visits.actionId);
    await handle.result();

    const [snapshot] = await stack.dataSource.query('SELECT document FROM report_snapshot WHERE plan_id = $1 AND period_key = $2', [planId, 'T1']);
    const document = snapshot.document as ReportDocument;
    expect(document.round).toMatchObject({ status: 'frozen', approvedBy: null });
    expect(document.areas[0].actions[0].statusReport).toMatchObject({ state: 'not-reported', assessment: null });
    const [row] = await stack.dataSource.query('SELECT status FROM occurrence WHERE id = $1', [report.id]);
    expect(row.status).toBe('cancelled');
    await expect(occurrences().submitStatusReport(report.id, { assessment: 'on-track', comment: 'Sent' }, person(org.olle, ['owner']))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  }, 60_000);
});
