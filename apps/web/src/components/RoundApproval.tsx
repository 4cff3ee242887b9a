import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type RoundDetail } from '../api';
import { errorText, formatDate } from '../format';
import { roundPeriodInWords } from '../schedule-words';
import { useApproveRound } from '../resources/reporting';

/** Approval freezes the board report, so it is confirmed first; before the period's end the API refuses it, and we say why. */
export function RoundApproval({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const approve = useApproveRound(round.planId, round.periodKey);
  const missing = round.progress.overall.missing + round.progress.overall.returned;
  const problem = (error: unknown) =>
    error instanceof ApiError && error.code === 'INVALID_TRANSITION' && error.details.some((d) => d.path === 'period')
      ? t('reporting.approveTooEarly', { date: formatDate(round.periodEndsAt) })
      : errorText(error);
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h3">{t('reporting.approve')}</Title>
        <Text>{t('reporting.approveWhen', { date: formatDate(round.periodEndsAt) })}</Text>
        <Button onClick={() => setConfirming(true)} style={{ alignSelf: 'flex-start' }}>{t('reporting.approve')}</Button>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} closeButtonProps={{ 'aria-label': t('organisation.close') }} title={t('reporting.approveTitle', { period: roundPeriodInWords(round) })}>
        <Stack>
          {approve.error && <Alert color="red" role="alert">{problem(approve.error)}</Alert>}
          <Text>{t('reporting.approveExplained')}</Text>
          {missing > 0 && <Text fw={700}>{t('reporting.approveMissing', { count: missing })}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('tasks.cancel')}</Button>
            <Button onClick={() => approve.mutate(undefined, { onSuccess: () => setConfirming(false) })} loading={approve.isPending}>{t('reporting.approveConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
