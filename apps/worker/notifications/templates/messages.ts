import { OCCURRENCE_ACTION_LABELS } from '../../../../libs/domain/links/action-labels';
import type { OccurrenceAction } from '../../../../libs/domain/links/web-links';
import type { Locale } from './format';

/** What a notice says, per kind, before the common facts (plan, action, due date, link). */
export interface KindText {
  subject: (v: Vars) => string;
  lead: (v: Vars) => string;
}

export interface Vars {
  action: string;
  plan: string;
  due: string;
  late: string;
  /** Whole seconds late: 0 for an overdue notice at the due instant itself (exact timing), said as "not done" instead of "0 seconds late". */
  lateSeconds: number;
  step: number;
  actor?: string;
  reason?: string;
  note?: string;
  onTime?: boolean;
  periodEnds?: string;
  /** A quota's count and target ("4 av 6"). */
  quota?: { count: number; target: number };
}

/** User-facing text lives here, in Swedish (the default) and English. */
export const KIND_TEXT: Record<Locale, Record<string, KindText>> = {
  sv: {
    reminder: { subject: (v) => `Påminnelse: ${v.action}`, lead: (v) => `Påminnelse: aktiviteten ska vara klar senast ${v.due}.` },
    overdue: {
      subject: (v) => `Försenad: ${v.action}`,
      lead: (v) => (v.lateSeconds > 0 ? `Aktiviteten skulle ha varit klar ${v.due} och är nu ${v.late} försenad.` : `Aktiviteten skulle ha varit klar ${v.due} och är inte klarmarkerad.`),
    },
    escalation: {
      subject: (v) => `Eskalering steg ${v.step}: ${v.action} är försenad`,
      lead: (v) => `Eskalering steg ${v.step}: aktiviteten skulle ha varit klar ${v.due} och är ${v.late} försenad. Ärendet har lyfts till dig.`,
    },
    repeat: { subject: (v) => `Fortfarande inte klar: ${v.action}`, lead: (v) => `Aktiviteten är fortfarande inte klar. Den är ${v.late} försenad (skulle ha varit klar ${v.due}).` },
    'status-request': {
      subject: (v) => `Lägesrapport efterfrågas: ${v.action}`,
      lead: (v) => `Skriv en kort lägesrapport för aktiviteten före rapporten till kommunstyrelsen${v.periodEnds ? ` (perioden slutar ${v.periodEnds})` : ''}.`,
    },
    'status-report:reminder': {
      subject: (v) => `Statusrapport att lämna: ${v.action}`,
      lead: (v) => `Lämna din statusrapport för aktiviteten (bedömning och kommentar) till rapporten till kommunstyrelsen senast ${v.due}.`,
    },
    'status-report:overdue': { subject: (v) => `Statusrapport saknas: ${v.action}`, lead: (v) => `Statusrapporten för aktiviteten skulle ha lämnats ${v.due} och saknas fortfarande.` },
    'status-report:escalation': {
      subject: (v) => `Eskalering steg ${v.step}: statusrapport saknas för ${v.action}`,
      lead: (v) => `Eskalering steg ${v.step}: statusrapporten för aktiviteten skulle ha lämnats ${v.due} och är ${v.late} försenad. Ärendet har lyfts till dig.`,
    },
    'quota:reminder': {
      subject: (v) => `Efter i takt: ${v.action}`,
      lead: (v) => `Hittills är ${v.quota?.count ?? 0} av ${v.quota?.target ?? '?'} gånger loggade, färre än takten fram till ${v.due} kräver. Logga det som har hänt i Bevaka.`,
    },
    'quota:overdue': { subject: (v) => `Målet nåddes inte: ${v.action}`, lead: (v) => `Perioden slutade ${v.due} med ${v.quota?.count ?? 0} av ${v.quota?.target ?? '?'} gånger.` },
    'quota:escalation': {
      subject: (v) => `Eskalering steg ${v.step}: ${v.action} nådde inte målet`,
      lead: (v) => `Eskalering steg ${v.step}: perioden slutade ${v.due} med ${v.quota?.count ?? 0} av ${v.quota?.target ?? '?'} gånger. Ärendet har lyfts till dig.`,
    },
    'status-report:repeat': { subject: (v) => `Statusrapport saknas fortfarande: ${v.action}`, lead: (v) => `Statusrapporten är ${v.late} försenad (skulle ha lämnats ${v.due}).` },
    postponed: {
      subject: (v) => `Nytt slutdatum: ${v.action}`,
      lead: (v) => `${v.actor ?? 'Någon'} har flyttat slutdatumet till ${v.due}.${v.reason ? ` Skäl: ${v.reason}` : ''}`,
    },
    completed: {
      subject: (v) => `Klarmarkerad: ${v.action}`,
      lead: (v) =>
        `${v.actor ?? 'Någon'} har markerat aktiviteten som klar, ${v.onTime ? 'i tid' : `${v.late} efter slutdatumet`}.${v.note ? ` Kommentar: ${v.note}` : ''}`,
    },
  },
  en: {
    reminder: { subject: (v) => `Reminder: ${v.action}`, lead: (v) => `Reminder: this action is due by ${v.due}.` },
    overdue: {
      subject: (v) => `Overdue: ${v.action}`,
      lead: (v) => (v.lateSeconds > 0 ? `This action was due ${v.due} and is now ${v.late} late.` : `This action was due ${v.due} and has not been marked as done.`),
    },
    escalation: {
      subject: (v) => `Escalation step ${v.step}: ${v.action} is overdue`,
      lead: (v) => `Escalation step ${v.step}: this action was due ${v.due} and is ${v.late} late. It has been escalated to you.`,
    },
    repeat: { subject: (v) => `Still not done: ${v.action}`, lead: (v) => `This action is still not done. It is ${v.late} late (it was due ${v.due}).` },
    'status-request': {
      subject: (v) => `Status update requested: ${v.action}`,
      lead: (v) => `Please write a short status update for this action before the report to the board${v.periodEnds ? ` (the period ends ${v.periodEnds})` : ''}.`,
    },
    'status-report:reminder': {
      subject: (v) => `Status report due: ${v.action}`,
      lead: (v) => `Please submit your status report for this action (assessment and comment) for the report to the board by ${v.due}.`,
    },
    'status-report:overdue': { subject: (v) => `Status report missing: ${v.action}`, lead: (v) => `The status report for this action was due ${v.due} and is still missing.` },
    'status-report:escalation': {
      subject: (v) => `Escalation step ${v.step}: status report missing for ${v.action}`,
      lead: (v) => `Escalation step ${v.step}: the status report for this action was due ${v.due} and is ${v.late} late. It has been escalated to you.`,
    },
    'quota:reminder': {
      subject: (v) => `Behind pace: ${v.action}`,
      lead: (v) => `So far ${v.quota?.count ?? 0} of ${v.quota?.target ?? '?'} times are logged, fewer than the pace to ${v.due} asks for. Log what has happened in Bevaka.`,
    },
    'quota:overdue': { subject: (v) => `Target missed: ${v.action}`, lead: (v) => `The period ended ${v.due} with ${v.quota?.count ?? 0} of ${v.quota?.target ?? '?'} times.` },
    'quota:escalation': {
      subject: (v) => `Escalation step ${v.step}: ${v.action} missed its target`,
      lead: (v) => `Escalation step ${v.step}: the period ended ${v.due} with ${v.quota?.count ?? 0} of ${v.quota?.target ?? '?'} times. It has been escalated to you.`,
    },
    'status-report:repeat': { subject: (v) => `Status report still missing: ${v.action}`, lead: (v) => `The status report is ${v.late} late (it was due ${v.due}).` },
    postponed: {
      subject: (v) => `New due date: ${v.action}`,
      lead: (v) => `${v.actor ?? 'Someone'} has moved the due date to ${v.due}.${v.reason ? ` Reason: ${v.reason}` : ''}`,
    },
    completed: {
      subject: (v) => `Completed: ${v.action}`,
      lead: (v) => `${v.actor ?? 'Someone'} has completed this action, ${v.onTime ? 'on time' : `${v.late} after the due date`}.${v.note ? ` Note: ${v.note}` : ''}`,
    },
  },
};

