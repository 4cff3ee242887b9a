/**
 * Deadlines in a sentence ("till nästa möte", "senast 15 mars", "inden udgangen af februar",
 * "innan sommaren"), resolved against the meeting's dates. Words that cannot be resolved are
 * kept, with a warning, so the coordinator sees what the minutes said.
 */
import { dateAfter, findDate, lastDayOfMonth, MONTH_WORD, monthNumber } from './dates';
import { Deadline, MeetingDates } from './types';

const NEXT_MEETING =
  /\b(?:till|före|innan|inför|på|vid|til|inden|før|innen|by|before|at|until|for)\s+(?:the\s+)?(?:nästa\s+(?:möte|sammanträde)|næste\s+møde|neste\s+møte|next\s+meeting)\b/i;
const BY_DATE = new RegExp(
  `\\b(?:senast|senest|innan|före|inden|innen|før|by|before|until|no later than)\\s+(?:den\\s+|the\\s+)?(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+${MONTH_WORD}\\.?(?:\\s+\\d{4})?)`,
  'i',
);
const END_OF_MONTH = new RegExp(
  `\\b(?:(?:före|innan|inden|innen|før|by|before|i|in|at)\\s+)?(?:utgången av|slutet av|udgangen af|slutningen af|utgangen av|slutten av|the end of|end of)\\s+(${MONTH_WORD})`,
  'i',
);
const BEFORE_SUMMER = /\b(?:innan|före|inden|før|innen|before)\s+(?:sommaren|sommaruppehållet|sommeren|sommerferien|the summer(?: break| holidays?)?|summer)\b/i;

/**
 * "Before the summer" is taken as 30 June: the end of the half-year, before the July holidays
 * that close most Nordic municipal offices — a deadline a coordinator can still act on.
 */
const SUMMER_MONTH = 6;

export interface DeadlineReading {
  deadline: Deadline;
  warning?: string;
}

export function readDeadline(sentence: string, dates: MeetingDates): DeadlineReading | undefined {
  const next = NEXT_MEETING.exec(sentence);
  if (next) {
    const deadline: Deadline = { words: next[0], rule: 'deadline.nextMeeting', ...(dates.nextMeetingDate ? { date: dates.nextMeetingDate } : {}) };
    return dates.nextMeetingDate ? { deadline } : { deadline, warning: `"${next[0]}": the minutes name no date for the next meeting` };
  }
  const byDate = BY_DATE.exec(sentence);
  if (byDate) return resolved({ words: byDate[0].replace(/\.$/, ''), rule: 'deadline.date' }, findDate(byDate[0], dates.meetingDate), dates);
  const endOfMonth = END_OF_MONTH.exec(sentence);
  if (endOfMonth) {
    const month = monthNumber(endOfMonth[1]);
    return resolved({ words: endOfMonth[0], rule: 'deadline.endOfMonth' }, month && dates.meetingDate ? lastDayOfMonth(dates.meetingDate, month) : undefined, dates);
  }
  const summer = BEFORE_SUMMER.exec(sentence);
  if (summer) return resolved({ words: summer[0], rule: 'deadline.beforeSummer' }, dates.meetingDate ? dateAfter(dates.meetingDate, SUMMER_MONTH, 30) : undefined, dates);
  return undefined;
}

function resolved(deadline: Deadline, date: string | undefined, dates: MeetingDates): DeadlineReading {
  if (date) return { deadline: { ...deadline, date } };
  const why = dates.meetingDate ? 'not a date' : 'the minutes give no meeting date to place it in';
  return { deadline, warning: `"${deadline.words}": ${why}` };
}
