import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../api';
import { occurrenceKeys, useComplete, useMyTasks } from '../resources/occurrences';
import { errorText, formatDate } from '../format';
import { PostponeForm } from '../components/PostponeForm';
import { StatusBadge } from '../components/StatusBadge';

type Dialog = { kind: 'complete' | 'postpone'; occurrence: Occurrence } | null;

/** "Mina uppgifter": open occurrences by due date; done or a new date in one or two clicks. */
export function TasksPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tasks = useMyTasks();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
    void client.invalidateQueries({ queryKey: occurrenceKeys.tasks });
  };

  return (
    <Stack>
      <Title order={1}>{t('tasks.title')}</Title>
      {message && <Alert color="green" role="status" withCloseButton onClose={() => setMessage(null)}>{message}</Alert>}
      {tasks.error && <Alert color="red" role="alert">{errorText(tasks.error)}</Alert>}
      {tasks.data?.length === 0 && <Text>{t('tasks.empty')}</Text>}
      {tasks.data?.map((task) => {
        const late = task.status === 'overdue' || task.status === 'escalated';
        return (
          <Card key={task.id} withBorder padding="md" radius="md" style={late ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined} aria-label={task.actionTitle}>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={4} style={{ flex: '1 1 16rem' }}>
                <Title order={2} size="h4">{task.actionTitle}</Title>
                <Text c={late ? 'red.8' : undefined} fw={late ? 700 : undefined}>{t('tasks.due', { date: formatDate(task.due) })}</Text>
              </Stack>
              <StatusBadge status={task.status} />
            </Group>
            <Group mt="md">
              <Button onClick={() => setDialog({ kind: 'complete', occurrence: task })}>{t('tasks.complete')}</Button>
              <Button variant="default" onClick={() => setDialog({ kind: 'postpone', occurrence: task })}>{t('tasks.postpone')}</Button>
            </Group>
          </Card>
        );
      })}
      <Modal opened={dialog?.kind === 'complete'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle}>
        {dialog?.kind === 'complete' && <CompleteForm occurrence={dialog.occurrence} onDone={() => done(t('tasks.completed'))} onCancel={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'postpone'} onClose={() => setDialog(null)} title={dialog?.occurrence.actionTitle}>
        {dialog?.kind === 'postpone' && <PostponeForm occurrence={dialog.occurrence} onDone={() => done(t('tasks.postponed'))} onCancel={() => setDialog(null)} />}
      </Modal>
    </Stack>
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

