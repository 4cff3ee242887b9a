/**
 * libs/domain for Node code (API, worker, CLI). Workflow code imports libs/domain/schedule and
 * libs/domain/calendar directly: this barrel also pulls in the importer, which uses exceljs.
 */
export * from './errors';
export * from './schedule';
export * from './calendar';
export * from './import';
