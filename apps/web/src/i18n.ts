import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Swedish by default, English available; API error codes become sentences people understand. */
const sv = {
  appName: 'Bevaka',
  nav: { tasks: 'Mina uppgifter', escalations: 'Eskaleringar', plans: 'Planer', logout: 'Logga ut', language: 'English' },
  login: { title: 'Logga in', email: 'E-postadress', password: 'Lösenord', submit: 'Logga in' },
  tasks: {
    title: 'Mina uppgifter',
    empty: 'Du har inga öppna uppgifter.',
    due: 'Senast {{date}}',
    complete: 'Markera som klar',
    postpone: 'Begär nytt datum',
    note: 'Kommentar',
    evidence: 'Länk till underlag',
    newDue: 'Nytt slutdatum',
    reason: 'Skäl',
    save: 'Spara',
    cancel: 'Avbryt',
    completed: 'Klarmarkerad',
    postponed: 'Nytt datum sparat',
  },
  status: { open: 'Öppen', overdue: 'Försenad', escalated: 'Eskalerad', completed: 'Klar', skipped: 'Hoppades över', cancelled: 'Avbruten' },
  escalations: {
    title: 'Eskaleringar till mig',
    empty: 'Inget har eskalerats till dig.',
    late: '{{days}} dagar sen',
    lateHours: '{{hours}} timmar sen',
    lateMinutes: '{{minutes}} min sen',
    owners: 'Ansvarig: {{names}}',
    step: 'Steg {{step}}',
    acknowledge: 'Kvittera',
    acknowledged: 'Kvitterad {{date}}',
  },
  plans: { title: 'Planer', empty: 'Inga planer ännu.', next: 'nästa {{date}}', continuous: 'löpande', actions: '{{count}} åtgärder' },
  errors: {
    UNAUTHENTICATED: 'Fel e-postadress eller lösenord, eller så har inloggningen gått ut.',
    FORBIDDEN: 'Du har inte behörighet att göra det här.',
    NOT_FOUND: 'Det du söker finns inte (längre).',
    VALIDATION_FAILED: 'Några uppgifter saknas eller är felaktiga.',
    INVALID_TRANSITION: 'Det går inte just nu: {{message}}',
    TOO_MANY_REQUESTS: 'För många försök. Vänta en minut och försök igen.',
    SCHEDULE_UNREADABLE: 'Tidplanen gick inte att förstå. Skriv den på ett annat sätt eller ange datum.',
    default: 'Något gick fel ({{code}}). Försök igen.',
  },
};

const en: typeof sv = {
  appName: 'Bevaka',
  nav: { tasks: 'My tasks', escalations: 'Escalations', plans: 'Plans', logout: 'Log out', language: 'Svenska' },
  login: { title: 'Log in', email: 'E-mail address', password: 'Password', submit: 'Log in' },
  tasks: {
    title: 'My tasks',
    empty: 'You have no open tasks.',
    due: 'Due {{date}}',
    complete: 'Mark as done',
    postpone: 'Ask for a new date',
    note: 'Comment',
    evidence: 'Link to evidence',
    newDue: 'New due date',
    reason: 'Reason',
    save: 'Save',
    cancel: 'Cancel',
    completed: 'Marked as done',
    postponed: 'New date saved',
  },
  status: { open: 'Open', overdue: 'Overdue', escalated: 'Escalated', completed: 'Done', skipped: 'Skipped', cancelled: 'Cancelled' },
  escalations: {
    title: 'Escalated to me',
    empty: 'Nothing has been escalated to you.',
    late: '{{days}} days late',
    lateHours: '{{hours}} hours late',
    lateMinutes: '{{minutes}} min late',
    owners: 'Owner: {{names}}',
    step: 'Step {{step}}',
    acknowledge: 'Acknowledge',
    acknowledged: 'Acknowledged {{date}}',
  },
  plans: { title: 'Plans', empty: 'No plans yet.', next: 'next {{date}}', continuous: 'continuous', actions: '{{count}} actions' },
  errors: {
    UNAUTHENTICATED: 'Wrong e-mail address or password, or the session has expired.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'What you are looking for does not exist (any more).',
    VALIDATION_FAILED: 'Some information is missing or wrong.',
    INVALID_TRANSITION: 'Not possible right now: {{message}}',
    TOO_MANY_REQUESTS: 'Too many attempts. Wait a minute and try again.',
    SCHEDULE_UNREADABLE: 'The schedule could not be understood. Say it differently or give dates.',
    default: 'Something went wrong ({{code}}). Try again.',
  },
};

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: localStorage.getItem('bevaka.language') ?? 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});

export default i18n;
