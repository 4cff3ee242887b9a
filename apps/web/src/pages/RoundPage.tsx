import { Alert, Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { RoundDetail } from '../api';
import { BoardDecisionForm } from '../components/BoardDecisionForm';
import { ReportFileButtons, useReportFiles } from '../components/ReportFiles';
import { RoundApproval } from '../components/RoundApproval';
import { RoundStatusBadge } from '../components/RoundBadges';
import { RoundProgressTables } from '../components/RoundProgressTables';
import { RoundStatusReports } from '../components/RoundStatusReports';
import { RoundSummaries } from '../components/RoundSummaries';
import { errorText, formatDate } from '../format';
import { roundPeriodInWords } from '../schedule-words';
import { usePlan } from '../resources/plans';
import { useRound } from '../resources/reporting';

/**
 * The coordinator's reporting round (`/planer/:id/rapportering/:period`): how far the status
 * reports have come, each report to read or send back, the summaries, the approval that freezes
 * the board report, and afterwards the board's handling and the report itself. A closed round is
 * read only, except for recording how the board handled it.
 */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '', period = '' } = useParams();
  const plan = usePlan(id);
  const round = useRound(id, period);
  const error = round.error ?? plan.error;
  if (error) return <Alert color="red" role="alert">{errorText(error)}</Alert>;
  const r = round.data;
  if (!r) return <Loader aria-label="…" />;
  const open = r.status === 'open';
  return (
    <Stack>
      {plan.data && <Anchor component={Link} to={`/planer/${id}`}>{t('reporting.backToPlan', { title: plan.data.title })}</Anchor>}
      <Group gap="sm" align="center">
        <Title order={1}>{t('reporting.roundTitle', { period: roundPeriodInWords(r) })}</Title>
        <RoundStatusBadge status={r.status} />
      </Group>
      <RoundFacts round={r} />
      <RoundProgressTables progress={r.progress} />
      <RoundStatusReports round={r} />
      <RoundSummaries round={r} />
      {open ? <RoundApproval round={r} /> : <ClosedRound round={r} />}
    </Stack>
  );
}

function RoundFacts({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text>{t('reporting.roundFacts', { deadline: formatDate(round.deadline), end: formatDate(round.periodEndsAt) })}</Text>
      {round.status === 'open' && <Text>{t('reporting.freezesAt', { date: formatDate(round.freezesAt) })}</Text>}
      {round.approved && <Text fw={700}>{t('reporting.approvedBy', { date: formatDate(round.approved.at), name: round.approved.by ?? t('plan.someone') })}</Text>}
      {round.status === 'frozen' && round.frozenAt && <Text fw={700}>{t('reporting.frozenItself', { date: formatDate(round.frozenAt) })}</Text>}
    </Stack>
  );
}

/** After approval (or the freeze): the frozen report to read or download, and the board's handling of it. */
function ClosedRound({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const files = useReportFiles(round.planId);
  return (
    <>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={2} size="h3">{t('reporting.reportFiles')}</Title>
          {files.error && <Alert color="red" role="alert">{errorText(files.error)}</Alert>}
          <ReportFileButtons files={files} reportKey={round.periodKey} period={roundPeriodInWords(round)} title={t('plan.reportTitle', { period: roundPeriodInWords(round) })} />
        </Stack>
        {files.viewer}
      </Card>
      <BoardDecisionForm round={round} />
    </>
  );
}
