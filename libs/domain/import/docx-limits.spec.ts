import { DomainError } from '../errors';
import { parsePlanDocument, PlanImportPreview } from '.';
import { Part, zip } from './__fixtures__/zip-archive';

// Hostile Word documents, made byte by byte: each is small and claims far more than it holds.
// Each must be refused with IMPORT_TOO_LARGE (or read, where the claim costs nothing) without the
// memory or time the claim asks for; the per-test limit makes a regression fail, not hang.
const QUICKLY = 4_000;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A Word document whose body is `body`, with `styles` as its styles part when given. */
function docx(body: string, options: { styles?: string; document?: Partial<Part>; extra?: Part[] } = {}): Uint8Array {
  const rels = options.styles === undefined ? '' : `<Relationship Id="rS" Type="${REL}/styles" Target="styles.xml"/>`;
  return zip([
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>` },
    { name: 'word/_rels/document.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    { name: 'word/document.xml', data: `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`, ...options.document },
    ...(options.styles === undefined ? [] : [{ name: 'word/styles.xml', data: `<w:styles xmlns:w="${W}">${options.styles}</w:styles>` }]),
    ...(options.extra ?? []),
  ]);
}

const p = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const HEADER = tr(tc('Aktivitet'), tc('När'));
const PLAN = `${p('Företagsservice', 'Heading1')}<w:tbl>${HEADER}${tr(tc('Möte'), tc('Q1 2021'))}</w:tbl>`;

async function outcome(content: Uint8Array): Promise<{ preview?: PlanImportPreview; code?: string; message?: string }> {
  return parsePlanDocument({ filename: 'plan.docx', content }, { from: '2021-01-01' }).then(
    (preview) => ({ preview }),
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      return { code: error.code, message: error.message };
    },
  );
}

describe('DOCX within limits', () => {
  it('reads a small handmade document', async () => {
    const { preview } = await outcome(docx(PLAN));
    expect(preview?.areas).toEqual([{ title: 'Företagsservice', actions: [expect.objectContaining({ title: 'Möte', when: 'Q1 2021', row: 2 })] }]);
  });

  it('refuses a document part that declares gigabytes, before inflating it', async () => {
    expect(await outcome(docx(PLAN, { document: { declaredSize: 0xfffffff0 } }))).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('The document unpacks to') });
  }, QUICKLY);

  it('refuses a part that inflates to more than it declares (a zip bomb)', async () => {
    const bomb = Buffer.concat([Buffer.from(`<w:document xmlns:w="${W}"><w:body>`), Buffer.alloc(50 * 1024 * 1024, 0x20)]);
    const content = docx('', { document: { data: bomb, declaredSize: 1000 } });
    expect(content.length).toBeLessThan(100_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_UNSUPPORTED_FORMAT', message: expect.stringMatching(/^Not a readable Word document \(DOCX\): .*more than the 1000 bytes/) });
  }, QUICKLY);

  it('refuses a document that honestly unpacks to 60 MB from 60 KB, before unpacking it', async () => {
    const content = docx(' '.repeat(60 * 1024 * 1024));
    expect(content.length).toBeLessThan(100_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('unpacks to 60.0 MB or more; at most 50.0 MB') });
  }, QUICKLY);

  it('refuses tables nested a hundred thousand deep, at XML depth 257', async () => {
    const content = docx(PLAN + '<w:tbl><w:tr><w:tc>'.repeat(100_000));
    expect(content.length).toBeLessThan(100_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('nests elements more than 256 deep') });
  }, QUICKLY);

  it('reads a table nested in a cell as that cell\'s text', async () => {
    const nested = `<w:tbl>${tr(tc('Steg 1'), tc('Steg 2'))}</w:tbl>`;
    const { preview } = await outcome(docx(`<w:tbl>${HEADER}<w:tr><w:tc>${p('Enkät')}${nested}${p('')}</w:tc>${tc('2021')}</w:tr></w:tbl>`));
    expect(preview?.areas[0].actions.map((a) => a.title)).toEqual(['Enkät Steg 1 Steg 2']);
  });

  it('refuses a cell that claims to span a million columns, or a row that skips them', async () => {
    const wide = docx(`<w:tbl>${HEADER}${tr(tc('Möte', '<w:gridSpan w:val="1000000"/>'))}</w:tbl>`);
    expect(await outcome(wide)).toEqual({ code: 'IMPORT_TOO_LARGE', message: 'Table row 2 is wider than 200 columns' });
    const skipping = docx(`<w:tbl>${HEADER}<w:tr><w:trPr><w:gridBefore w:val="1000000"/></w:trPr></w:tr></w:tbl>`);
    expect(await outcome(skipping)).toEqual({ code: 'IMPORT_TOO_LARGE', message: 'Table row 2 is wider than 200 columns' });
  }, QUICKLY);

  it('refuses 5,000 rows that each span 200 columns', async () => {
    const content = docx(`<w:tbl>${HEADER}${tr(tc('x', '<w:gridSpan w:val="200"/>')).repeat(4_990)}</w:tbl>`);
    expect(content.length).toBeLessThan(50_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('span more than 500000 cells') });
  }, QUICKLY);

  it('refuses more table rows than a plan has', async () => {
    const content = docx(`<w:tbl>${HEADER}${'<w:tr/>'.repeat(10_000)}</w:tbl>`);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('more than 5000 table rows') });
  }, QUICKLY);

  it('refuses a million empty cells', async () => {
    const content = docx(`<w:tbl>${HEADER}<w:tr>${'<w:tc/>'.repeat(1_000_000)}</w:tr></w:tbl>`);
    expect(content.length).toBeLessThan(20_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('more than 500000 rows and cells') });
  }, QUICKLY);

  it('refuses plan tables holding more text than a plan', async () => {
    const long = 'Företagsbesök '.repeat(100_000); // 1.4 M characters, spanned over two columns
    const content = docx(`<w:tbl>${HEADER}${tr(tc(long, '<w:gridSpan w:val="2"/>'))}</w:tbl>`);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('more than 2,000,000 characters') });
  }, QUICKLY);

  it('refuses more zip parts than a document has', async () => {
    const extra = Array.from({ length: 1_001 }, (_, i) => ({ name: `word/media/${i}.xml`, data: '' }));
    expect(await outcome(docx(PLAN, { extra }))).toEqual({ code: 'IMPORT_TOO_LARGE', message: 'The document has 1005 parts; at most 1000 are read' });
  }, QUICKLY);

  it('follows styles based on each other in a loop without hanging', async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>';
    const { preview } = await outcome(docx(`${p('Inledning', 'A')}${PLAN.replace(p('Företagsservice', 'Heading1'), '')}`, { styles }));
    expect(preview?.areas.map((a) => [a.title, a.actions.map((x) => x.title)])).toEqual([['', ['Möte']]]);
  }, QUICKLY);

  it('does not expand entities of a DOCTYPE (billion laughs)', async () => {
    const laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const content = docx('', { document: { data: `${laughs}<w:document xmlns:w="${W}"><w:body><w:tbl>${HEADER}${tr(tc('&c;&c;&c;'), tc('Q1'))}</w:tbl></w:body></w:document>` } });
    expect(await outcome(content)).toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT', message: expect.stringContaining('Word document') });
  }, QUICKLY);
});

describe('DOCX as Word writes it beyond the docx library', () => {
  it('takes heading styles by their names in styles.xml and outline levels, bold by style', async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Omrade"><w:name w:val="Områdesrubrik"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="character" w:styleId="Stark"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>';
    const table = (title: string) => `<w:tbl>${HEADER}${tr(tc(title), tc('Q1 2021'))}</w:tbl>`;
    const body = p('Handlingsplan', 'Rubrik1') + p('1. Företagsservice', 'Omrade') + table('Möte') +
      '<w:p><w:r><w:rPr><w:rStyle w:val="Stark"/></w:rPr><w:t>Upphandling</w:t></w:r></w:p>' + table('Dialog') +
      '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Kultur</w:t></w:r></w:p>' + table('Konsert');
    const { preview } = await outcome(docx(body, { styles }));
    expect(preview?.areas.map((a) => [a.title, a.actions.map((x) => x.title)])).toEqual([['Företagsservice', ['Möte']], ['Upphandling', ['Dialog']], ['Kultur', ['Konsert']]]);
  });

  it('leaves out deleted text and repeats of text boxes, and keeps line breaks, tabs and content controls', async () => {
    const body = `<w:tbl>${HEADER}<w:sdt><w:sdtContent><w:tr>` +
      '<w:tc><w:p><w:r><w:t>Möte</w:t></w:r><w:del><w:r><w:delText>INTE</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> med KS</w:t></w:r></w:ins>' +
      '<w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>RUTA</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:t>RUTA</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p></w:tc>' +
      `<w:tc><w:p><w:r><w:t>Q1</w:t><w:tab/><w:t>2021</w:t></w:r></w:p></w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>`;
    const { preview } = await outcome(docx(body));
    expect(preview?.areas[0].actions).toEqual([expect.objectContaining({ title: 'Möte med KS', when: 'Q1 2021' })]);
  });

  it('places cells after skipped grid columns, merges legacy horizontal merges, and takes a paragraph\'s style, not the one a tracked change replaced', async () => {
    const changed = '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Kultur</w:t></w:r></w:p>';
    const body = `${changed}<w:tbl>${tr(tc('Nr'), tc('Aktivitet'), tc('När'))}<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('Konsert')}${tc('Q2 2021')}</w:tr>` +
      `${tr(tc('Bibliotek', '<w:hMerge w:val="restart"/>'), tc('', '<w:hMerge/>'), tc('', '<w:hMerge/>'))}${tr(tc('3'), tc('Läsecirkel'), tc('Q3 2021'))}</w:tbl>`;
    const { preview } = await outcome(docx(body));
    expect(preview?.areas.map((a) => [a.title, a.actions.map((x) => [x.title, x.when])])).toEqual([
      ['Kultur', [['Konsert', 'Q2 2021']]],
      ['Bibliotek', [['Läsecirkel', 'Q3 2021']]],
    ]);
  });
});
