/**
 * The real minutes the issue came with, read as a careful coordinator would. Each expectation
 * says what is to be followed up; the comments say why borderline sentences are or are not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Finding, readMinutes } from '.';

const read = (name: string) => readMinutes(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));
const brief = (f: Finding) => ({ kind: f.kind, ref: f.place.ref, owner: f.owner, deadline: f.deadline?.date, starts: f.sentence.slice(0, 40) });

describe('readMinutes on the seed minutes', () => {
  it('Jammerbugt (Danish, numbered agenda items): seven follow-ups, next meeting 2016-04-29', () => {
    const r = read('jammerbugt-koordinering-2016.txt');
    expect(r.meetingDate).toBe('2016-01-22');
    expect(r.nextMeetingDate).toBe('2016-04-29');
    expect(r.attendees).toEqual(['Anders Stryhn', 'Gitte Clausen', 'Peter Laursen', 'Anni Bang Jensen', 'Kell Agerbo', 'Jesper Hansen', 'Kristina Bakmann', 'Anitta Gøl', 'Inger Hebsgaard']);
    expect(r.findings.map(brief)).toEqual([
      // Agreed, but the sentence names nobody: the next one gives it to Anders.
      { kind: 'decision', ref: '2.', owner: undefined, deadline: '2016-04-29', starts: 'Aftalen blev at bede Birgitte orientere ' },
      // "på det" points back to the agreement, whose deadline is the next meeting.
      { kind: 'assignment', ref: '2.', owner: 'Anders', deadline: '2016-04-29', starts: 'Anders følger op på det.' },
      { kind: 'assignment', ref: '3.', owner: 'koordineringsgruppen', deadline: '2016-04-29', starts: 'På næste møde skal koordineringsgruppen ' },
      { kind: 'assignment', ref: '4.', owner: 'Ad-hoc gruppen', deadline: undefined, starts: 'Ad-hoc gruppen skal udarbejde et oplæg t' },
      { kind: 'assignment', ref: '5.', owner: 'Anitta og Inger', deadline: undefined, starts: 'Anitta og Inger formulerer et forord, og' },
      { kind: 'assignment', ref: '5.', owner: 'Lene', deadline: undefined, starts: 'Anitta og Inger formulerer et forord, og' },
      { kind: 'assignment', ref: '6.', owner: 'Anders', deadline: undefined, starts: 'Anders spørger Brian om det er en muligh' },
    ]);
    const anders = r.findings[1];
    expect(anders.place).toEqual({ ref: '2.', title: 'Kommentarer til referat fra sidste møde (Anders)', heading: null });
    expect(anders.because).toEqual({ rule: 'assignment.verb', words: 'følger op' });
    expect(anders.deadline).toEqual({ words: 'på næste møde', rule: 'deadline.context', date: '2016-04-29' });
  });

  // Known misses in Jammerbugt, left so because their rules would cost more than they find:
  // "… i Jammerbugt Kommune skal vi finde mindst 5 egnede virksomheder" (a task for "vi": the
  // modal rule takes no pronoun owners, since minutes say "vi ska/skal" of wishes far more often),
  // and "herefter søges arrangementet gennemført inden udgangen af februar" (a passive).

  it('Nora (Swedish notes, bullet lines): three owners, one open question, next meeting 11 September', () => {
    const r = read('nora-naringslivsrad-2018.txt');
    expect(r.meetingDate).toBe('2018-06-12');
    expect(r.nextMeetingDate).toBe('2018-09-11');
    expect(r.attendees).toContain('Tanja Swartz Grundström');
    expect(r.attendees).toContain('Malin');
    // "Inbjudna men kunde inte" were invited but absent: not attendees.
    expect(r.attendees).not.toContain('Emil Johansson');
    expect(r.findings.map(brief)).toEqual([
      // "Följande aktiviteter bestämdes att starta 2018": decided, with no owner for the list.
      { kind: 'decision', ref: null, owner: undefined, deadline: undefined, starts: 'Diskussion kring aktiviteter 2018 för de' },
      { kind: 'openQuestion', ref: null, owner: undefined, deadline: undefined, starts: 'Vi diskuterade servicegaranti som möjlig' },
      { kind: 'assignment', ref: null, owner: 'Isabell', deadline: undefined, starts: 'Vi diskuterade uppdrag och genomförande ' },
      { kind: 'assignment', ref: null, owner: 'Tanja', deadline: undefined, starts: 'Strategisk upphandlingsplan för 2019-202' },
      { kind: 'assignment', ref: null, owner: 'Solveig', deadline: undefined, starts: 'Servicegaranti – Solveig kikar på möjlig' },
    ]);
    expect(r.findings[1].because).toEqual({ rule: 'openQuestion.who', words: 'vem driver' });
    expect(r.findings[3].place.heading).toBe('Upphandling');
  });

  it('Falun (Swedish protocol, § paragraphs): the "who is responsible?" questions and the balance list', () => {
    const r = read('falun-radsmote-2017.txt');
    expect(r.meetingDate).toBe('2017-03-27');
    expect(r.nextMeetingDate).toBeUndefined();
    expect(r.attendees).toEqual(expect.arrayContaining(['Joakim Storck', 'Cecilia Berg', 'Karin Hansson', 'Anders Karlin']));
    expect(r.findings.every((f) => f.kind === 'openQuestion')).toBe(true);
    expect(r.findings.map((f) => [f.place.ref, f.sentence.slice(0, 45)])).toEqual([
      ['§ 1', 'Vem ansvarar för att vi går från ord till han'],
      ['§ 1', 'Vem ansvarar för att säkerställa resurser för'],
      ['§ 1', 'Vem ansvarar för att säkerställa resurser för'],
      ['§ 1', 'Vem har ansvar för att driva den här frågan o'],
      ['§ 3', 'Vem ansvarar för måluppfyllelsen?'],
      ['§ 4', 'Finns det en samsyn kring målet, och vem ansv'],
      // The balance list, item by item: open by being on it.
      ['§ 6', 'Upphandlingsprocessen behöver ses över vart k'],
      ['§ 6', 'Upphandlingsplanen 2018 går på remiss i augus'],
      ['§ 6', 'Är politiken beredd att ta ett beslut i enlig'],
      ['§ 6', 'En nulägesanalys ska tas fram gällande arbets'],
      ['§ 6', 'Är vi beredda att möjliggöra för flera social'],
    ]);
    const balance = r.findings.slice(6);
    expect(balance.every((f) => f.place.heading === 'Balanslista')).toBe(true);
    expect(balance.map((f) => f.because.rule)).toEqual(['openQuestion.balanceList', 'openQuestion.who', 'openQuestion.who', 'openQuestion.balanceList', 'openQuestion.who']);
    // "Joakim Storck föreslår att frågan bör beredas …" is a proposal nobody took up in § 3: no
    // finding there. It is followed up through the balance list ("Vem bereder frågan …?").
    expect(r.findings.some((f) => f.sentence.includes('föreslår'))).toBe(false);
    // Signatures, attendance and "Sammanträdet öppnas" yield nothing.
    expect(r.findings.some((f) => /Karin Hansson|Ordförande|Sammanträdet/.test(f.sentence))).toBe(false);
  });

  it('a news article about a business council holds nothing to follow up', () => {
    const r = read('norrkoping-news-article.txt');
    expect(r.findings).toEqual([]);
    expect(r.attendees).toEqual([]);
  });
});
