import { escapeHtml, isWebUrl, renderReportHtml } from './html-renderer';
import { INJECTED_SUMMARY, sampleReport, sampleRoundReport } from './report-document.fixture';

describe('renderReportHtml', () => {
  const html = renderReportHtml(sampleReport());

  it('is a complete Swedish page titled by the plan and period', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>Handlingsplan för näringslivet 2024–2025</h1>');
    expect(html).toContain('Period januari–juni 2024');
    expect(html).toContain('1 jan. 2024 – 30 juni 2024');
    expect(html).toMatch(/<\/html>\s*$/);
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes user text, including a comment that carries a script', () => {
    expect(html).toContain('Genomförd i Övertorneå &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<h2 id="area-1">Företagsklimat &amp; service</h2>');
    expect(html).toContain('href="https://example.se/protokoll?mote=1&amp;ar=2024"');
  });

  it('puts the totals first, then one heading per area in order', () => {
    const summary = html.indexOf('<h2 id="summary">Sammanfattning</h2>');
    const areas = ['Företagsklimat &amp; service', 'Kompetensförsörjning', 'Utan arbetsområde'].map((a) => html.indexOf(`>${a}</h2>`));
    expect(summary).toBeGreaterThan(0);
    expect(areas.every((i) => i > summary)).toBe(true);
    expect([...areas].sort((a, b) => a - b)).toEqual(areas);
    expect(html).toContain('<tr class="attention"><th scope="row">Försenade (klara sent eller öppna efter förfallodag)</th><td>2</td></tr>');
    expect(html).toContain('<th scope="row">Eskaleringar</th><td>3</td>');
  });

  it('says each outcome in Swedish words and marks late rows', () => {
    for (const word of ['klar i tid', 'klar sent', 'försenad', 'hoppades över', 'avbruten']) {
      expect(html).toContain(`">${word}</span>`);
    }
    const lateRows = html.match(/<tr class="late">/g) ?? [];
    expect(lateRows).toHaveLength(2);
    expect(html).toMatch(/<tr class="late"><th scope="row">januari–mars 2024<\/th>.*försenad<\/span>.*<td class="number attention">2<\/td>/);
    expect(html).toContain('<th scope="col">Förfallodag</th>');
  });

  it('shows dates in the plan timezone, the moved due date, the owner and the skip reason', () => {
    // 2024-03-31T21:59:59.999Z is the end of 31 March in Stockholm, not 1 April or 30 March.
    expect(html).toContain('<time datetime="2024-03-31T21:59:59.999Z">31 mars 2024</time>');
    expect(html).toContain('(flyttad från 30 apr. 2024)');
    expect(html).toContain('5 apr. 2024 11:00');
    expect(html).toContain('<td>Björn Ärlig</td>');
    expect(html).toContain('Skäl för att hoppa över: Sammanföll med midsommar');
  });

  it('shows the status lines of a continuous action', () => {
    expect(html).toContain('<h4>Lägesrapporter</h4>');
    expect(html).toContain('<p>Tolv besök under perioden, bl.a. på Ängsvägen</p>');
    expect(html).toContain('Åsa Öberg, <time datetime="2024-06-20T08:15:00.000Z">20 juni 2024</time>');
  });

  it('is available in English', () => {
    const en = renderReportHtml(sampleReport(), { locale: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('">overdue</span>');
    expect(en).toContain('">completed late</span>');
    expect(en).toContain('31 Mar 2024');
    expect(en).toContain('Status updates');
  });

  it('keeps a non-web evidence URL as inert text', () => {
    const doc = sampleReport();
    doc.areas[0].actions[0].occurrences[0].evidenceUrl = 'javascript:alert(1)';
    const out = renderReportHtml(doc);
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('Underlag: javascript:alert(1)');
    expect(isWebUrl('https://x.se')).toBe(true);
    expect(escapeHtml(`<a href='x'>&`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;');
  });

  it('says so when a non-continuous action had nothing due, and when a continuous one has no status line', () => {
    const doc = sampleReport();
    doc.areas[0].actions[0].occurrences = [];
    doc.areas[0].actions[2].statusLines = [];
    const out = renderReportHtml(doc);
    expect(out).toContain('Inga tillfällen förföll under perioden.');
    expect(out).toContain('Ingen lägesrapport lämnad för perioden.');
  });

  it('marks a draft as a draft, and a frozen report not at all', () => {
    const draft = renderReportHtml({ ...sampleReport(), draft: true });
    expect(draft).toContain('<p class="draft" role="note">Utkast: perioden pågår');
    expect(draft).toContain('<dt>Utkast per</dt>');
    expect(html).not.toContain('class="draft"');
    expect(html).toContain('<dt>Fryst</dt>');
  });
});

describe('renderReportHtml of a reporting round', () => {
  const html = renderReportHtml(sampleRoundReport());

  it('never shows a period key, only periods in words', () => {
    expect(html).not.toMatch(/2024H1|2023H2|2024Q[12]/);
    expect(html).toContain('januari–juni 2024');
  });

  it('shows each action’s assessment in words, its comment, unit and who reported for whom', () => {
    expect(html).toContain('<span class="assessment assessment-completed">Genomförd</span>');
    expect(html).toContain('<span class="assessment assessment-deviation">Avvikelse</span>');
    expect(html).toContain('<span class="assessment assessment-none">Ingen bedömning (Ej rapporterad)</span>');
    expect(html).toContain('<p>Enkäten flyttas till hösten</p>');
    expect(html).toContain('Björn Ärlig för Åsa Öberg, 25 juni 2024');
    expect(html).toContain('<dt>Ansvarig enhet</dt><dd>Utbildningsförvaltningen</dd>');
    expect(html).toContain('<a href="https://example.se/minnesanteckningar" rel="noopener noreferrer">');
    expect(html).not.toContain('href="javascript:');
  });

  it('shows the summaries, escaped, the approval and the board’s decision', () => {
    expect(html).toContain('<h3>Samlad bedömning</h3>\n<p>Planen följs i stort.</p><p>Enkäten är försenad.</p>');
    expect(html).toContain(escapeHtml(INJECTED_SUMMARY));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<dt>Godkänd av</dt><dd>Karin Kommunchef, 2 juli 2024 10:00</dd>');
    expect(html).toContain('<dt>Behandlad</dt><dd>KS 2024-09-15 § 123</dd>');
  });

  it('draws the chart inline with its figures and the movement since the previous report as a table', () => {
    expect(html).toMatch(/<figure class="chart"><div role="img" aria-label="Bedömningar per arbetsområde"><svg[^>]*>/);
    expect(html).toContain('föregående rapport');
    // Företagsklimat: Genomförd 1 (+1), Enligt plan 1 (−1), Risk 0 (−1), Avvikelse 1 (+1)
    expect(html).toContain('<tr><th scope="row">Företagsklimat &amp; service</th><td class="number">1 (+1)</td><td class="number">1 (−1)</td><td class="number">0 (−1)</td><td class="number">1 (+1)</td>');
  });

  it('has no chart for a report made before rounds', () => {
    expect(renderReportHtml(sampleReport())).not.toContain('<figure class="chart">');
  });
});
