import { OCCURRENCE_ACTION_LABELS } from '../../../libs/domain/links/action-labels';

/** Quotas in words ("minst sex gånger per år"): the progress of a period, logging a time, the times logged. */
export const quotaSv = {
  progress: '{{logged}} av {{target}} hittills',
  pace: { reached: 'målet nått', 'on-pace': 'i fas', behind: 'efter i takt', missed: 'målet missat' },
  log: OCCURRENCE_ACTION_LABELS.sv.logTime,
  happenedOn: 'Datum då det hände',
  periodHint: 'Ett datum i perioden {{from}} – {{to}}, senast i dag.',
  logged: 'Tillfället är loggat: {{progress}}.',
  reached: 'Målet är nått med {{logged}} av {{target}}: uppgiften är klar.',
  entries: 'Loggade tillfällen',
  noEntries: 'Inga tillfällen loggade än.',
  loggedBy: 'loggat av {{name}}',
  errors: {
    outside: 'Datumet ligger utanför perioden {{from}} – {{to}}. Välj ett datum i perioden.',
    future: 'Det datumet har inte varit än. Logga tillfället när det har hänt.',
    notDate: 'Skriv datumet som ÅÅÅÅ-MM-DD.',
    evidence: 'Länken till underlaget ska vara en webbadress som börjar med https://.',
  },
};

export const quotaEn: typeof quotaSv = {
  progress: '{{logged}} of {{target}} so far',
  pace: { reached: 'target reached', 'on-pace': 'on pace', behind: 'behind pace', missed: 'target missed' },
  log: OCCURRENCE_ACTION_LABELS.en.logTime,
  happenedOn: 'Date it happened',
  periodHint: 'A date in the period {{from}} – {{to}}, today at the latest.',
  logged: 'The time is logged: {{progress}}.',
  reached: 'Target reached with {{logged}} of {{target}}: the task is done.',
  entries: 'Times logged',
  noEntries: 'No times logged yet.',
  loggedBy: 'logged by {{name}}',
  errors: {
    outside: 'The date is outside the period {{from}} – {{to}}. Choose a date in the period.',
    future: 'That date has not come yet. Log the time once it has happened.',
    notDate: 'Write the date as YYYY-MM-DD.',
    evidence: 'The link to evidence must be a web address starting with https://.',
  },
};