export const COMMON_TEXT: Record<Locale, { hello: (name: string) => string; plan: string; action: string; period: string; due: string; late: string; done: string; doneOf: (count: number, target: number) => string; open: string; footer: string; fallbackKind: string; area: string; owners: string; units: string; before: string; ownerRole: string; stepOf: (step: number, name: string) => string; latestNote: string; whatYouCanDo: string; actionLabels: Record<OccurrenceAction, string> }> = {
  sv: {
    hello: (name) => `Hej ${name}!`,
    plan: 'Plan',
    action: 'Aktivitet',
    period: 'Period',
    due: 'Slutdatum',
    late: 'Försenad',
    done: 'Genomfört',
    doneOf: (count, target) => `${count} av ${target}`,
    open: 'Öppna i Bevaka',
    footer: 'Du får det här mejlet från Bevaka. Välj vilka notiser du vill ha och hur ofta',
    fallbackKind: 'Notis',
    area: 'Område',
    owners: 'Ansvariga',
    units: 'Enhet',
    before: 'Har haft ärendet',
    ownerRole: 'ansvarig',
    stepOf: (step, name) => `steg ${step}: ${name}`,
    latestNote: 'Senaste anteckning',
    whatYouCanDo: 'Gör det direkt i Bevaka:',
    actionLabels: OCCURRENCE_ACTION_LABELS.sv,
  },
  en: {
    hello: (name) => `Hello ${name},`,
    plan: 'Plan',
    action: 'Action',
    period: 'Period',
    due: 'Due',
    late: 'Late by',
    done: 'Done',
    doneOf: (count, target) => `${count} of ${target}`,
    open: 'Open in Bevaka',
    footer: 'You receive this e-mail from Bevaka. Choose which notices you get and how often',
    fallbackKind: 'Notice',
    area: 'Area',
    owners: 'Responsible',
    units: 'Unit',
    before: 'Had it before you',
    ownerRole: 'responsible',
    stepOf: (step, name) => `step ${step}: ${name}`,
    latestNote: 'Latest note',
    whatYouCanDo: 'Do it straight in Bevaka:',
    actionLabels: OCCURRENCE_ACTION_LABELS.en,
  },
};
