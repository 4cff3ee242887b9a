/**
 * The wiring check: a workflow that runs one activity which asks PostgreSQL for its clock. It proves
 * client → server → worker → activity → database in one round trip (used by tests and `/health`
 * is deliberately independent of it, so a stuck worker does not hide a healthy API).
 */
export const SYSTEM_CHECK_WORKFLOW = 'systemCheckWorkflow';

export interface SystemCheckInput {
  requestedBy: string;
}

export interface SystemCheckResult {
  requestedBy: string;
  databaseTime: string;
  workflowId: string;
}

export interface SystemActivities {
  readDatabaseClock(): Promise<string>;
}
