import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundStatus, StatusReportState } from '../../../../libs/domain/reporting/round';

// States in words, with colour only repeating them (WCAG: not by colour alone); light badges carry dark text.
const ROUND_COLOURS: Record<RoundStatus, string> = { open: 'blue', approved: 'green', frozen: 'gray' };
const REPORT_COLOURS: Record<StatusReportState, string> = { missing: 'orange', returned: 'yellow', submitted: 'green', 'not-reported': 'gray' };

/** A round: reports coming in, approved, or frozen by itself without approval. */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <Badge color={ROUND_COLOURS[status]} variant="light" c="dark.9">{t(`reporting.roundStatus.${status}`)}</Badge>;
}

/** One action's status report in its round: missing, sent back, submitted, not reported. */
export function ReportStateBadge({ state }: { state: StatusReportState }) {
  const { t } = useTranslation();
  return <Badge color={REPORT_COLOURS[state]} variant="light" c="dark.9">{t(`reporting.state.${state}`)}</Badge>;
}
