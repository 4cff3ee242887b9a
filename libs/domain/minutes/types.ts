/** What reading a set of minutes yields. Dates are local calendar dates, YYYY-MM-DD. */
export type FindingKind = 'assignment' | 'decision' | 'openQuestion';

/** Why a sentence became a finding: the rule and the words in the text that fired it. */
export interface Because {
  rule: string;
  words: string;
}

/** Where in the minutes a finding was read. */
export interface Place {
  /** "§ 3" or "4." — the paragraph or numbered agenda item; null before the first one. */
  ref: string | null;
  /** The title of that paragraph or item ("Samarbejde med Interresearch (Gitte + Anders)"). */
  title: string | null;
  /** The nearest heading below it ("Balanslista", "Service och bemötande"), if any. */
  heading: string | null;
}

export interface Deadline {
  /** The resolved date, when the words and the minutes give one. */
  date?: string;
  /** The words as written ("till nästa möte", "inden udgangen af februar"). */
  words: string;
  rule: string;
}

export interface Finding {
  kind: FindingKind;
  sentence: string;
  place: Place;
  /** Person or unit as written ("Anders", "Ad-hoc gruppen"); only for assignments. */
  owner?: string;
  deadline?: Deadline;
  because: Because;
  warnings: string[];
}

/** Dates the rules need; passed in, never read from a clock. */
export interface MeetingDates {
  meetingDate?: string;
  nextMeetingDate?: string;
}

export interface MinutesReading extends MeetingDates {
  attendees: string[];
  findings: Finding[];
  warnings: string[];
}
