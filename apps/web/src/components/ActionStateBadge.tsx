import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionGlanceState } from '../../../../libs/domain/action/glance';

export const ACTION_STATE_COLOURS: Record<ActionGlanceState, string> = {
  onTrack: 'blue',
  dueSoon: 'yellow',
  behindPace: 'grape',
  overdue: 'red',
  escalated: 'red',
  done: 'green',
  continuous: 'gray',
  nothingScheduled: 'orange',
};

/** An action's state at a glance (the API's `state`), in words; colour only repeats it (WCAG: not by colour alone). */
export function ActionStateBadge({ state }: { state: ActionGlanceState }) {
  const { t } = useTranslation();
  const urgent = state === 'overdue' || state === 'escalated';
  // Light badges carry dark text: their tint alone is too pale a background for coloured text on striped rows.
  return <Badge color={ACTION_STATE_COLOURS[state]} variant={urgent ? 'filled' : 'light'} c={urgent ? undefined : 'dark.9'}>{t(`dashboard.states.${state}`)}</Badge>;
}
