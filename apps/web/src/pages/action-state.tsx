import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../api';

/** An action's state at a glance, as the coordinator's overview and the plan page show it. */
export type ActionState = 'onTrack' | 'dueSoon' | 'overdue' | 'escalated' | 'done' | 'continuous' | 'nothingScheduled';
export const ACTION_STATES: ActionState[] = ['onTrack', 'dueSoon', 'overdue', 'escalated', 'done', 'continuous', 'nothingScheduled'];
export const ACTION_STATE_COLOURS: Record<ActionState, string> = {
  onTrack: 'blue',
  dueSoon: 'yellow',
  overdue: 'red',
  escalated: 'red',
  done: 'green',
  continuous: 'gray',
  nothingScheduled: 'orange',
};
const SOON_MS = 14 * 86_400_000;

/** One action's state from its unresolved occurrences (the worst one wins). */
export function actionState(action: Pick<PlanAction, 'schedule' | 'openOccurrences' | 'completedCount' | 'nextDue'>, now = Date.now()): ActionState {
  if (action.schedule.kind === 'continuous') return 'continuous';
  const open = action.openOccurrences;
  if (open.some((o) => o.status === 'escalated')) return 'escalated';
  if (open.some((o) => o.status === 'overdue')) return 'overdue';
  if (open.some((o) => Date.parse(o.due) - now < SOON_MS)) return 'dueSoon';
  if (open.length === 0 && action.completedCount > 0) return 'done';
  // Nothing open, nothing done, nothing ahead: due before Bevaka followed it (a 2020 deadline in a
  // plan imported today), or a schedule that has run out. Not "on track": someone should decide.
  if (open.length === 0 && action.nextDue.length === 0) return 'nothingScheduled';
  return 'onTrack';
}

// The state in words; colour only repeats it (WCAG: not by colour alone).
export function ActionStateBadge({ state }: { state: ActionState }) {
  const { t } = useTranslation();
  const urgent = state === 'overdue' || state === 'escalated';
  // Light badges carry dark text: their tint alone is too pale a background for coloured text on striped rows.
  return <Badge color={ACTION_STATE_COLOURS[state]} variant={urgent ? 'filled' : 'light'} c={urgent ? undefined : 'dark.9'}>{t(`dashboard.states.${state}`)}</Badge>;
}
