/**
 * When a working day begins, local time: reminders fall due then, and the daily digest of notices
 * goes out then. A module of its own so that the web app can say the time without the calendars.
 */
export const WORKING_DAY_START = { hour: 8, minute: 0 } as const;

/** "08:00". */
export const workingDayStartClock = (): string => `${String(WORKING_DAY_START.hour).padStart(2, '0')}:${String(WORKING_DAY_START.minute).padStart(2, '0')}`;
