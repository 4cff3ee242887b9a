/** The task queue every Bevaka worker polls (overridable by TEMPORAL_TASK_QUEUE). */
export const DEFAULT_TASK_QUEUE = 'bevaka';
