import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OccurrenceStatus } from '../../../../libs/domain/occurrence/status';

// Status in words, with colour only repeating it (WCAG: not by colour alone).
const COLOURS: Record<OccurrenceStatus, string> = { open: 'blue', overdue: 'red', escalated: 'red', completed: 'green', skipped: 'gray', cancelled: 'gray' };

export function StatusBadge({ status }: { status: OccurrenceStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOURS[status]} variant={status === 'overdue' || status === 'escalated' ? 'filled' : 'light'}>{t(`status.${status}`)}</Badge>;
}
