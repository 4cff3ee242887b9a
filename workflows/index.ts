// Every workflow the worker registers. The worker bundles this file for the workflow sandbox.
export { systemCheckWorkflow } from './system-check.workflow';
export { actionFollowUpWorkflow } from './action-follow-up.workflow';
export { planReportingWorkflow } from './plan-reporting.workflow';
// The first version's types, for the runs started before (see contracts/legacy.ts).
export { actionWorkflow } from './legacy/action.workflow';
export { occurrenceWorkflow } from './legacy/occurrence.workflow';
