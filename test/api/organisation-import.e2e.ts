import ExcelJS from 'exceljs';
import request from 'supertest';
import { ApiClient, loginAs } from '../support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';

// POST /api/organisation/import: the chart from an HR export or a spreadsheet, previewed (new,
// changed, unchanged, missing; warnings), then written in one transaction when no row has a
// problem; safe to repeat; missing people deactivated only when the coordinator confirms.
describe('importing the organisation chart', () => {
  let stack: TestStack;
  let admin: ApiClient;
  const CHART = [
    'Enhet;Ingår i;Namn;E-post;Roller;Chef',
    'Samhällsbyggnad;Kommunledning;Hanna Enhetschef;hanna@import.se;chef;ja',
    'Kommunledning;;Kim Kommunchef;kim@import.se;chef;ja',
    'Kommunledning;;Cora Samordnare;cora@import.se;samordnare;',
    'Samhällsbyggnad;;Olle Ägare;olle@import.se;;',
  ].join('\n');

  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false });
    admin = await loginAs(stack.api!, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => stack?.close());

  const counts = async () => {
    const [units, people] = await Promise.all([admin.get('/api/units'), admin.get('/api/people')]);
    return { units: units.body.length as number, people: people.body.length as number };
  };

  type Change = { field: string; from: string | null; to: string | null };
  const names = (list: Array<{ name: string }>) => list.map((x) => x.name);
  const auditCount = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;
  const chartState = () => stack.dataSource.query(`SELECT p.email, p.name, p.roles, p.deactivated_at IS NULL AS active, u.name AS unit FROM person p LEFT JOIN unit u ON u.id = p.unit_id ORDER BY p.email`);

  it('previews without writing, then adds units (a unit after its own), people with their roles, and heads; the same file again changes nothing', async () => {
    const before = await counts();
    const preview = await admin.post('/api/organisation/import?dryRun=true', { text: CHART, filename: 'organisation.csv' });
    expect(preview.status).toBe(200);
    expect(names(preview.body.units.new)).toEqual(['Kommunledning', 'Samhällsbyggnad']);
    expect(preview.body.people.new).toHaveLength(4);
    expect(preview.body.people.missing).toEqual([expect.objectContaining({ email: TEST_ADMIN.email, kept: 'admin' })]);
    expect(preview.body.file.people).toHaveLength(4);
    expect([preview.body.problems, preview.body.warnings]).toEqual([[], []]);
    expect(await counts()).toEqual(before);

    const committed = await admin.post('/api/organisation/import', { text: CHART, deactivateMissing: true });
    expect([committed.status, committed.body.applied]).toEqual([200, { units: { created: 2, changed: 0 }, people: { created: 4, changed: 0, deactivated: 0 } }]);
    const units = (await admin.get('/api/units')).body as Array<{ id: string; name: string; parentId: string | null; headPersonId: string | null }>;
    const people = (await admin.get('/api/people')).body as Array<{ id: string; email: string; roles: string[]; unitId: string | null; deactivatedAt: string | null }>;
    const unit = (name: string) => units.find((u) => u.name === name)!;
    const person = (email: string) => people.find((p) => p.email === email)!;
    expect(unit('Samhällsbyggnad').parentId).toBe(unit('Kommunledning').id);
    expect(unit('Kommunledning').headPersonId).toBe(person('kim@import.se').id);
    expect(unit('Samhällsbyggnad').headPersonId).toBe(person('hanna@import.se').id);
    expect([person('cora@import.se').roles, person('cora@import.se').unitId]).toEqual([['coordinator'], unit('Kommunledning').id]);
    expect(person('olle@import.se').roles).toEqual(['owner']);
    expect(person(TEST_ADMIN.email).deactivatedAt).toBeNull(); // deactivateMissing never reaches an admin
    const audit = await stack.dataSource.query(`SELECT entity, count(*)::int AS n FROM audit_log WHERE action = 'imported' GROUP BY entity ORDER BY entity`);
    expect(audit).toEqual([{ entity: 'organisation', n: 1 }, { entity: 'person', n: 4 }, { entity: 'unit', n: 2 }]);

    // The same file again: everything unchanged, nothing written but the import's own audit entry.
    const [state, auditBefore] = [await chartState(), await auditCount()];
    const again = await admin.post('/api/organisation/import', { text: CHART });
    expect(again.body.applied).toEqual({ units: { created: 0, changed: 0 }, people: { created: 0, changed: 0, deactivated: 0 } });
    expect([names(again.body.units.unchanged), again.body.people.unchanged.length, again.body.people.changed, again.body.units.changed]).toEqual([['Samhällsbyggnad', 'Kommunledning'], 4, [], []]); // in the file's order
    expect(await chartState()).toEqual(state);
    expect(await auditCount()).toBe(auditBefore + 1);
    expect(await counts()).toEqual({ units: before.units + 2, people: before.people + 4 });
  });

  const LATER = [
    'Namn,E-post,Enhet,Överordnad,Chef,Roller',
    'Kim Kommunchef,kim@import.se,Kommunledning,,ja,chef',
    'Cora Samordnare,CORA@import.se,Kommunledning,,,"samordnare, läsare"',
    'Olle Ägare,olle@import.se,Samhällsbyggnad,Kommunledning,ja,',
    'Petra Park,petra@import.se,Parker,Samhällsbyggnad,,',
  ].join('\n');

  it('says what changes from what to what, lists who is missing, and deactivates them only when confirmed', async () => {
    const preview = (await admin.post('/api/organisation/import?dryRun=true', { text: LATER })).body;
    expect(preview.problems).toEqual([]);
    expect(preview.units.new).toEqual([{ name: 'Parker', parent: 'Samhällsbyggnad', head: null, row: 5 }]);
    expect(preview.units.changed.map((u: { name: string; changes: Change[] }) => [u.name, u.changes])).toEqual([['Samhällsbyggnad', [{ field: 'head', from: 'Hanna Enhetschef', to: 'Olle Ägare' }]]]);
    expect(names(preview.units.unchanged)).toEqual(['Kommunledning']);
    expect(preview.people.changed.map((p: { name: string; changes: Change[] }) => [p.name, p.changes])).toEqual([
      ['Cora Samordnare', [{ field: 'roles', from: 'coordinator', to: 'coordinator, viewer' }]],
      ['Olle Ägare', [{ field: 'head', from: null, to: 'Samhällsbyggnad' }]],
    ]);
    expect(preview.people.new.map((p: { email: string; unit: string }) => [p.email, p.unit])).toEqual([['petra@import.se', 'Parker']]);
    expect(preview.people.missing.map((p: { email: string; kept: string | null }) => [p.email, p.kept])).toEqual([[TEST_ADMIN.email, 'admin'], ['hanna@import.se', null]]);
    expect(preview.warnings.map((w: { code: string; values: { unit: string } }) => [w.code, w.values.unit])).toEqual([['noHead', 'Parker']]);

    // Without a confirmation Hanna stays active, no longer head; the rest is written.
    const committed = await admin.post('/api/organisation/import', { text: LATER });
    expect(committed.body.applied).toEqual({ units: { created: 1, changed: 1 }, people: { created: 1, changed: 2, deactivated: 0 } });
    const hanna = (await admin.get('/api/people')).body.find((p: { email: string }) => p.email === 'hanna@import.se');
    expect(hanna.deactivatedAt).toBeNull();
    const sbb = (await admin.get('/api/units')).body.find((u: { name: string }) => u.name === 'Samhällsbyggnad');
    expect(sbb.headPersonId).toBe(committed.body.people.changed[1].id);

    // An id that is not missing from the file (Olle) is refused, and nothing is written.
    const [state, auditBefore] = [await chartState(), await auditCount()];
    const refused = await admin.post('/api/organisation/import', { text: LATER, deactivate: [hanna.id, committed.body.people.changed[1].id] });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'UNPROCESSABLE']);
    const admin_ = (await admin.get('/api/people')).body.find((p: { email: string }) => p.email === TEST_ADMIN.email);
    expect((await admin.post('/api/organisation/import', { text: LATER, deactivate: [admin_.id] })).status).toBe(422);
    expect([await chartState(), await auditCount()]).toEqual([state, auditBefore]);

    // Confirmed: Hanna is deactivated (kept, with her history), and the admin is not.
    const confirmed = await admin.post('/api/organisation/import', { text: LATER, deactivate: [hanna.id] });
    expect(confirmed.body.applied).toEqual({ units: { created: 0, changed: 0 }, people: { created: 0, changed: 0, deactivated: 1 } });
    const after = (await admin.get('/api/people')).body as Array<{ email: string; deactivatedAt: string | null }>;
    expect(after.filter((p) => p.deactivatedAt).map((p) => p.email)).toEqual(['hanna@import.se']);
    expect(await stack.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'deactivated by import' AND entity_id = $1`, [hanna.id])).toEqual([{ n: 1 }]);
    // Deactivated people are no longer missing: the same file a third time changes nothing.
    const third = await admin.post('/api/organisation/import', { text: LATER, deactivateMissing: true });
    expect(third.body.applied).toEqual({ units: { created: 0, changed: 0 }, people: { created: 0, changed: 0, deactivated: 0 } });
  });

  it('warns, refuses cycles, duplicates and two heads with a 422, and writes nothing', async () => {
    const [state, auditBefore, before] = [await chartState(), await auditCount(), await counts()];
    const text = [
      'Enhet;Ingår i;Namn;E-post;Chef',
      'Kommunledning;Parker;Kim Kommunchef;kim@import.se;ja',
      'Fritid;Okänd förvaltning;Frida;frida@import.se;ja',
      'Fritid;;Fredrik;fredrik@import.se;ja',
      'Fritid;;Frida igen;FRIDA@import.se;',
    ].join('\n');
    const preview = (await admin.post('/api/organisation/import?dryRun=true', { text })).body;
    expect(preview.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([[2, 'ring'], [4, 'twoHeads'], [5, 'duplicateEmail']]);
    expect(preview.warnings.map((w: { code: string }) => w.code)).toEqual(['unknownParent', 'noHead']);
    const refused = await admin.post('/api/organisation/import', { text, deactivateMissing: true });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'UNPROCESSABLE']);
    expect([await chartState(), await auditCount(), await counts()]).toEqual([state, auditBefore, before]);
    const badFlag = await admin.post('/api/organisation/import', { text: LATER, deactivate: ['not-an-id'] });
    expect(badFlag.status).toBe(400);
    expect([await chartState(), await auditCount()]).toEqual([state, auditBefore]);
  });

  it('writes nothing when a row has a problem, and says which rows', async () => {
    const before = await counts();
    const text = ['Enhet;Namn;E-post;Roller', 'Kultur;Anna;anna@import.se;', 'Kultur;Bo;bo(at)import.se;', 'Fritid;Ada;ada@import.se;admin'].join('\n');
    const preview = await admin.post('/api/organisation/import?dryRun=true', { text });
    expect(preview.body.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([[3, 'notEmail'], [4, 'adminRole']]);
    const refused = await admin.post('/api/organisation/import', { text });
    expect([refused.status, refused.body.error.code, refused.body.error.details.map((d: { path: string }) => d.path)]).toEqual([422, 'UNPROCESSABLE', ['row 3', 'row 4']]);
    expect(await counts()).toEqual(before);
  });

  it('reads an XLSX workbook uploaded as a file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personal');
    sheet.addRows([['Förvaltning', 'Namn', 'E-post'], ['Kultur', 'Karin Kultur', 'karin@import.se']]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await request(stack.api!.getHttpServer()).post('/api/organisation/import?dryRun=true').set('Authorization', `Bearer ${admin.token}`).attach('file', file, 'personal.xlsx');
    expect(response.status).toBe(200);
    expect(response.body.people.new).toEqual([{ name: 'Karin Kultur', email: 'karin@import.se', unit: 'Kultur', roles: ['owner'], headOf: null, row: 2 }]);
  });

  it('refuses a table without a header it can read, and an upload without a document', async () => {
    const noHeader = await admin.post('/api/organisation/import?dryRun=true', { text: 'a;b\nc;d' });
    expect([noHeader.status, noHeader.body.error.code]).toEqual([422, 'IMPORT_NO_HEADER']);
    const nothing = await admin.post('/api/organisation/import?dryRun=true', {});
    expect([nothing.status, nothing.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
