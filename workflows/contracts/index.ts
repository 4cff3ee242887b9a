export * from './task-queues';
export * from './system-check';
