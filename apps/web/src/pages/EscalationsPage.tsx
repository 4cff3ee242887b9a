import { Alert, Button, Card, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Occurrence } from '../api';
import { isQuota, occurrenceKeys, useAcknowledge, useEscalationInbox, useReassign } from '../resources/occurrences';
import { useDirectory } from '../directory';
import { errorText, formatDate } from '../format';
import { StatusBadge } from '../components/StatusBadge';
import { PostponeForm } from '../components/PostponeForm';
import { LogQuotaEntryForm } from '../components/LogQuotaEntryForm';
import { quotaProgressInWords } from '../quota-words';

type Dialog = { kind: 'postpone' | 'reassign' | 'log'; occurrence: Occurrence } | null;

/** The inbox of unit heads and the kommunchef: what escalated, how late, whose it is. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const escalations = useEscalationInbox();
  const acknowledge = useAcknowledge();
  const [dialog, setDialog] = useState<Dialog>(null);
  const closeAndRefresh = () => {
    setDialog(null);
    void client.invalidateQueries({ queryKey: occurrenceKeys.escalations });
  };
  const late = (seconds: number) =>
    seconds >= 86_400
      ? t('escalations.late', { days: Math.floor(seconds / 86_400) })
      : seconds >= 3600
        ? t('escalations.lateHours', { hours: Math.floor(seconds / 3600) })
        : t('escalations.lateMinutes', { minutes: Math.max(1, Math.floor(seconds / 60)) });

  return (
    <Stack>
      <Title order={1}>{t('escalations.title')}</Title>
      {(escalations.error || acknowledge.error) && <Alert color="red" role="alert">{errorText(escalations.error ?? acknowledge.error)}</Alert>}
      {escalations.data?.length === 0 && <Text>{t('escalations.empty')}</Text>}
      {escalations.data?.map((e) => (
        <Card key={e.id} withBorder padding="md" radius="md" aria-label={e.occurrence.actionTitle}>
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4} style={{ flex: '1 1 16rem' }}>
              <Title order={2} size="h4">{e.occurrence.actionTitle}</Title>
              {e.occurrence.kind === 'status-report' && <Text fw={700}>{t('reporting.statusReport')}</Text>}
              {isQuota(e.occurrence) && <Text fw={700}>{quotaProgressInWords(e.occurrence.quota)}</Text>}
              <Text fw={700} c="red.8">{late(e.lateSeconds)}</Text>
              <Text>{t('escalations.owners', { names: e.owners.join(', ') })} · {t('escalations.step', { step: e.step + 1 })}</Text>
            </Stack>
            <StatusBadge status={e.occurrence.status} />
          </Group>
          <Group mt="md">
            {e.acknowledgedAt ? (
              <Text c="dimmed">{t('escalations.acknowledged', { date: formatDate(e.acknowledgedAt) })}</Text>
            ) : (
              <Button onClick={() => acknowledge.mutate(e.id)} loading={acknowledge.isPending && acknowledge.variables === e.id}>{t('escalations.acknowledge')}</Button>
            )}
            {['overdue', 'escalated', 'open'].includes(e.occurrence.status) && (
              <>
                {e.occurrence.kind === 'status-report' ? (
                  // A status report has no new date to give: it is due with its round; who it escalated to may write it.
                  <Button variant="default" component={Link} to={`/lagesrapporter/${e.occurrence.id}`}>{t('reporting.fillIn')}</Button>
                ) : isQuota(e.occurrence) ? (
                  // A quota's period is caught up with time by time, not given a new date.
                  <Button variant="default" onClick={() => setDialog({ kind: 'log', occurrence: e.occurrence })}>{t('quota.log')}</Button>
                ) : (
                  <Button variant="default" onClick={() => setDialog({ kind: 'postpone', occurrence: e.occurrence })}>{t('escalations.newDue')}</Button>
                )}
                <Button variant="default" onClick={() => setDialog({ kind: 'reassign', occurrence: e.occurrence })}>{t('escalations.reassign')}</Button>
              </>
            )}
          </Group>
        </Card>
      ))}
      <Modal opened={dialog?.kind === 'postpone'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        {dialog?.kind === 'postpone' && <PostponeForm occurrence={dialog.occurrence} onDone={closeAndRefresh} onCancel={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'log'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        {dialog?.kind === 'log' && isQuota(dialog.occurrence) && <LogQuotaEntryForm occurrence={dialog.occurrence} onDone={closeAndRefresh} onCancel={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'reassign'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        {dialog?.kind === 'reassign' && <ReassignForm occurrence={dialog.occurrence} onDone={closeAndRefresh} onCancel={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

function ReassignForm({ occurrence, onDone, onCancel }: { occurrence: Occurrence; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { personOptions } = useDirectory();
  const [owner, setOwner] = useState<string | null>(null);
  const reassign = useReassign(occurrence.id, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reassign.mutate({ ownerPersonId: owner ?? '' });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {reassign.error && <Alert color="red" role="alert">{errorText(reassign.error)}</Alert>}
        <Select label={t('escalations.newOwner')} data={personOptions()} value={owner} onChange={setOwner} searchable required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('tasks.cancel')}</Button>
          <Button type="submit" disabled={!owner} loading={reassign.isPending}>{t('tasks.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
