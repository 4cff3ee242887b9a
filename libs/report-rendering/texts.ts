import { DateTime } from 'luxon';
import { ASSESSMENT_LABELS } from '../domain/reporting/assessment';
import type { SpreadKey } from '../domain/reporting/assessment-spread';
import type { StatusReportState } from '../domain/reporting/round';
import { occurrenceWords, periodWords } from '../domain/reporting/period-words';
import { ReportActionSource, ReportLocale, ReportOccurrence } from './report-document';

/**
 * What the board reads, in both languages. One table so the HTML, PDF and XLSX say the same
 * words for the same thing.
 */
export type DisplayOutcome = 'on-time' | 'done-late' | 'open' | 'overdue' | 'skipped' | 'cancelled';

/** An open occurrence that is already past due is "försenad", not merely "öppen". */
export function displayOutcome(o: Pick<ReportOccurrence, 'outcome' | 'late'>): DisplayOutcome {
  switch (o.outcome) {
    case 'completed-on-time':
      return 'on-time';
    case 'completed-late':
      return 'done-late';
    case 'skipped':
      return 'skipped';
    case 'cancelled':
      return 'cancelled';
    default:
      return o.late ? 'overdue' : 'open';
  }
}

/** A quota's count beside its outcome ("4 av 6"), or nothing for any other occurrence. */
export function quotaWords(o: Pick<ReportOccurrence, 'quota'>, t: Texts): string | undefined {
  return o.quota ? t.quotaCount(o.quota.count, o.quota.target) : undefined;
}

/** "Samrådsmöte november 2026-11-10, § 1 Företagsbesök": where an action out of minutes was decided. */
export function sourceWords(source: ReportActionSource): string {
  const meeting = [source.meeting, source.meetingDate && !source.meeting.includes(source.meetingDate) ? source.meetingDate : null].filter(Boolean).join(' ');
  const paragraph = [source.ref, source.title].filter(Boolean).join(' ');
  return paragraph ? `${meeting}, ${paragraph}` : meeting;
}

/** The outcome in words, with a quota's count: "klar sent · 6 av 6", "försenad · 4 av 6". */
export function outcomeWords(o: Pick<ReportOccurrence, 'outcome' | 'late' | 'quota'>, t: Texts): string {
  return [t.outcome[displayOutcome(o)], quotaWords(o, t)].filter(Boolean).join(' · ');
}

