import { DomainError } from '../../../libs/domain/errors';
import { assertPlanOpen } from '../../../libs/domain/plan/lifecycle';
import type { PlanRepository, PlanRow } from '../../../libs/persistence/repositories/plan.repository';

/**
 * The plan, locked for a change of it (`update`) or in it (`key-share`: a new action, an import,
 * an area); an archived plan refuses changes (PLAN_ARCHIVED).
 */
export async function lockOpenPlan(plans: PlanRepository, id: string, mode: 'update' | 'key-share' = 'update'): Promise<PlanRow> {
  const plan = await plans.lock(id, mode);
  if (!plan) throw new DomainError('NOT_FOUND', 'No such plan');
  assertPlanOpen(plan);
  return plan;
}
