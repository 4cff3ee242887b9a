import type { OccurrenceAction } from './web-links';

/**
 * What each action a reader may take on an occurrence is called, in mail and on the web app's
 * buttons alike: the words a mail's link promises are the words of the button it leads to
 * ("Be om nytt datum" in the mail, "Be om nytt datum" on Mina uppgifter).
 */
export const OCCURRENCE_ACTION_LABELS: Record<'sv' | 'en', Record<OccurrenceAction, string>> = {
  sv: {
    complete: 'Markera som klar',
    requestNewDate: 'Be om nytt datum',
    logTime: 'Logga ett tillfälle',
    acknowledge: 'Kvittera',
    setNewDate: 'Sätt nytt datum',
    reassign: 'Ge till någon annan',
  },
  en: {
    complete: 'Mark as done',
    requestNewDate: 'Ask for a new date',
    logTime: 'Log a time',
    acknowledge: 'Acknowledge',
    setNewDate: 'Set a new date',
    reassign: 'Give to someone else',
  },
};
