import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OccurrenceStatus } from '../../../../libs/domain/occurrence/status';

// Status in words, with colour only repeating it (WCAG: not by colour alone).
const COLOURS: Record<OccurrenceStatus, string> = { open: 'blue', overdue: 'red', escalated: 'red', completed: 'green', skipped: 'gray', cancelled: 'gray' };

export function StatusBadge({ status }: { status: OccurrenceStatus }) {
  const { t } = useTranslation();
  const urgent = status === 'overdue' || status === 'escalated';
  // Light badges carry dark text: green on its own tint ("Klar") is below 4.5:1, as in ActionStateBadge.
  return <Badge color={COLOURS[status]} variant={urgent ? 'filled' : 'light'} c={urgent ? undefined : 'dark.9'}>{t(`status.${status}`)}</Badge>;
}
