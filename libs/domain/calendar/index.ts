/** Working-day calendars (SE, DK, NO). Pure: safe inside Temporal workflows. */
export * from './working-days';
export * from './working-day-start';
