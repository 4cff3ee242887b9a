// Every workflow the worker registers. The worker bundles this file for the workflow sandbox.
export { systemCheckWorkflow } from './system-check.workflow';
export { actionWorkflow } from './action.workflow';
export { occurrenceWorkflow } from './occurrence.workflow';
export { planReportingWorkflow } from './plan-reporting.workflow';
