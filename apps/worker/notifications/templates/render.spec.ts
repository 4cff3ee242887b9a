import { formatInstant, formatLateness } from './format';
import { renderDigest } from './digest';
import { renderNotice } from './render';

const notice = (kind: string, payload: Record<string, unknown> = {}) => ({
  kind,
  planId: 'p1',
  actionId: 'a1',
  occurrenceId: 'o1',
  payload: { actionTitle: 'Översyn av beloppsgränser', planTitle: 'Upphandlingsplan', periodKey: '2024Q4', dueInstant: '2024-12-31T10:00:00Z', lateSeconds: 7200, step: 1, ...payload },
});
const sv = { locale: 'sv' as const, recipientName: 'Ulla', publicUrl: 'https://b.kommun.se', timezone: 'Europe/Stockholm' };
const en = { ...sv, locale: 'en' as const };

describe('mail templates', () => {
  it('formats lateness in the largest whole unit, singular and plural', () => {
    expect(formatLateness(1, 'sv')).toBe('1 sekund');
    expect(formatLateness(59, 'en')).toBe('59 seconds');
    expect(formatLateness(3 * 86_400 + 5, 'sv')).toBe('3 dagar');
    expect(formatLateness(3_600, 'en')).toBe('1 hour');
    expect(formatLateness(0, 'sv')).toBe('0 sekunder');
  });

  it('shows instants in the organisation timezone', () => {
    expect(formatInstant('2024-12-31T10:00:00Z', 'sv', 'Europe/Stockholm')).toBe('31 december 2024 kl. 11:00');
    expect(formatInstant('2024-07-01T10:00:00Z', 'en', 'Europe/Stockholm')).toBe('1 July 2024, 12:00');
  });

  it.each([
    ['reminder', 'Påminnelse: Översyn av beloppsgränser', 'Reminder: Översyn av beloppsgränser'],
    ['overdue', 'Försenad: Översyn av beloppsgränser', 'Overdue: Översyn av beloppsgränser'],
    ['escalation-1', 'Eskalering steg 1: Översyn av beloppsgränser är försenad', 'Escalation step 1: Översyn av beloppsgränser is overdue'],
    ['escalation-3', 'Eskalering steg 3: Översyn av beloppsgränser är försenad', 'Escalation step 3: Översyn av beloppsgränser is overdue'],
    ['repeat', 'Fortfarande inte klar: Översyn av beloppsgränser', 'Still not done: Översyn av beloppsgränser'],
    ['status-request', 'Lägesrapport efterfrågas: Översyn av beloppsgränser', 'Status update requested: Översyn av beloppsgränser'],
    ['postponed', 'Nytt slutdatum: Översyn av beloppsgränser', 'New due date: Översyn av beloppsgränser'],
    ['completed', 'Klarmarkerad: Översyn av beloppsgränser', 'Completed: Översyn av beloppsgränser'],
  ])('%s has a Swedish and an English subject', (kind, svSubject, enSubject) => {
    expect(renderNotice(notice(kind), sv).subject).toBe(svSubject);
    expect(renderNotice(notice(kind), en).subject).toBe(enSubject);
  });

  it('says what, for which plan and action, how late, and links to the item', () => {
    const mail = renderNotice(notice('overdue'), sv);
    expect(mail.text).toContain('Hej Ulla!');
    expect(mail.text).toContain('Plan: Upphandlingsplan');
    expect(mail.text).toContain('Aktivitet: Översyn av beloppsgränser');
    expect(mail.text).toContain('Försenad: 2 timmar');
    expect(mail.text).toContain('Öppna i Bevaka: https://b.kommun.se/occurrences/o1');
    expect(mail.html).toContain('<a href="https://b.kommun.se/occurrences/o1">');
  });

  it('names area, owners and unit, the period in words, who had it before and the latest note', () => {
    const context = {
      area: 'Upphandling',
      owners: ['Olle Ägare'],
      units: ['Samhällsbyggnad'],
      latestNote: 'Väntar på juristens svar',
      escalations: [
        { step: 1, name: 'Ulla Enhetschef' },
        { step: 2, name: 'Kim Kommunchef' },
      ],
    };
    const mail = renderNotice({ ...notice('escalation-2'), context }, sv);
    expect(mail.text).toContain('Område: Upphandling');
    expect(mail.text).toContain('Ansvariga: Olle Ägare');
    expect(mail.text).toContain('Enhet: Samhällsbyggnad');
    expect(mail.text).toContain('Period: oktober–december 2024');
    // Step 2 goes to Kim: before him the owner and step 1, not himself.
    expect(mail.text).toContain('Har haft ärendet: Olle Ägare (ansvarig); steg 1: Ulla Enhetschef');
    expect(mail.text).toContain('Senaste anteckning: Väntar på juristens svar');
    const english = renderNotice({ ...notice('escalation-2'), context }, en);
    expect(english.text).toContain('Period: October–December 2024');
    expect(english.text).toContain('Had it before you: Olle Ägare (responsible); step 1: Ulla Enhetschef');
    // A reminder has no ladder yet; a notice of no occurrence has no context.
    expect(renderNotice({ ...notice('reminder'), context }, sv).text).not.toContain('Har haft ärendet');
    expect(renderNotice(notice('reminder'), sv).text).not.toContain('Område');
  });

  it('never shows a period key as it is', () => {
    const instantKey = renderNotice(notice('overdue', { periodKey: '20261201T224947.549Z', dueInstant: '2026-12-01T22:49:47.549Z' }), sv);
    expect(instantKey.text).not.toContain('20261201T224947.549Z');
    expect(renderNotice(notice('overdue', { periodKey: '2026B6' }), sv).text).toContain('Period: november–december 2026');
  });

  it('the footer links to the notification settings page of the web app', () => {
    expect(renderNotice(notice('overdue'), sv).text).toContain('https://b.kommun.se/aviseringar');
    expect(renderNotice(notice('overdue'), sv).html).toContain('href="https://b.kommun.se/aviseringar"');
  });

  it("a quota's notices say how far the period got, not how late it is", () => {
    const quota = { quota: { count: 2, target: 6 } };
    expect(renderNotice(notice('reminder', quota), sv).subject).toBe('Efter i takt: Översyn av beloppsgränser');
    expect(renderNotice(notice('reminder', quota), sv).text).toContain('Hittills är 2 av 6 gånger loggade');
    expect(renderNotice(notice('overdue', quota), sv).text).toContain('Genomfört: 2 av 6');
    expect(renderNotice(notice('overdue', quota), sv).text).not.toContain('Försenad: 2 timmar');
    expect(renderNotice(notice('escalation-2', quota), sv).subject).toBe('Eskalering steg 2: Översyn av beloppsgränser nådde inte målet');
    expect(renderNotice(notice('escalation-1', quota), en).text).toContain('Done: 2 of 6');
  });

  it('escapes user text in HTML', () => {
    expect(renderNotice(notice('reminder', { actionTitle: '<b>A & B</b>' }), en).html).toContain('&lt;b&gt;A &amp; B&lt;/b&gt;');
  });

  it('links status requests to the action when there is no occurrence', () => {
    expect(renderNotice({ ...notice('status-request'), occurrenceId: null }, en).text).toContain('https://b.kommun.se/actions/a1');
  });

  it('a completion receipt says who, and whether it was on time', () => {
    const late = renderNotice(notice('completed', { actorName: 'Olle', onTime: false, lateSeconds: 86_400, note: 'Klart' }), sv);
    expect(late.text).toContain('Olle har markerat aktiviteten som klar, 1 dag efter slutdatumet. Kommentar: Klart');
    expect(renderNotice(notice('completed', { actorName: 'Olle', onTime: true, lateSeconds: 0 }), en).text).toContain('Olle has completed this action, on time.');
  });

  it('an overdue notice at the due instant itself says it is not done, never "0 seconds late"', () => {
    expect(renderNotice(notice('overdue'), en).text).toContain('This action was due 31 December 2024, 11:00 and is now 2 hours late.');
    expect(renderNotice(notice('overdue', { lateSeconds: 0 }), en).text).toContain('This action was due 31 December 2024, 11:00 and has not been marked as done.');
    expect(renderNotice(notice('overdue', { lateSeconds: 0 }), sv).text).toContain('Aktiviteten skulle ha varit klar 31 december 2024 kl. 11:00 och är inte klarmarkerad.');
    expect(renderNotice(notice('overdue', { lateSeconds: 0 }), sv).text).not.toContain('0 sekunder');
  });

  it('a digest is a table of one plan: action, owners, how late or the due date, the step; subject with plan and count', () => {
    const context = { area: null, owners: ['Olle Ägare', 'Stina'], units: [], latestNote: null, escalations: [] };
    const mail = renderDigest(
      [
        { ...notice('reminder', { lateSeconds: 0 }), context },
        { ...notice('overdue', { lateSeconds: 3 * 86_400 }), occurrenceId: 'o2' },
        { ...notice('escalation-2', { lateSeconds: 5 * 3_600 }), occurrenceId: 'o3', context: { ...context, owners: [], units: ['Samhällsbyggnad'] } },
      ],
      sv,
    );
    expect(mail.subject).toBe('Bevaka: 3 notiser om Upphandlingsplan');
    expect(mail.text).toContain('Här är din sammanfattning för Upphandlingsplan: 3 notiser.');
    // Aligned columns: every cell of a column starts where its heading does.
    expect(mail.text).toContain(
      [
        '#  Aktivitet                  Ansvariga          Försenad / slutdatum               Steg',
        '-  -------------------------  -----------------  ---------------------------------  -----------------',
        '1  Översyn av beloppsgränser  Olle Ägare, Stina  senast 31 december 2024 kl. 11:00  påminnelse',
        '2  Översyn av beloppsgränser  –                  3 dagar                            försenad',
        '3  Översyn av beloppsgränser  Samhällsbyggnad    5 timmar                           eskalering steg 2',
      ].join('\n'),
    );
    // HTML: one table, a row per notice, with the same cells.
    expect(mail.html).toContain('<th align="left">Aktivitet</th><th align="left">Ansvariga</th><th align="left">Försenad / slutdatum</th><th align="left">Steg</th><th align="left">Gör det i Bevaka</th>');
    expect(mail.html.match(/<tr><td>/g)).toHaveLength(3);
    expect(mail.html).toContain('<td>Samhällsbyggnad</td><td>5 timmar</td><td>eskalering steg 2</td>');
    const english = renderDigest([notice('overdue'), { ...notice('overdue'), occurrenceId: 'o2' }], en);
    expect(english.subject).toBe('Bevaka: 2 notices on Upphandlingsplan');
    expect(english.html).toContain('<th align="left">Late / due</th>');
  });

  it("offers the owner's actions as labelled links to their forms, in text and HTML, then the item", () => {
    const mail = renderNotice(notice('overdue'), sv);
    expect(mail.text).toContain(
      ['Gör det direkt i Bevaka:', '- Markera som klar: https://b.kommun.se/occurrences/o1?gora=klarmarkera', '- Be om nytt datum: https://b.kommun.se/occurrences/o1?gora=be-om-nytt-datum', '- Öppna i Bevaka: https://b.kommun.se/occurrences/o1'].join('\n'),
    );
    expect(mail.html).toContain(
      '<ul><li><a href="https://b.kommun.se/occurrences/o1?gora=klarmarkera">Markera som klar</a></li><li><a href="https://b.kommun.se/occurrences/o1?gora=be-om-nytt-datum">Be om nytt datum</a></li><li><a href="https://b.kommun.se/occurrences/o1">Öppna i Bevaka</a></li></ul>',
    );
    const english = renderNotice(notice('reminder'), en);
    expect(english.text).toContain('- Mark as done: https://b.kommun.se/occurrences/o1?gora=klarmarkera');
    expect(english.html).toContain('>Ask for a new date</a>');
    expect(renderNotice(notice('repeat', { quota: { count: 2, target: 6 } }), sv).text).toContain('- Logga ett tillfälle: https://b.kommun.se/occurrences/o1?gora=logga-tid');
  });

  it('offers whoever an escalation reached acknowledge, a new date and reassign', () => {
    const mail = renderNotice(notice('escalation-2'), sv);
    expect(mail.text).toContain('- Kvittera: https://b.kommun.se/occurrences/o1?gora=kvittera');
    expect(mail.text).toContain('- Sätt nytt datum: https://b.kommun.se/occurrences/o1?gora=nytt-datum');
    expect(mail.text).toContain('- Ge till någon annan: https://b.kommun.se/occurrences/o1?gora=ge-till-annan');
    expect(mail.text).not.toContain('klarmarkera');
    expect(mail.html).toContain('<a href="https://b.kommun.se/occurrences/o1?gora=kvittera">Kvittera</a>');
    const english = renderNotice(notice('escalation-1'), en).text;
    expect(english).toContain('Do it straight in Bevaka:');
    expect(english).toContain('- Acknowledge: https://b.kommun.se/occurrences/o1?gora=kvittera');
    expect(english).toContain('- Set a new date: https://b.kommun.se/occurrences/o1?gora=nytt-datum');
    expect(english).toContain('- Give to someone else: https://b.kommun.se/occurrences/o1?gora=ge-till-annan');
    // A quota is caught up time by time: no new date to set.
    expect(renderNotice(notice('escalation-1', { quota: { count: 2, target: 6 } }), sv).text).not.toContain('Sätt nytt datum');
  });

  it('receipts and status reports only open the item', () => {
    for (const mail of [renderNotice(notice('completed', { actorName: 'Olle' }), sv), renderNotice(notice('postponed'), sv), renderNotice(notice('overdue', { statusReport: true }), sv)]) {
      expect(mail.text).toContain('Öppna i Bevaka: https://b.kommun.se/occurrences/o1');
      expect(mail.text).not.toContain('?gora=');
      expect(mail.text).not.toContain('Gör det direkt');
      expect(mail.html).not.toContain('?gora=');
    }
  });

  it("a digest offers each item's own actions", () => {
    const mail = renderDigest([notice('overdue'), { ...notice('escalation-1'), occurrenceId: 'o2' }], sv);
    expect(mail.text).toContain(['1. Översyn av beloppsgränser', '   - Markera som klar: https://b.kommun.se/occurrences/o1?gora=klarmarkera', '   - Be om nytt datum: https://b.kommun.se/occurrences/o1?gora=be-om-nytt-datum', '   - Öppna i Bevaka: https://b.kommun.se/occurrences/o1'].join('\n'));
    expect(mail.text).toContain('   - Kvittera: https://b.kommun.se/occurrences/o2?gora=kvittera');
    expect(mail.text).not.toContain('o2?gora=klarmarkera');
    expect(mail.html).toContain('<a href="https://b.kommun.se/occurrences/o2?gora=ge-till-annan">Ge till någon annan</a>');
    expect(mail.html).toContain('<a href="https://b.kommun.se/occurrences/o1?gora=klarmarkera">Markera som klar</a><br><a href="https://b.kommun.se/occurrences/o1?gora=be-om-nytt-datum">');
  });

  it('a digest cuts long cells in its plain-text table and escapes user text in HTML', () => {
    const long = 'Mycket lång aktivitet om att se över alla beloppsgränser i kommunen';
    const mail = renderDigest([notice('overdue', { actionTitle: long }), notice('reminder', { actionTitle: '<b>A & B</b>' })], sv);
    expect(mail.text).toContain('Mycket lång aktivitet om att se över alla belop…');
    expect(mail.text).toContain(`1. ${long}`);
    expect(mail.html).toContain('&lt;b&gt;A &amp; B&lt;/b&gt;');
  });
});
