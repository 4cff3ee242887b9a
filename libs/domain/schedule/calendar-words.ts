/** Month, weekday, season and quarter words in sv/da/nb/en, for timing expressions. */
import { alt } from './normalize';
import { Season } from './types';

export const MONTHS: Record<string, number> = {
  januari: 1, januar: 1, january: 1, jan: 1,
  februari: 2, februar: 2, february: 2, feb: 2, febr: 2,
  mars: 3, marts: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  maj: 5, mai: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augusti: 8, august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, desember: 12, dec: 12, des: 12,
};

export const WEEKDAYS: Record<string, number> = {
  måndag: 1, mandag: 1, monday: 1,
  tisdag: 2, tirsdag: 2, tuesday: 2,
  onsdag: 3, wednesday: 3,
  torsdag: 4, thursday: 4,
  fredag: 5, friday: 5,
  lördag: 6, lørdag: 6, laurdag: 6, saturday: 6,
  söndag: 7, søndag: 7, sundag: 7, sunday: 7,
};

export const MONTH = alt(Object.keys(MONTHS));
export const WEEKDAY = alt(Object.keys(WEEKDAYS));

/** Half-years and seasons: first month and length in months; `name` for the yearly anchors. */
export const SEASONS: { name: Season; words: string[]; month: number; months: number }[] = [
  {
    name: 'spring',
    words: ['vt', 'våren', 'vår', 'vårterminen', 'vårtermin', 'vårhalvåret', 'första halvåret', 'första halvår', '1:a halvåret', '1 halvåret',
      '1. halvår', '1. halvåret', 'første halvår', 'første halvdel af', 'første halvdel av', 'foråret', 'forår', 'våren', 'h1',
      'spring', 'first half of', 'first half', '1st half of', '1st half'],
    month: 1,
    months: 6,
  },
  {
    name: 'autumn',
    words: ['ht', 'hösten', 'höst', 'höstterminen', 'hösttermin', 'hösthalvåret', 'andra halvåret', 'andra halvår', '2:a halvåret', '2 halvåret',
      '2. halvår', '2. halvåret', 'andet halvår', 'anden halvdel af', 'andre halvår', 'andre halvdel av', 'efteråret', 'efterår',
      'høsten', 'høst', 'hausten', 'h2', 'autumn', 'fall', 'second half of', 'second half', '2nd half of', '2nd half'],
    month: 7,
    months: 6,
  },
  { name: 'summer', words: ['sommaren', 'sommar', 'sommeren', 'sommer', 'summer'], month: 6, months: 3 },
];

/** Words that name the quarter/tertial/half unit in "3. kvartal", "quarter 3", "tertial 2". */
export const QUARTER_WORDS = ['kvartal', 'kvartalet', 'kv', 'kv.', 'quarter', 'qtr'];
export const TERTIAL_WORDS = ['tertial', 'tertialet', 'tertialen'];
export const HALF_WORDS = ['halvår', 'halvåret', 'halvåret', 'half-year', 'half year'];
