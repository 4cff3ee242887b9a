import { Alert, Anchor, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, Occurrence } from '../api';
import { errorText, formatDate } from '../format';
import { StatusBadge } from './StatusBadge';

interface ActionDetail {
  id: string;
  title: string;
  when: string | null;
  status: string;
  schedule: { kind: string; warnings: Array<{ message: string }> };
  scheduleInput: { text?: string; when?: string };
  policy: { remindBefore: string[]; escalateAfter: string[]; repeatEvery?: string } | null;
  nextDue: string[];
}

interface HistoryEntry {
  at: string;
  type: 'transition' | 'notice';
  kind: string;
  person: string | null;
  data: { note?: string; evidenceUrl?: string; reason?: string };
}

/** One action: its schedule in words, its policy, and the timeline of each occurrence; editable. */
export function ActionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const action = useQuery({ queryKey: ['action', id], queryFn: () => api<ActionDetail>('GET', `/api/actions/${id}`) });
  const occurrences = useQuery({ queryKey: ['occurrences', 'action', id], queryFn: () => api<{ items: Occurrence[] }>('GET', `/api/occurrences?actionId=${id}`) });
  if (action.error) return <Alert color="red" role="alert">{errorText(action.error)}</Alert>;
  const a = action.data;
  if (!a) return null;
  const kind = t(`import.kinds.${a.schedule.kind}`);
  const next = a.nextDue[0] ? t('plans.next', { date: a.nextDue[0] }) : '';
  return (
    <Stack>
      <Title order={1}>{a.title}</Title>
      <Text>{[kind, a.when, next].filter(Boolean).join(' · ')}</Text>
      {a.policy && (
        <Text size="sm">{t('action.policy', { remind: a.policy.remindBefore.join(', ') || '–', escalate: a.policy.escalateAfter.join(', ') || '–' })}</Text>
      )}
      <EditAction action={a} />
      <Title order={2} size="h3">{t('action.timeline')}</Title>
      {(occurrences.data?.items ?? []).map((o) => <OccurrenceTimeline key={o.id} occurrence={o} />)}
    </Stack>
  );
}

function OccurrenceTimeline({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: ['history', occurrence.id], queryFn: () => api<HistoryEntry[]>('GET', `/api/occurrences/${occurrence.id}/history`) });
  return (
    <Card withBorder padding="md" aria-label={occurrence.periodKey}>
      <Group justify="space-between">
        <Text fw={700}>{t('tasks.due', { date: formatDate(occurrence.due) })}</Text>
        <StatusBadge status={occurrence.status} />
      </Group>
      <List size="sm" mt="xs">
        {(history.data ?? []).map((h, i) => (
          <List.Item key={i}>
            {formatDate(h.at)} — {t(`action.events.${h.type}.${h.kind.replace(/-\d+$/, '')}`, { defaultValue: h.kind })}
            {h.person ? ` (${h.person})` : ''}
            {h.data?.note ? `: ${h.data.note}` : ''}
            {h.data?.reason ? `: ${h.data.reason}` : ''}
            {h.data?.evidenceUrl && (
              <> · <Anchor href={h.data.evidenceUrl} target="_blank" rel="noreferrer">{t('action.evidence')}</Anchor></>
            )}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

function EditAction({ action }: { action: ActionDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState(action.scheduleInput.text ?? '');
  const [when, setWhen] = useState(action.scheduleInput.when ?? '');
  const save = useMutation({
    mutationFn: () => api('PATCH', `/api/actions/${action.id}`, { schedule: { text, when: when || undefined } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['action', action.id] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (action.status === 'withdrawn') return null;
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('action.edit')}>
        <Stack>
          <Title order={2} size="h4">{t('action.edit')}</Title>
          {save.error && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
          {save.isSuccess && <Alert color="green" role="status">{t('action.saved')}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('action.scheduleText')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '2 1 16rem' }} required />
            <TextInput label={t('import.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} style={{ flex: '1 1 8rem' }} />
            <Button type="submit" loading={save.isPending}>{t('tasks.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
