import type { Locale } from './format';

/** What a digest says: one mail per plan, a table of its notices. Swedish (the default) and English. */
export interface DigestText {
  subject: (n: number, plan: string | undefined) => string;
  lead: (n: number, plan: string | undefined) => string;
  columns: { action: string; owners: string; lateOrDue: string; step: string; links: string };
  /** The "late / due" cell of an item that is not late: its due date. */
  dueBy: (date: string) => string;
  /** The step cell: an escalation's step, else what kind of notice it is. */
  escalationStep: (step: number) => string;
  kinds: Record<string, string>;
  /** Heads the plain-text list of each row's links, under the table. */
  linksHeading: string;
}

const notices = { sv: (n: number) => `${n} ${n === 1 ? 'notis' : 'notiser'}`, en: (n: number) => `${n} ${n === 1 ? 'notice' : 'notices'}` };

export const DIGEST_TEXT: Record<Locale, DigestText> = {
  sv: {
    subject: (n, plan) => (plan ? `Bevaka: ${notices.sv(n)} om ${plan}` : `Bevaka: ${notices.sv(n)}`),
    lead: (n, plan) => (plan ? `Här är din sammanfattning för ${plan}: ${notices.sv(n)}.` : `Här är din sammanfattning med ${notices.sv(n)}.`),
    columns: { action: 'Aktivitet', owners: 'Ansvariga', lateOrDue: 'Försenad / slutdatum', step: 'Steg', links: 'Gör det i Bevaka' },
    dueBy: (date) => `senast ${date}`,
    escalationStep: (step) => `eskalering steg ${step}`,
    kinds: {
      reminder: 'påminnelse',
      overdue: 'försenad',
      repeat: 'påminnelse igen',
      'status-request': 'lägesrapport',
      postponed: 'nytt slutdatum',
      completed: 'klarmarkerad',
    },
    linksHeading: 'Länkar',
  },
  en: {
    subject: (n, plan) => (plan ? `Bevaka: ${notices.en(n)} on ${plan}` : `Bevaka: ${notices.en(n)}`),
    lead: (n, plan) => (plan ? `Here is your digest for ${plan}: ${notices.en(n)}.` : `Here is your digest of ${notices.en(n)}.`),
    columns: { action: 'Action', owners: 'Responsible', lateOrDue: 'Late / due', step: 'Step', links: 'Do it in Bevaka' },
    dueBy: (date) => `by ${date}`,
    escalationStep: (step) => `escalation step ${step}`,
    kinds: {
      reminder: 'reminder',
      overdue: 'overdue',
      repeat: 'reminder again',
      'status-request': 'status update',
      postponed: 'new due date',
      completed: 'completed',
    },
    linksHeading: 'Links',
  },
};
