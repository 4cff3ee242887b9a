import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { DomainError } from '../errors';
import { acceptFindings, minutesText, NO_OWNER_WARNING, previewMinutes, readMinutes } from '.';

const jammerbugt = readFileSync(join(__dirname, '__fixtures__', 'jammerbugt-koordinering-2016.txt'), 'utf8');
const directory = {
  people: [
    { id: 'p-anders', name: 'Anders Stryhn' },
    { id: 'p-lene', name: 'Lene Holm' },
  ],
  units: [{ id: 'u-koord', name: 'Koordineringsgruppen' }],
};

describe('previewMinutes', () => {
  const preview = previewMinutes(readMinutes(jammerbugt), { directory });

  it('names the meeting after its date unless the coordinator names it', () => {
    expect(preview.meeting).toEqual({ title: 'Möte 2016-01-22', date: '2016-01-22', nextMeetingDate: '2016-04-29' });
    expect(previewMinutes(readMinutes(jammerbugt), { title: '  Koordineringsmøde januar ' }).meeting.title).toBe('Koordineringsmøde januar');
  });

  it('matches owners to the organisation: first names among the attendees, units by name', () => {
    const owners = preview.findings.map((f) => [f.index, f.owner ?? null, f.ownerMapping]);
    expect(owners).toEqual([
      [0, null, { unitIds: [], personIds: [], unmatched: [] }],
      [1, 'Anders', { unitIds: [], personIds: ['p-anders'], unmatched: [] }],
      [2, 'koordineringsgruppen', { unitIds: ['u-koord'], personIds: [], unmatched: [] }],
      [3, 'Ad-hoc gruppen', { unitIds: [], personIds: [], unmatched: ['Ad-hoc gruppen'] }],
      [4, 'Anitta og Inger', { unitIds: [], personIds: [], unmatched: ['Anitta og Inger'] }],
      // Lene attended no meeting the minutes list: her first name alone is not trusted.
      [5, 'Lene', { unitIds: [], personIds: [], unmatched: ['Lene'] }],
      [6, 'Anders', { unitIds: [], personIds: ['p-anders'], unmatched: [] }],
    ]);
  });

  it('proposes the sentence as title, due at the deadline or continuous; a decision asks for an owner', () => {
    expect(preview.findings[1].proposal).toEqual({ title: 'Anders følger op på det', due: '2016-04-29' });
    expect(preview.findings[3].proposal.due).toBeNull();
    expect(preview.findings[0].warnings).toContain(NO_OWNER_WARNING);
    expect(preview.findings[1].warnings).not.toContain(NO_OWNER_WARNING);
  });

  it('without an organisation (the CLI) every owner stays as written', () => {
    const bare = previewMinutes(readMinutes(jammerbugt));
    expect(bare.findings[1].ownerMapping).toEqual({ unitIds: [], personIds: [], unmatched: ['Anders'] });
  });
});

describe('acceptFindings', () => {
  const preview = previewMinutes(readMinutes(readFileSync(join(__dirname, '__fixtures__', 'nora-naringslivsrad-2018.txt'), 'utf8')), { directory });

  it('accepts every finding as proposed: actions, and open questions for the balance list', () => {
    const accepted = acceptFindings(preview);
    expect(accepted.actions.map((a) => a.index)).toEqual([0, 2, 3, 4]);
    expect(accepted.questions.map((q) => q.index)).toEqual([1]);
    expect(accepted.questions[0].source.sentence).toMatch(/^Vi diskuterade servicegaranti/);
  });

  it('drops and edits as chosen; chosen owners replace the matched ones', () => {
    const accepted = acceptFindings(preview, [
      { index: 0, drop: true },
      { index: 2, title: ' Isabell tar uppdraget om SBB ', due: '2018-09-11', ownerPersonIds: ['p-lene'] },
      { index: 1, drop: true },
    ]);
    expect(accepted.questions).toEqual([]);
    expect(accepted.actions.map((a) => a.index)).toEqual([2, 3, 4]);
    expect(accepted.actions[0]).toMatchObject({ title: 'Isabell tar uppdraget om SBB', due: '2018-09-11', ownerPersonIds: ['p-lene'], ownerUnitIds: [] });
  });

  it('refuses choices that name no finding, name one twice or give no date, saying which', () => {
    const refused = (() => {
      try {
        acceptFindings(preview, [{ index: 99 }, { index: 2 }, { index: 2, due: '11 september' }, { index: 3, title: ' ' }]);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused!.details).toEqual([
      { path: 'choices[0]', message: 'no finding 99' },
      { path: 'choices[2]', message: 'finding 2 is chosen twice' },
      { path: 'choices[2].due', message: 'not a date (YYYY-MM-DD): "11 september"' },
      { path: 'choices[3].title', message: 'empty' },
    ]);
  });
});

describe('minutesText', () => {
  it('reads a Word document paragraph by paragraph, tables cell by cell', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('§ 3 Upphandling')] }),
          new Paragraph({ children: [new TextRun({ text: 'Tanja ', bold: true }), new TextRun('återkommer med en plan till nästa möte.')] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Vem driver frågan vidare?')] })] })] }),
        ],
      }],
    });
    const text = minutesText({ filename: 'protokoll.docx', content: new Uint8Array(await Packer.toBuffer(doc)) });
    expect(text.split('\n')).toEqual(['§ 3 Upphandling', 'Tanja återkommer med en plan till nästa möte.', 'Vem driver frågan vidare?']);
    expect(readMinutes(text).findings.map((f) => [f.kind, f.place.ref])).toEqual([['assignment', '§ 3'], ['openQuestion', '§ 3']]);
  });

  it('reads text and Markdown as UTF-8, and refuses what minutes are not written in', () => {
    expect(minutesText({ filename: 'a.md', content: new TextEncoder().encode('# Möte\nAnders följer upp.') })).toBe('# Möte\nAnders följer upp.');
    const code = (filename: string, content: Uint8Array) => {
      try {
        minutesText({ filename, content });
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(code('a.pdf', new TextEncoder().encode('%PDF-1.7'))).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(code('a.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(code('a.png', new Uint8Array([0x89, 0x50]))).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(code('a.docx', new TextEncoder().encode('not a zip'))).toBe('IMPORT_UNSUPPORTED_FORMAT');
  });
});
