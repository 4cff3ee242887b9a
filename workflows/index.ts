// Every workflow the worker registers. The worker bundles this file for the workflow sandbox.
export { systemCheckWorkflow } from './system-check.workflow';
