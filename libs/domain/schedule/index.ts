/**
 * The schedule language (SCHEDULES.md). Pure and deterministic: safe inside Temporal workflows,
 * which import this file directly rather than libs/domain/index.ts.
 */
export * from './types';
export { parseSchedule, scheduleFromRRule, scheduleFromInstants, toScheduleSpec } from './parse-schedule';
export type { ScheduleInput, ScheduleTextInput, ScheduleRRuleInput, ScheduleInstantsInput } from './parse-schedule';
export { listOccurrences, nextOccurrence, MAX_OCCURRENCES, DEFAULT_TIMEZONE } from './occurrences';
export type { OccurrenceQuery } from './occurrences';
export { keyBoundary, instantKey } from './rules';
export { parseTiming } from './timing';
export { findFrequencies } from './frequency';
