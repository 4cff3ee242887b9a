import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { Link } from 'react-router-dom';
import type { Occurrence } from '../api';
import { isQuota, occurrenceKeys, useComplete, useMyTasks } from '../resources/occurrences';
import { errorText, formatDate } from '../format';
import { roundPeriodInWords } from '../schedule-words';
import { PostponeForm } from '../components/PostponeForm';
import { LogQuotaEntryForm } from '../components/LogQuotaEntryForm';
import { quotaProgressInWords } from '../quota-words';
import { StatusBadge } from '../components/StatusBadge';
import { ReturnedNote } from '../components/ReturnedNote';
import { useStatusReport } from '../resources/reporting';
import { LinkRefusal, Refusal, useLinkedAction } from '../components/LinkedAction';
import type { OccurrenceAction } from '../../../../libs/domain/links/web-links';

type DialogKind = 'complete' | 'postpone' | 'log';
type Dialog = { kind: DialogKind; occurrence: Occurrence } | null;

/** The form an owner's action link opens for this task, if the task has it. */
function dialogFor(task: Occurrence, action: OccurrenceAction): DialogKind | null {
  if (task.kind === 'status-report') return null;
  if (isQuota(task)) return action === 'logTime' ? 'log' : null;
  return action === 'complete' ? 'complete' : action === 'requestNewDate' ? 'postpone' : null;
}

/**
 * "Mina uppgifter": open occurrences by due date; done or a new date in one or two clicks, a time
 * of a quota logged as it happens, status reports written on their own page.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tasks = useMyTasks();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A link from a mail ("Markera som klar") opens that task's form, or says why it cannot.
  const linked = useLinkedAction();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const { occurrenceId: linkedId, action: linkedAction, handled } = linked;
  useEffect(() => {
    if (!linkedId || !linkedAction || !tasks.data) return;
    const task = tasks.data.find((candidate) => candidate.id === linkedId);
    const kind = task ? dialogFor(task, linkedAction) : null;
    if (task && kind) setDialog({ kind, occurrence: task });
    else setRefusal({ occurrenceId: linkedId, reason: task ? 'notForThis' : 'notYours' });
    handled();
  }, [linkedId, linkedAction, tasks.data, handled]);
  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
    void client.invalidateQueries({ queryKey: occurrenceKeys.tasks });
  };

  return (
    <Stack>
      <Title order={1}>{t('tasks.title')}</Title>
      {message && <Alert color="green" role="status" withCloseButton closeButtonLabel={t('organisation.close')} onClose={() => setMessage(null)}>{message}</Alert>}
      {refusal && <LinkRefusal refusal={refusal} onClose={() => setRefusal(null)} />}
      {tasks.error && <Alert color="red" role="alert">{errorText(tasks.error)}</Alert>}
      {tasks.data?.length === 0 && <Text>{t('tasks.empty')}</Text>}
      {tasks.data?.map((task) =>
        task.kind === 'status-report' ? (
          <StatusReportTask key={task.id} occurrence={task} />
        ) : (
          <TaskCard key={task.id} task={task} onOpen={(kind) => setDialog({ kind, occurrence: task })} />
        ),
      )}
      <Modal opened={dialog?.kind === 'complete'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        {dialog?.kind === 'complete' && <CompleteForm occurrence={dialog.occurrence} onDone={() => done(t('tasks.completed'))} onCancel={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'postpone'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        {dialog?.kind === 'postpone' && <PostponeForm occurrence={dialog.occurrence} onDone={() => done(t('tasks.postponed'))} onCancel={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'log'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        {dialog?.kind === 'log' && isQuota(dialog.occurrence) && <LogQuotaEntryForm occurrence={dialog.occurrence} onDone={(o) => done(loggedText(o))} onCancel={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

const isLate = (occurrence: Occurrence) => occurrence.status === 'overdue' || occurrence.status === 'escalated';
const LATE_BORDER = { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 };

/** What logging a time did: the period's new count, or its target reached (the task is then done and leaves the list). */
function loggedText(occurrence: Occurrence): string {
  if (!isQuota(occurrence)) return '';
  const { count, target } = occurrence.quota;
  return occurrence.status === 'completed' ? i18n.t('quota.reached', { logged: count, target }) : i18n.t('quota.logged', { progress: quotaProgressInWords(occurrence.quota) });
}

/** A task of the action's schedule: done, or a new date asked for; a quota's period: its progress, and a time logged. */
function TaskCard({ task, onOpen }: { task: Occurrence; onOpen(kind: DialogKind): void }) {
  const { t } = useTranslation();
  const late = isLate(task);
  const quota = isQuota(task) ? task.quota : null;
  return (
    <Card withBorder padding="md" radius="md" style={late ? LATE_BORDER : undefined} aria-label={task.actionTitle}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Title order={2} size="h4">{task.actionTitle}</Title>
          <Text c={late ? 'red.8' : undefined} fw={late ? 700 : undefined}>{t('tasks.due', { date: formatDate(task.due) })}</Text>
          {quota && <Text fw={quota.pace === 'behind' || quota.pace === 'missed' ? 700 : undefined}>{quotaProgressInWords(quota)}</Text>}
        </Stack>
        <StatusBadge status={task.status} />
      </Group>
      <Group mt="md">
        {quota ? (
          // A quota is neither completed in one go nor postponed: the time that reaches the target completes it.
          <Button onClick={() => onOpen('log')}>{t('quota.log')}</Button>
        ) : (
          <>
            <Button onClick={() => onOpen('complete')}>{t('tasks.complete')}</Button>
            <Button variant="default" onClick={() => onOpen('postpone')}>{t('tasks.postpone')}</Button>
          </>
        )}
      </Group>
    </Card>
  );
}

/**
 * A status report the owner owes in a reporting round: it is written on its own page (where mail
 * links lead too), not marked done here; a note from the coordinator who sent it back is shown at once.
 */
function StatusReportTask({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const report = useStatusReport(occurrence.id);
  const late = isLate(occurrence);
  const returned = report.data?.state === 'returned' ? report.data.returned : null;
  return (
    <Card component="section" withBorder padding="md" radius="md" style={late ? LATE_BORDER : undefined} aria-label={t('reporting.pageTitle', { action: occurrence.actionTitle })}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Title order={2} size="h4">{occurrence.actionTitle}</Title>
          <Text fw={700}>{report.data ? t('reporting.taskTitle', { period: roundPeriodInWords(report.data) }) : t('reporting.statusReport')}</Text>
          <Text c={late ? 'red.8' : undefined} fw={late ? 700 : undefined}>{t('reporting.dueBy', { date: formatDate(occurrence.due) })}</Text>
        </Stack>
        <StatusBadge status={occurrence.status} />
      </Group>
      {returned && <ReturnedNote returned={returned} mt="sm" />}
      <Group mt="md">
        <Button component={Link} to={`/lagesrapporter/${occurrence.id}`}>{t('reporting.fillIn')}</Button>
      </Group>
    </Card>
  );
}

function CompleteForm({ occurrence, onDone, onCancel }: { occurrence: Occurrence; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const complete = useComplete(occurrence.id, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate({ note: note || undefined, evidenceUrl: evidenceUrl || undefined });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {complete.error && <Alert color="red" role="alert">{errorText(complete.error)}</Alert>}
        <Textarea label={t('tasks.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <TextInput label={t('tasks.evidence')} type="url" placeholder="https://" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('tasks.cancel')}</Button>
          <Button type="submit" loading={complete.isPending}>{t('tasks.complete')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

