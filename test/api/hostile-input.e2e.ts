import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { onePage, stream } from '../../libs/domain/import/__fixtures__/pdf-bytes';
import { writePdf } from '../../libs/domain/import/__fixtures__/pdf-document';
import { zip } from '../../libs/domain/import/__fixtures__/zip-archive';
import { startTestStack, TestStack } from '../support/test-stack';
import { ApiOrg, buildOrganisation } from './api-fixtures';

// Requests that once got a 500 (or took the server down): each gets a 4xx with the error body of
// API.md, and writes nothing.
describe('hostile input gets a clear 4xx', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false });
    org = await buildOrganisation(stack.api!, 'hostile');
    planId = (await org.cora.post('/api/plans', { title: 'Plan', startDate: '2026-01-01' })).body.id;
  });
  afterAll(() => stack?.close());

  const server = () => stack.api!.getHttpServer();
  const rows = async () => (await stack.dataSource.query(`SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM person) + (SELECT count(*) FROM plan) + (SELECT count(*) FROM action) + (SELECT count(*) FROM audit_log) AS n`))[0].n;
  const expectError = (response: request.Response, status: number, code?: string) => {
    expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code: code ?? expect.any(String) });
    expect(response.body.error).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  };

  it('a JSON body over the limit: 413', async () => {
    const before = await rows();
    const response = await request(server()).post('/api/units').set('Authorization', `Bearer ${org.cora.token}`).set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x'.repeat(4 * 1024 * 1024) }));
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(await rows()).toBe(before);
  });

  it('a 5,000-deep (and a 500,000-deep) nested array: 400', async () => {
    for (const depth of [5_000, 500_000]) {
      const nested = '['.repeat(depth) + ']'.repeat(depth);
      const response = await request(server()).post('/api/units').set('Authorization', `Bearer ${org.cora.token}`).set('Content-Type', 'application/json').send(`{"name": ${nested}}`);
      expectError(response, 400, 'VALIDATION_FAILED');
    }
  });

  it.each([
    ['U+0000', 'Kul\u0000tur', '%00'],
    ['a lone surrogate', 'Kul\ud800tur', '%ED%A0%80'],
  ])('text holding %s: 400, nothing stored', async (_what, name, inPath) => {
    const before = await rows();
    expectError(await org.cora.post('/api/units', { name }), 400, 'VALIDATION_FAILED');
    expectError(await org.cora.post(`/api/plans/${planId}/actions`, { title: 'Möte', schedule: { text: name } }), 400, 'VALIDATION_FAILED');
    expectError(await org.cora.get(`/api/plans/${planId}/reports/2026H1${inPath}`), 400);
    expect(await rows()).toBe(before);
  });

  it('a page beyond any real page: empty, or 400 past any list', async () => {
    const empty = await org.cora.get('/api/occurrences?page=999999');
    expect([empty.status, empty.body.items]).toEqual([200, []]);
    expectError(await org.cora.get('/api/occurrences?page=1000000000000'), 400, 'VALIDATION_FAILED');
    expectError(await org.cora.get('/api/occurrences?page=1e300'), 400, 'VALIDATION_FAILED');
  });

  it.each(['1', '2020', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z'])('notifications before=%s: 400', async (before) => {
    expectError(await org.cora.get(`/api/notifications?to=me&before=${encodeURIComponent(before)}`), 400, 'VALIDATION_FAILED');
  });

  it('notifications before an ISO instant: 200', async () => {
    expect((await org.cora.get('/api/notifications?to=me&before=2026-03-01T12:00:00%2B01:00')).status).toBe(200);
  });

  it('the same e-mail address created twice at once: one 201, the rest 409', async () => {
    const person = { name: 'Dubbel', email: 'dubbel@kommun.se', roles: ['owner'] };
    const responses = await Promise.all(Array.from({ length: 8 }, () => org.admin.post('/api/people', person)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) expectError(response, 409, 'CONFLICT');
    expect((await stack.dataSource.query(`SELECT count(*)::int AS n FROM person WHERE email = 'dubbel@kommun.se'`))[0].n).toBe(1);
  });

  it('dates the database cannot hold: 400', async () => {
    const before = await rows();
    expectError(await org.cora.post('/api/plans', { title: 'Plan', startDate: '0000-01-01' }), 400, 'VALIDATION_FAILED');
    expect(await rows()).toBe(before);
  });

  it('malformed JSON, an unknown charset, a malformed percent-encoding: 4xx', async () => {
    const auth = { Authorization: `Bearer ${org.cora.token}` };
    expectError(await request(server()).post('/api/units').set(auth).set('Content-Type', 'application/json').send('{"name": '), 400);
    expectError(await request(server()).post('/api/units').set(auth).set('Content-Type', 'application/json; charset=klingon').send('{}'), 415);
    expectError(await request(server()).get('/api/plans/%E0%A4%A').set(auth), 400);
  });

  it('plan text over the limit: 4xx, nothing stored', async () => {
    const before = await rows();
    const response = await org.cora.post(`/api/plans/${planId}/import?dryRun=true`, { text: `Aktivitet;När\n${'Möte;Q1 2026\n'.repeat(200_000)}` });
    expect([400, 413]).toContain(response.status);
    expectError(response, response.status);
    expect(await rows()).toBe(before);
  });

  it('corrections nested deep inside a form field: 400', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const response = await request(server())
      .post(`/api/plans/${planId}/import?dryRun=true`)
      .set('Authorization', `Bearer ${org.cora.token}`)
      .field('text', 'Aktivitet;När\nMöte;Q1 2026\n')
      .field('corrections', `[${deep}]`);
    expectError(response, 400, 'VALIDATION_FAILED');
  });

  it('a small workbook with 20,000 rows and a cell in column XFD of row 20,001: refused, the server unharmed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Aktivitet', 'När', 'Ansvar']);
    for (let i = 0; i < 20_000; i++) sheet.addRow([`Möte ${i}`, 'Q1 2026', 'Kultur']);
    sheet.getCell('XFD20001').value = 'x';
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(file.length).toBeLessThan(400_000);
    const before = await rows();
    for (const dryRun of [true, false]) {
      const response = await request(server()).post(`/api/plans/${planId}/import?dryRun=${dryRun}`).set('Authorization', `Bearer ${org.cora.token}`).attach('file', file, 'plan.xlsx');
      expectError(response, 413, 'IMPORT_TOO_LARGE');
      expect(response.body.error.message).toMatch(/has a value in cell A5001; a plan is read from rows 1–5000/);
    }
    expect(await rows()).toBe(before);
    const good = await request(server()).post(`/api/plans/${planId}/import?dryRun=true`).set('Authorization', `Bearer ${org.cora.token}`).attach('file', Buffer.from('Aktivitet;När\nMöte;Q1 2026\n'), 'plan.csv');
    expect([good.status, good.body.areas?.[0]?.actions?.length]).toEqual([200, 1]);
  });

  it('a Word document with tables nested 100,000 deep: refused, and a plan in Word read through the same upload', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const nested = zip([{ name: 'word/document.xml', data: `<w:document xmlns:w="${W}"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(100_000)}</w:body></w:document>` }]);
    const before = await rows();
    const refused = await request(server()).post(`/api/plans/${planId}/import?dryRun=false`).set('Authorization', `Bearer ${org.cora.token}`).attach('file', Buffer.from(nested), 'plan.docx');
    expectError(refused, 413, 'IMPORT_TOO_LARGE');
    expect(refused.body.error.message).toMatch(/nests elements more than 256 deep/);
    expect(await rows()).toBe(before);
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const plan = new Document({ sections: [{ children: [
      new Paragraph({ text: '1. Företagsservice', heading: HeadingLevel.HEADING_1 }),
      new Table({ rows: [['Aktivitet', 'När', 'Ansvar'], ['Företagsbesök', 'Q1 2026', 'Kultur']].map((r) => new TableRow({ children: r.map(cell) })) }),
    ] }] });
    const good = await request(server()).post(`/api/plans/${planId}/import?dryRun=true`).set('Authorization', `Bearer ${org.cora.token}`).attach('file', await Packer.toBuffer(plan), 'Handlingsplan.docx');
    expect([good.status, good.body.format, good.body.areas?.map((a: { title: string; actions: unknown[] }) => [a.title, a.actions.length])]).toEqual([200, 'docx', [['Företagsservice', 1]]]);
  });

  it('a PDF bomb and a scanned PDF: refused, saying why; a plan in PDF, its table over two pages, read through the same upload', async () => {
    const upload = (content: Uint8Array, name: string, dryRun = true) => request(server()).post(`/api/plans/${planId}/import?dryRun=${dryRun}`).set('Authorization', `Bearer ${org.cora.token}`).attach('file', Buffer.from(content), name);
    const before = await rows();
    const bomb = onePage(stream('/Filter /FlateDecode', deflateSync(Buffer.alloc(60 * 1024 * 1024, 0x20))));
    const refused = await upload(bomb, 'plan.pdf', false);
    expectError(refused, 413, 'IMPORT_TOO_LARGE');
    expect(refused.body.error.message).toBe('The PDF unpacks to more than 50 MB');
    const scan = await upload(await writePdf([{ pageBreak: true }]), 'Handlingsplan (skannad).pdf', false);
    expectError(scan, 422, 'IMPORT_PDF_NO_TEXT');
    expect(scan.body.error.message).toMatch(/no text layer.*Export the plan from Word or Excel as \.docx or \.xlsx/);
    expect(await rows()).toBe(before);
    const actions = Array.from({ length: 40 }, (_, i) => [`Företagsbesök nummer ${i + 1} hos ett av kommunens företag, med uppföljning.`, `Q${(i % 4) + 1} 2026`, 'Näringsliv']);
    const columns = [{ title: 'Aktivitet', width: 280 }, { title: 'När', width: 80 }, { title: 'Ansvar', width: 135 }];
    const plan = await writePdf([{ heading: '1. Företagsservice' }, { table: { columns, rows: actions } }], { foot: 'Handlingsplan · Sida {page} av {pages}' });
    const good = await upload(plan, 'Handlingsplan.pdf');
    expect([good.status, good.body.format, good.body.areas?.map((a: { title: string; actions: unknown[] }) => [a.title, a.actions.length])]).toEqual([200, 'pdf', [['Företagsservice', 40]]]);
    expect(good.body.areas[0].actions.map((a: { title: string }) => a.title)).toEqual(actions.map((a) => a[0]));
  });

  it('an upload over the size limit: 413', async () => {
    const response = await request(server()).post(`/api/plans/${planId}/import?dryRun=true`).set('Authorization', `Bearer ${org.cora.token}`).attach('file', Buffer.alloc(11 * 1024 * 1024, 0x41), 'plan.csv');
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
  });
});
