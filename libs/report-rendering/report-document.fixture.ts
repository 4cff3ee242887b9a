import { ReportDocument, ReportOccurrence, ReportStatusReport } from './report-document';

/**
 * A realistic frozen report for the specs: Swedish texts with å ä ö, an ampersand in an area
 * title, a late open item with escalations, an item completed late, a skipped and a cancelled
 * one, a continuous action with a status line, an action without area, and a comment that tries
 * to inject a script.
 */
const occurrence = (o: Partial<ReportOccurrence> & Pick<ReportOccurrence, 'periodKey' | 'due' | 'outcome' | 'status'>): ReportOccurrence => ({
  originalDue: o.due,
  late: false,
  completedAt: null,
  completedBy: null,
  comment: null,
  evidenceUrl: null,
  skipReason: null,
  escalations: 0,
  ...o,
});

export const INJECTED_COMMENT = 'Genomförd i Övertorneå <script>alert("x")</script>';

export function sampleReport(): ReportDocument {
  return {
    plan: { id: '6f1c6a0e-3d5b-4b1e-9a57-0c6f4d1e2b11', title: 'Handlingsplan för näringslivet 2024–2025', timezone: 'Europe/Stockholm' },
    period: { key: '2024H1', startsAt: '2023-12-31T23:00:00.000Z', endsAt: '2024-06-30T22:00:00.000Z' },
    frozenAt: '2024-07-01T02:00:00.000Z',
    totals: { due: 5, completedOnTime: 1, completedLate: 1, open: 1, late: 2, skipped: 1, escalations: 3 },
    areas: [
      {
        title: 'Företagsklimat & service',
        actions: [
          {
            actionId: 'a-1',
            title: 'Företagsträff med lokala företagare',
            when: 'Vår 2024',
            kind: 'once',
            status: 'finished',
            occurrences: [
              occurrence({
                periodKey: '2024-05',
                // 2024-05-15 23:59:59.999 in Stockholm (summer time, UTC+2)
                due: '2024-05-15T21:59:59.999Z',
                originalDue: '2024-04-30T21:59:59.999Z',
                status: 'completed',
                outcome: 'completed-on-time',
                completedAt: '2024-05-14T13:30:00.000Z',
                completedBy: 'Åsa Öberg',
                comment: INJECTED_COMMENT,
                evidenceUrl: 'https://example.se/protokoll?mote=1&ar=2024',
              }),
            ],
            statusLines: [],
          },
          {
            actionId: 'a-2',
            title: 'Enkät om företagsklimatet',
            when: 'Q1 2024',
            kind: 'once',
            status: 'active',
            occurrences: [
              occurrence({ periodKey: '2024Q1', due: '2024-03-31T21:59:59.999Z', status: 'escalated', outcome: 'open', late: true, escalations: 2 }),
            ],
            statusLines: [],
          },
          {
            actionId: 'a-3',
            title: 'Regelbundna företagsbesök',
            when: 'Löpande',
            kind: 'continuous',
            status: 'active',
            occurrences: [],
            statusLines: [{ text: 'Tolv besök under perioden, bl.a. på Ängsvägen', by: 'Åsa Öberg', at: '2024-06-20T08:15:00.000Z' }],
          },
        ],
      },
      {
        title: 'Kompetensförsörjning',
        actions: [
          {
            actionId: 'a-4',
            title: 'Kvartalsvis avstämning med gymnasieskolan',
            when: 'Varje kvartal',
            kind: 'recurring',
            status: 'active',
            occurrences: [
              occurrence({
                periodKey: '2024Q1',
                due: '2024-03-31T21:59:59.999Z',
                status: 'completed',
                outcome: 'completed-late',
                late: true,
                completedAt: '2024-04-05T09:00:00.000Z',
                completedBy: 'Björn Ärlig',
                comment: 'Försenad p.g.a. sjukdom',
                escalations: 1,
              }),
              occurrence({ periodKey: '2024Q2', due: '2024-06-30T21:59:59.999Z', status: 'skipped', outcome: 'skipped', skipReason: 'Sammanföll med midsommar' }),
            ],
            statusLines: [],
          },
        ],
      },
      {
        title: '',
        actions: [
          {
            actionId: 'a-5',
            title: 'Mässa i Haparanda',
            when: 'Februari 2024',
            kind: 'once',
            status: 'withdrawn',
            occurrences: [occurrence({ periodKey: '2024-02', due: '2024-02-29T22:59:59.999Z', status: 'cancelled', outcome: 'cancelled' })],
            statusLines: [],
          },
        ],
      },
    ],
  };
}

export const INJECTED_SUMMARY = 'Området går framåt <img src=x onerror=alert(1)>';

/**
 * The same report frozen at the end of a reporting round: the owners' status reports (one on
 * behalf of an absent owner, one never submitted), the coordinator's summaries, the approval,
 * the previous report's spread for the chart, and the board's decision added when read.
 */
export function sampleRoundReport(): ReportDocument {
  const document = sampleReport();
  const submitted = (assessment: ReportStatusReport['assessment'], comment: string, extra: Partial<ReportStatusReport> = {}): ReportStatusReport => ({
    state: 'submitted',
    assessment,
    comment,
    links: [],
    unit: 'Näringslivsenheten',
    submittedBy: 'Åsa Öberg',
    submittedOnBehalfOf: null,
    submittedAt: '2024-06-25T10:00:00.000Z',
    ...extra,
  });
  const [climate, skills, loose] = document.areas;
  climate.summary = INJECTED_SUMMARY;
  climate.actions[0].statusReport = submitted('completed', 'Träffen hölls i maj med 40 deltagare', { links: ['https://example.se/minnesanteckningar', 'javascript:alert(1)'] });
  climate.actions[1].statusReport = submitted('deviation', 'Enkäten flyttas till hösten', { submittedBy: 'Björn Ärlig', submittedOnBehalfOf: 'Åsa Öberg' });
  climate.actions[2].statusReport = submitted('on-track', 'Besöken fortsätter enligt plan');
  skills.summary = 'Samarbetet med skolan behöver en ny form.';
  skills.actions[0].statusReport = submitted('at-risk', 'Två av fyra avstämningar blev av', { unit: 'Utbildningsförvaltningen' });
  loose.actions[0].statusReport = { state: 'not-reported', assessment: null, comment: null, links: [], unit: '', submittedBy: null, submittedOnBehalfOf: null, submittedAt: null };
  return {
    ...document,
    round: { status: 'approved', deadline: '2024-06-30T22:00:00.000Z', summary: 'Planen följs i stort.\n\nEnkäten är försenad.', approvedBy: 'Karin Kommunchef', approvedAt: '2024-07-02T08:00:00.000Z' },
    previous: {
      period: { key: '2023H2', startsAt: '2023-06-30T22:00:00.000Z', endsAt: '2023-12-31T23:00:00.000Z' },
      spread: [{ area: 'Företagsklimat & service', counts: { completed: 0, 'on-track': 2, 'at-risk': 1, deviation: 0, 'not-started': 0, none: 0 } }],
    },
    boardDecision: { body: 'KS', date: '2024-09-15', paragraph: '§ 123' },
  };
}
