import { readDeadline } from './deadline';

const dates = { meetingDate: '2016-01-22', nextMeetingDate: '2016-04-29' };
const date = (sentence: string, d: { meetingDate?: string; nextMeetingDate?: string } = dates) => readDeadline(sentence, d)?.deadline.date;

describe('readDeadline', () => {
  it('"the next meeting" is the next meeting date the minutes name', () => {
    expect(readDeadline('Anders återkommer till nästa möte.', dates)).toEqual({ deadline: { words: 'till nästa möte', rule: 'deadline.nextMeeting', date: '2016-04-29' } });
    expect(date('Birgitte orienterer på næste møde.')).toBe('2016-04-29');
    expect(date('Kari legger fram saken til neste møte.')).toBe('2016-04-29');
    expect(date('Anna will report back at the next meeting.')).toBe('2016-04-29');
  });

  it('without a next meeting date the words stay, with a warning', () => {
    const r = readDeadline('Anders återkommer till nästa möte.', { meetingDate: '2016-01-22' });
    expect(r?.deadline).toEqual({ words: 'till nästa möte', rule: 'deadline.nextMeeting' });
    expect(r?.warning).toMatch(/no date for the next meeting/);
  });

  it('a day and month take the meeting year, or the next year when they fall before the meeting', () => {
    expect(date('Rapporten lämnas senast 15 mars.')).toBe('2016-03-15');
    expect(date('Svar senest 15. januar.')).toBe('2017-01-15');
    expect(date('Send it by 3 May 2016.')).toBe('2016-05-03');
    expect(date('Klart senast 2016-02-10.')).toBe('2016-02-10');
  });

  it('"the end of a month" is its last day (2016 is a leap year)', () => {
    expect(date('Arrangementet gennemføres inden udgangen af februar.')).toBe('2016-02-29');
    expect(date('Klart före utgången av april.')).toBe('2016-04-30');
    expect(date('Ferdig innen utgangen av mai.')).toBe('2016-05-31');
    expect(date('Done by the end of March.')).toBe('2016-03-31');
  });

  it('"before the summer" is 30 June of the meeting year, or of the next once past it', () => {
    expect(date('Lars tar fram ett förslag innan sommaren.')).toBe('2016-06-30');
    expect(date('Jens undersøger det inden sommerferien.', { meetingDate: '2016-08-15' })).toBe('2017-06-30');
  });

  it('with no meeting date a day and month stay as words, with a warning', () => {
    const r = readDeadline('Rapporten lämnas senast 15 mars.', {});
    expect(r?.deadline).toEqual({ words: 'senast 15 mars', rule: 'deadline.date' });
    expect(r?.warning).toMatch(/no meeting date/);
  });

  it('sentences without a deadline give none', () => {
    expect(readDeadline('Anders följer upp.', dates)).toBeUndefined();
    expect(readDeadline('Mötet hölls den 15 mars.', dates)).toBeUndefined();
  });
});
