/**
 * Runs in a worker thread of PlanParser: reads a plan document and applies the coordinator's
 * schedule corrections. Pure domain code; the thread's heap limit and deadline bound its cost.
 */
import { correctSchedules, parsePlanDocument } from '../../../libs/domain/import';
import { serveTasks } from '../common/worker-task';
import type { PlanParseInput } from './plan-parser';

serveTasks(async ({ document, options, corrections }: PlanParseInput) => correctSchedules(await parsePlanDocument(document, options), corrections, options));
