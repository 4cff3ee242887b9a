import ExcelJS from 'exceljs';
import request from 'supertest';
import { ApiClient, loginAs } from '../support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';

// POST /api/organisation/import: the chart from an HR export or a spreadsheet, previewed, then
// written in one transaction when no row has a problem.
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

  it('previews without writing, then adds units (a unit after its own), people with their roles, and heads', async () => {
    const before = await counts();
    const preview = await admin.post('/api/organisation/import?dryRun=true', { text: CHART, filename: 'organisation.csv' });
    expect(preview.status).toBe(200);
    expect(preview.body.units.map((u: { name: string }) => u.name)).toEqual(['Kommunledning', 'Samhällsbyggnad']);
    expect(preview.body.people).toHaveLength(4);
    expect(preview.body.problems).toEqual([]);
    expect(await counts()).toEqual(before);

    const committed = await admin.post('/api/organisation/import', { text: CHART });
    expect([committed.status, committed.body.created]).toEqual([200, { units: 2, people: 4, heads: 2 }]);
    const units = (await admin.get('/api/units')).body as Array<{ id: string; name: string; parentId: string | null; headPersonId: string | null }>;
    const people = (await admin.get('/api/people')).body as Array<{ id: string; email: string; roles: string[]; unitId: string | null }>;
    const unit = (name: string) => units.find((u) => u.name === name)!;
    const person = (email: string) => people.find((p) => p.email === email)!;
    expect(unit('Samhällsbyggnad').parentId).toBe(unit('Kommunledning').id);
    expect(unit('Kommunledning').headPersonId).toBe(person('kim@import.se').id);
    expect(unit('Samhällsbyggnad').headPersonId).toBe(person('hanna@import.se').id);
    expect([person('cora@import.se').roles, person('cora@import.se').unitId]).toEqual([['coordinator'], unit('Kommunledning').id]);
    expect(person('olle@import.se').roles).toEqual(['owner']);
    const audit = await stack.dataSource.query(`SELECT entity, count(*)::int AS n FROM audit_log WHERE action = 'imported' GROUP BY entity ORDER BY entity`);
    expect(audit).toEqual([{ entity: 'person', n: 4 }, { entity: 'unit', n: 2 }]);

    // The same file again adds nothing and names what is there already.
    const again = await admin.post('/api/organisation/import', { text: CHART });
    expect(again.body.created).toEqual({ units: 0, people: 0, heads: 0 });
    expect(again.body.existing.emails).toHaveLength(4);
    expect(await counts()).toEqual({ units: before.units + 2, people: before.people + 4 });
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
    expect(response.body.people).toEqual([{ name: 'Karin Kultur', email: 'karin@import.se', unit: 'Kultur', roles: ['owner'], row: 2 }]);
  });

  it('refuses a table without a header it can read, and an upload without a document', async () => {
    const noHeader = await admin.post('/api/organisation/import?dryRun=true', { text: 'a;b\nc;d' });
    expect([noHeader.status, noHeader.body.error.code]).toEqual([422, 'IMPORT_NO_HEADER']);
    const nothing = await admin.post('/api/organisation/import?dryRun=true', {});
    expect([nothing.status, nothing.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