const SV = {
  reportTitle: 'Uppföljning till kommunstyrelsen',
  period: 'Period',
  periodRange: 'Perioden',
  frozenAt: 'Fryst',
  draftAt: 'Utkast per',
  draftNotice: 'Utkast: perioden pågår och siffrorna kan ändras. Rapporten fryses när perioden slutar.',
  timezone: 'Tidszon',
  summary: 'Sammanfattning',
  noArea: 'Utan arbetsområde',
  totals: {
    due: 'Förfallna tillfällen',
    completedOnTime: 'Klara i tid',
    completedLate: 'Klara sent',
    open: 'Öppna',
    late: 'Försenade (klara sent eller öppna efter förfallodag)',
    skipped: 'Hoppades över',
    escalations: 'Eskaleringar',
  },
  outcome: {
    'on-time': 'klar i tid',
    'done-late': 'klar sent',
    open: 'öppen',
    overdue: 'försenad',
    skipped: 'hoppades över',
    cancelled: 'avbruten',
  } as Record<DisplayOutcome, string>,
  kind: { recurring: 'Återkommande', once: 'Engångs', continuous: 'Löpande', quota: 'Mål per period' } as Record<string, string>,
  quotaCount: (count: number, target: number) => `${count} av ${target}`,
  actionStatus: { starting: 'startar', active: 'aktiv', draft: 'utkast', paused: 'pausad', finished: 'avslutad', withdrawn: 'återkallad' } as Record<string, string>,
  column: {
    area: 'Arbetsområde',
    action: 'Aktivitet',
    when: 'När',
    source: 'Beslutad vid',
    kind: 'Typ',
    status: 'Status',
    periodKey: 'Tillfälle',
    due: 'Förfallodag',
    originalDue: 'Ursprunglig förfallodag',
    outcome: 'Utfall',
    late: 'Försenad',
    completedAt: 'Klar',
    completedBy: 'Klarmarkerad av',
    comment: 'Kommentar',
    evidence: 'Underlag',
    skipReason: 'Skäl för att hoppa över',
    escalations: 'Eskaleringar',
    measure: 'Mått',
    value: 'Antal',
  },
  yes: 'Ja',
  no: 'Nej',
  none: '–',
  noOccurrences: 'Inga tillfällen förföll under perioden.',
  noActions: 'Planen har inga aktiviteter.',
  statusLines: 'Lägesrapporter',
  noStatusLines: 'Ingen lägesrapport lämnad för perioden.',
  evidenceLink: 'Underlag',
  movedFrom: 'flyttad från',
  occurrencesSheet: 'Tillfällen',
  statusSheet: 'Lägesrapporter',
  summarySheet: 'Sammanfattning',
  plan: 'Plan',
  at: 'Datum',
  by: 'Av',
  text: 'Text',
  assessment: { ...ASSESSMENT_LABELS.sv, none: 'Ingen bedömning' } as Record<SpreadKey, string>,
  reportState: { missing: 'Saknas', returned: 'Återsänd för komplettering', submitted: 'Inlämnad', 'not-reported': 'Ej rapporterad' } as Record<StatusReportState, string>,
  round: {
    assessment: 'Bedömning',
    unit: 'Ansvarig enhet',
    reportedBy: 'Rapporterad av',
    onBehalfOf: 'för',
    links: 'Underlag',
    overallSummary: 'Samlad bedömning',
    areaSummary: 'Sammanfattning',
    approvedBy: 'Godkänd av',
    frozenUnapproved: 'Frös utan godkännande',
    deadline: 'Sista dag för lägesrapporter',
    boardDecision: 'Behandlad',
    noStatusReport: 'Ingen lägesrapport i omgången.',
    assessmentsSheet: 'Bedömningar',
    summariesSheet: 'Sammanfattningar',
  },
  chart: {
    title: 'Bedömningar per arbetsområde',
    previous: 'föregående rapport',
    spreadTable: 'Antal aktiviteter per bedömning',
    movement: 'Förändring sedan föregående rapport',
  },
  memo: {
    heading: 'Tjänsteskrivelse',
    matter: 'Ärende',
    followUpOf: 'Uppföljning av',
    period: 'för perioden',
    proposal: 'Förslag till beslut',
    proposalText: 'Kommunstyrelsen godkänner uppföljningen och lägger den till handlingarna.',
    perArea: 'Uppföljning per arbetsområde',
    appendix: 'Bilaga: tillfällen under perioden',
    date: 'Datum',
    page: 'Sida',
    of: 'av',
  },
};

export type Texts = typeof SV;

const EN: Texts = {
  reportTitle: 'Follow-up report to the municipal board',
  period: 'Period',
  periodRange: 'Covering',
  frozenAt: 'Frozen',
  draftAt: 'Draft as of',
  draftNotice: 'Draft: the period is still running and the figures may change. The report is frozen when the period ends.',
  timezone: 'Time zone',
  summary: 'Summary',
  noArea: 'No area',
  totals: {
    due: 'Occurrences due',
    completedOnTime: 'Completed on time',
    completedLate: 'Completed late',
    open: 'Open',
    late: 'Late (completed late or open past due)',
    skipped: 'Skipped',
    escalations: 'Escalations',
  },
  outcome: { 'on-time': 'completed on time', 'done-late': 'completed late', open: 'open', overdue: 'overdue', skipped: 'skipped', cancelled: 'cancelled' },
  kind: { recurring: 'Recurring', once: 'One-off', continuous: 'Continuous', quota: 'Target per period' },
  quotaCount: (count: number, target: number) => `${count} of ${target}`,
  actionStatus: { starting: 'starting', active: 'active', draft: 'draft', paused: 'paused', finished: 'finished', withdrawn: 'withdrawn' },
  column: {
    area: 'Area',
    action: 'Action',
    when: 'When',
    source: 'Decided at',
    kind: 'Kind',
    status: 'Status',
    periodKey: 'Occurrence',
    due: 'Due',
    originalDue: 'Originally due',
    outcome: 'Outcome',
    late: 'Late',
    completedAt: 'Completed',
    completedBy: 'Completed by',
    comment: 'Comment',
    evidence: 'Evidence',
    skipReason: 'Reason for skipping',
    escalations: 'Escalations',
    measure: 'Measure',
    value: 'Count',
  },
  yes: 'Yes',
  no: 'No',
  none: '–',
  noOccurrences: 'No occurrences were due in this period.',
  noActions: 'The plan has no actions.',
  statusLines: 'Status updates',
  noStatusLines: 'No status update was given for this period.',
  evidenceLink: 'Evidence',
  movedFrom: 'moved from',
  occurrencesSheet: 'Occurrences',
  statusSheet: 'Status updates',
  summarySheet: 'Summary',
  plan: 'Plan',
  at: 'Date',
  by: 'By',
  text: 'Text',
  assessment: { ...ASSESSMENT_LABELS.en, none: 'No assessment' },
  reportState: { missing: 'Missing', returned: 'Returned for completion', submitted: 'Submitted', 'not-reported': 'Not reported' },
  round: {
    assessment: 'Assessment',
    unit: 'Responsible unit',
    reportedBy: 'Reported by',
    onBehalfOf: 'for',
    links: 'Evidence',
    overallSummary: 'Overall assessment',
    areaSummary: 'Summary',
    approvedBy: 'Approved by',
    frozenUnapproved: 'Frozen without approval',
    deadline: 'Status reports due',
    boardDecision: 'Handled',
    noStatusReport: 'No status report in the round.',
    assessmentsSheet: 'Assessments',
    summariesSheet: 'Summaries',
  },
  chart: {
    title: 'Assessments per area',
    previous: 'previous report',
    spreadTable: 'Actions per assessment',
    movement: 'Change since the previous report',
  },
  memo: {
    heading: 'Officer’s report',
    matter: 'Matter',
    followUpOf: 'Follow-up of',
    period: 'for the period',
    proposal: 'Proposed decision',
    proposalText: 'The municipal board approves the follow-up and places it on file.',
    perArea: 'Follow-up per area',
    appendix: 'Appendix: occurrences in the period',
    date: 'Date',
    page: 'Page',
    of: 'of',
  },
};

