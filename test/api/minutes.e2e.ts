import { Document, Packer, Paragraph } from 'docx';
import request from 'supertest';
import { MINUTES } from '../support/minutes';
import { startTestStack, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { ApiOrg, buildOrganisation } from './api-fixtures';

// Minutes into a plan over HTTP (issue 15): the preview matches owners and writes nothing; the
// commit creates the meeting's actions (pointing back to their paragraph) and puts its open
// questions on the balance list, where they are later assigned or closed.
describe('minutes into a plan', () => {
  let stack: TestStack;
  let org: ApiOrg;

  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'minutes');
    await org.admin.patch(`/api/units/${org.ids.samhallsbyggnad}`, { abbreviation: 'SBB' });
  });
  afterAll(() => stack?.close());

  const newPlan = async (title: string) => (await org.cora.post('/api/plans', { title, startDate: '2026-01-01' })).body.id as string;
  const count = async (table: string) => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const counts = async () => ({ actions: await count('action'), meetings: await count('meeting'), questions: await count('open_question') });

  it('previews every finding with its owner matched to the organisation, and writes nothing', async () => {
    const planId = await newPlan('Förhandsvisning av protokoll');
    const before = await counts();
    const preview = await org.cora.post(`/api/plans/${planId}/minutes?dryRun=true`, { text: MINUTES });
    expect(preview.status).toBe(200);
    expect(preview.body.meeting).toEqual({ title: 'Möte 2026-11-10', date: '2026-11-10', nextMeetingDate: '2027-01-12' });
    expect(preview.body.findings.map((f: { kind: string; ownerMapping: object; proposal: object }) => [f.kind, f.ownerMapping, f.proposal])).toEqual([
      ['assignment', { unitIds: [], personIds: [org.ids.olle], unmatched: [] }, { title: 'Olle följer upp företagsbesöken till nästa möte', due: '2027-01-12' }],
      ['decision', { unitIds: [], personIds: [], unmatched: [] }, { title: 'Det beslutades att upphandlingsplanen ska ses över', due: null }],
      // "SBB": the unit's abbreviation.
      ['assignment', { unitIds: [org.ids.samhallsbyggnad], personIds: [], unmatched: [] }, { title: 'SBB tar fram en ny rutin senast 15 december 2026', due: '2026-12-15' }],
      ['openQuestion', { unitIds: [], personIds: [], unmatched: [] }, { title: 'Vem driver frågan om lokalförsörjning vidare?', due: null }],
    ]);
    expect(preview.body.findings[0]).toMatchObject({ place: { ref: '§ 1', title: 'Företagsbesök' }, because: { rule: 'assignment.verb', words: 'följer upp' } });
    expect(await counts()).toEqual(before);
  });

  it('creates the accepted actions in an area named after the meeting, each pointing back to its paragraph; the question goes on the balance list', async () => {
    const planId = await newPlan('Näringslivsrådet');
    const committed = await org.cora.post(`/api/plans/${planId}/minutes`, {
      text: MINUTES,
      title: 'Samrådsmöte november',
      choices: [
        { index: 1, ownerPersonIds: [org.ids.ulla], title: 'Se över upphandlingsplanen' },
        { index: 2, drop: true },
      ],
    });
    expect(committed.status).toBe(200);
    expect(committed.body.actions.map((a: { title: string; index: number }) => [a.index, a.title])).toEqual([
      [0, 'Olle följer upp företagsbesöken till nästa möte'],
      [1, 'Se över upphandlingsplanen'],
    ]);
    expect(committed.body.questions.map((q: { question: string }) => q.question)).toEqual(['Vem driver frågan om lokalförsörjning vidare?']);

    const [olles, decided] = await Promise.all(committed.body.actions.map(async (a: { id: string }) => (await org.cora.get(`/api/actions/${a.id}`)).body));
    expect(olles).toMatchObject({
      area: 'Samrådsmöte november',
      ownerPersonIds: [org.ids.olle],
      schedule: { kind: 'once', rule: { type: 'once', due: '2027-01-12' } },
      source: { meetingId: committed.body.meetingId, meetingTitle: 'Samrådsmöte november', meetingDate: '2026-11-10', place: { ref: '§ 1', title: 'Företagsbesök' }, sentence: 'Olle följer upp företagsbesöken till nästa möte.' },
    });
    expect(decided).toMatchObject({ ownerPersonIds: [org.ids.ulla], schedule: { kind: 'continuous' }, source: { place: { ref: '§ 2' } } });
    // Followed up like any other action: their workflows start.
    for (const a of committed.body.actions) await waitFor(async () => (await org.cora.get(`/api/actions/${a.id}`)).body.status === 'active', { what: `action ${a.title} followed` });

    // The board report says where each such action was decided.
    const report = await org.cora.get(`/api/plans/${planId}/reports/2026H2?draft=true&format=json`);
    const reported = report.body.areas.find((a: { title: string }) => a.title === 'Samrådsmöte november');
    expect(reported.actions[0].source).toEqual({ meeting: 'Samrådsmöte november', meetingDate: '2026-11-10', ref: '§ 1', title: 'Företagsbesök' });

    const meetings = await org.vera.get(`/api/plans/${planId}/meetings`);
    expect(meetings.body).toEqual([expect.objectContaining({ id: committed.body.meetingId, title: 'Samrådsmöte november', heldOn: '2026-11-10', actions: 2, openQuestions: 1 })]);
    const audit = (await org.cora.get(`/api/plans/${planId}/audit`)).body as Array<{ entity: string; action: string; after: { dropped: number[] } }>;
    expect(audit.find((a) => a.entity === 'meeting')).toMatchObject({ action: 'minutes-read', after: { dropped: [2] } });

    // The same minutes again would create every action twice.
    const before = await counts();
    const again = await org.cora.post(`/api/plans/${planId}/minutes`, { text: `${MINUTES}\n\n` });
    expect([again.status, again.body.error.code, again.body.error.message]).toEqual([409, 'CONFLICT', expect.stringContaining('"Samrådsmöte november"')]);
    expect(await counts()).toEqual(before);
  });

  it('open questions are assigned (they become actions of the meeting) or closed with a reason, once', async () => {
    const planId = await newPlan('Balanslistan');
    const text = ['Styrgrupp 2026-10-01', '§ 4 Lokaler', 'Vem ansvarar för lokalförsörjningen?', '§ 5 Rekrytering', 'Vem driver frågan om kompetensförsörjning vidare?'].join('\n');
    const { questions, meetingId } = (await org.cora.post(`/api/plans/${planId}/minutes`, { text })).body;
    expect(questions).toHaveLength(2);
    const open = await org.vera.get(`/api/plans/${planId}/open-questions?status=open`);
    expect(open.body.map((q: { question: string; status: string; place: { ref: string } }) => [q.place.ref, q.status])).toEqual([['§ 4', 'open'], ['§ 5', 'open']]);

    const assigned = await org.cora.post(`/api/open-questions/${questions[0].id}/assign`, { ownerPersonIds: [org.ids.otto], title: 'Utred lokalförsörjningen' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', resolvedBy: { id: org.ids.cora }, meeting: { id: meetingId } });
    const action = (await org.cora.get(`/api/actions/${assigned.body.actionId}`)).body;
    expect(action).toMatchObject({ title: 'Utred lokalförsörjningen', area: 'Möte 2026-10-01', ownerPersonIds: [org.ids.otto], schedule: { kind: 'continuous' }, source: { meetingId, place: { ref: '§ 4' } } });
    expect((await org.cora.post(`/api/open-questions/${questions[0].id}/close`, { reason: 'Sent' })).status).toBe(409);

    expect((await org.cora.post(`/api/open-questions/${questions[1].id}/close`, {})).status).toBe(400);
    const closed = await org.cora.post(`/api/open-questions/${questions[1].id}/close`, { reason: 'Besvarad i KS 2026-11-14 § 52' });
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'Besvarad i KS 2026-11-14 § 52', actionId: null });
    const again = await org.cora.post(`/api/open-questions/${questions[1].id}/assign`, { ownerPersonIds: [org.ids.otto] });
    expect([again.status, again.body.error.message]).toEqual([409, 'The question has already been closed']);
    expect((await org.vera.get(`/api/plans/${planId}/open-questions?status=open`)).body).toEqual([]);
    expect((await org.vera.get(`/api/plans/${planId}/open-questions`)).body).toHaveLength(2);
  });

  it('reads minutes uploaded as Word, with the choices as a JSON form field', async () => {
    const planId = await newPlan('Protokoll i Word');
    const docx = new Document({ sections: [{ children: ['Möte 2026-09-01', '§ 3 Företagsklimat', 'Ulla återkommer med en enkät senast 30 september 2026.'].map((t) => new Paragraph(t)) }] });
    const file = Buffer.from(await Packer.toBuffer(docx));
    const upload = (path: string, choices?: string) => {
      const call = request(stack.api!.getHttpServer()).post(path).set('Authorization', `Bearer ${org.cora.token}`).attach('file', file, 'protokoll.docx');
      return choices === undefined ? call : call.field('choices', choices);
    };
    const preview = await upload(`/api/plans/${planId}/minutes?dryRun=true`);
    expect(preview.status).toBe(200);
    expect(preview.body.findings.map((f: { owner: string; ownerMapping: { personIds: string[] }; proposal: { due: string } }) => [f.owner, f.ownerMapping.personIds, f.proposal.due])).toEqual([['Ulla', [org.ids.ulla], '2026-09-30']]);
    const committed = await upload(`/api/plans/${planId}/minutes`, JSON.stringify([{ index: 0, due: '2026-10-15' }]));
    expect(committed.status).toBe(200);
    expect((await org.cora.get(`/api/actions/${committed.body.actions[0].id}`)).body.schedule.rule).toEqual({ type: 'once', due: '2026-10-15' });
  });

  it('bad input gets a clear 4xx and writes nothing', async () => {
    const planId = await newPlan('Felaktiga protokoll');
    const before = await counts();
    const noFinding = await org.cora.post(`/api/plans/${planId}/minutes`, { text: MINUTES, choices: [{ index: 9 }] });
    expect([noFinding.status, noFinding.body.error.details]).toEqual([400, [{ path: 'choices[0]', message: 'no finding 9' }]]);
    const badOwner = await org.cora.post(`/api/plans/${planId}/minutes`, { text: MINUTES, choices: [{ index: 0, ownerPersonIds: ['00000000-0000-4000-8000-000000000000'] }] });
    expect([badOwner.status, badOwner.body.error.details[0].path]).toEqual([422, 'findings[0].ownerPersonIds']);
    const badDate = await org.cora.post(`/api/plans/${planId}/minutes`, { text: MINUTES, choices: [{ index: 0, due: 'nästa vecka' }] });
    expect(badDate.status).toBe(400);
    const pdf = await request(stack.api!.getHttpServer()).post(`/api/plans/${planId}/minutes?dryRun=true`).set('Authorization', `Bearer ${org.cora.token}`).attach('file', Buffer.from('%PDF-1.7\n'), 'protokoll.pdf');
    expect([pdf.status, pdf.body.error.code]).toEqual([415, 'IMPORT_UNSUPPORTED_FORMAT']);
    expect((await org.cora.post(`/api/plans/${planId}/minutes`, {})).status).toBe(400);
    expect((await org.olle.post(`/api/plans/${planId}/minutes?dryRun=true`, { text: MINUTES })).status).toBe(403);
    await org.cora.post(`/api/plans/${planId}/archive`, { reason: 'Ersatt' });
    const archived = await org.cora.post(`/api/plans/${planId}/minutes`, { text: MINUTES });
    expect([archived.status, archived.body.error.code]).toEqual([409, 'PLAN_ARCHIVED']);
    expect(await counts()).toEqual(before);
  });
});
