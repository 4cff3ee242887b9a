import { Alert, Button, Card, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
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
import { LinkRefusal, Refusal, useLinkedAction } from '../components/LinkedAction';
import type { OccurrenceAction } from '../../../../libs/domain/links/web-links';

type DialogKind = 'acknowledge' | 'postpone' | 'reassign' | 'log';
type Dialog = { kind: DialogKind; occurrence: Occurrence; escalationId?: string } | null;
type Escalation = { id: string; acknowledgedAt?: string | null; occurrence: Occurrence };

const isOpen = (occurrence: Occurrence) => ['overdue', 'escalated', 'open'].includes(occurrence.status);

/** The form an escalation's action link opens, as the buttons of its card offer them; or why not. */
function dialogFor(e: Escalation, action: OccurrenceAction): DialogKind | Refusal['reason'] {
  if (action === 'acknowledge') return e.acknowledgedAt ? 'alreadyAcknowledged' : 'acknowledge';
  if (!isOpen(e.occurrence)) return 'notForThis';
  if (action === 'reassign') return 'reassign';
  if (action === 'setNewDate' && e.occurrence.kind !== 'status-report' && !isQuota(e.occurrence)) return 'postpone';
  return 'notForThis';
}

/** The inbox of unit heads and the kommunchef: what escalated, how late, whose it is. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const escalations = useEscalationInbox();
  const acknowledge = useAcknowledge();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const closeAndRefresh = () => {
    setDialog(null);
    void client.invalidateQueries({ queryKey: occurrenceKeys.escalations });
  };
  // A link from an escalation mail ("Kvittera", "Sätt nytt datum") opens that form, or says why it cannot.
  const { occurrenceId: linkedId, action: linkedAction, handled } = useLinkedAction();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useEffect(() => {
    if (!linkedId || !linkedAction || !escalations.data) return;
    // The latest step that reached me, if the ladder reached me twice.
    const e = [...escalations.data].reverse().find((candidate) => candidate.occurrence.id === linkedId);
    const kind = e ? dialogFor(e, linkedAction) : 'notEscalated';
    if (e && ['acknowledge', 'postpone', 'reassign', 'log'].includes(kind)) setDialog({ kind: kind as DialogKind, occurrence: e.occurrence, escalationId: e.id });
    else setRefusal({ occurrenceId: linkedId, reason: kind as Refusal['reason'], date: e?.acknowledgedAt ? formatDate(e.acknowledgedAt) : undefined });
    handled();
  }, [linkedId, linkedAction, escalations.data, handled]);
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
      {message && <Alert color="green" role="status" withCloseButton closeButtonLabel={t('organisation.close')} onClose={() => setMessage(null)}>{message}</Alert>}
      {refusal && <LinkRefusal refusal={refusal} onClose={() => setRefusal(null)} />}
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
      <Modal opened={dialog?.kind === 'acknowledge'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        {dialog?.kind === 'acknowledge' && dialog.escalationId && (
          <AcknowledgeForm
            escalationId={dialog.escalationId}
            onDone={() => {
              setDialog(null);
              setMessage(t('links.acknowledged'));
            }}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>
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

/** Acknowledging from a mail's link: the question, and the button the card has too. */
function AcknowledgeForm({ escalationId, onDone, onCancel }: { escalationId: string; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledge();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    acknowledge.mutate(escalationId, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {acknowledge.error && <Alert color="red" role="alert">{errorText(acknowledge.error)}</Alert>}
        <Text>{t('links.acknowledgeQuestion')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('tasks.cancel')}</Button>
          <Button type="submit" loading={acknowledge.isPending}>{t('escalations.acknowledge')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