export function textsFor(locale: ReportLocale = 'sv'): Texts {
  return locale === 'en' ? EN : SV;
}

/** Totals in the order the board reads them; shared by every format. */
export const TOTAL_KEYS = ['due', 'completedOnTime', 'completedLate', 'open', 'late', 'skipped', 'escalations'] as const;

export function areaTitle(title: string, texts: Texts): string {
  return title.trim() === '' ? texts.noArea : title;
}

/** "KS 2026-09-15 § 123": the board's decision as the minutes cite it. */
export function boardDecisionWords(decision: { body: string; date: string; paragraph: string }): string {
  const paragraph = decision.paragraph.trim();
  return `${decision.body} ${decision.date} ${paragraph.startsWith('§') ? paragraph : `§ ${paragraph}`}`;
}

const INTL_LOCALE: Record<ReportLocale, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * Formats instants in the plan's timezone. Due instants are the end of a local day
 * (23:59:59.999), so only a due time that is not a day boundary is shown with its clock time.
 */
export class ReportClock {
  constructor(
    readonly timezone: string,
    private readonly locale: ReportLocale,
  ) {}

  local(iso: string): DateTime {
    return DateTime.fromISO(iso, { zone: 'utc' }).setZone(this.timezone);
  }

  date(iso: string): string {
    return this.local(iso).setLocale(INTL_LOCALE[this.locale]).toLocaleString(DateTime.DATE_MED);
  }

  dateTime(iso: string): string {
    const d = this.local(iso).setLocale(INTL_LOCALE[this.locale]);
    return `${d.toLocaleString(DateTime.DATE_MED)} ${d.toFormat('HH:mm')}`;
  }

  due(iso: string): string {
    const d = this.local(iso);
    const boundary = (d.hour === 23 && d.minute === 59) || (d.hour === 0 && d.minute === 0);
    return boundary ? this.date(iso) : this.dateTime(iso);
  }

  /** A period in words ("juli–december 2026"), never its key. */
  period(period: { startsAt: string; endsAt: string }): string {
    return periodWords(period, this.timezone, this.locale);
  }

  /** An occurrence's period in words ("november–december 2026", "vecka 12 2026"), never its key. */
  occurrence(o: Pick<ReportOccurrence, 'periodKey' | 'due'>): string {
    return occurrenceWords(o.periodKey, o.due, this.timezone, this.locale);
  }

  /** The exclusive period end is shown as the last day inside the period. */
  periodRange(startsAt: string, endsAt: string): string {
    const lastDay = this.local(endsAt).minus({ milliseconds: 1 }).toUTC().toISO() as string;
    return `${this.date(startsAt)} – ${this.date(lastDay)}`;
  }
}
