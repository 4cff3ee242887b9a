import { Alert, Anchor, Button, Card, Group, List, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, Occurrence } from '../api';
import { errorText, formatDate } from '../format';
import { scheduleInWords } from '../schedule-words';
import { StatusBadge } from './StatusBadge';

interface ActionDetail {
  id: string;
  title: string;
  when: string | null;
  status: string;
  schedule: { kind: string; rule: { type: string; perYear?: number; everyYears?: number } | null; warnings: Array<{ message: string }> };
  scheduleInput: { text?: string; when?: string };
  policy: { remindBefore: string[]; escalateAfter: string[]; repeatEvery?: string } | null;
  ownerUnitIds: string[];
  ownerPersonIds: string[];
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
  const kind = scheduleInWords(a.schedule);
  const next = a.nextDue[0] ? t('plans.next', { date: a.nextDue[0] }) : '';
  return (
    <Stack>
      <Title order={1}>{a.title}</Title>
      <Text>{[kind, a.when, next].filter(Boolean).join(' · ')}</Text>
      <Owners unitIds={a.ownerUnitIds} personIds={a.ownerPersonIds} />
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
  const units = useQuery({ queryKey: ['units'], queryFn: () => api<Array<{ id: string; name: string }>>('GET', '/api/units') });
  const people = useQuery({ queryKey: ['people'], queryFn: () => api<Array<{ id: string; name: string }>>('GET', '/api/people') });
  const [text, setText] = useState(action.scheduleInput.text ?? '');
  const [when, setWhen] = useState(action.scheduleInput.when ?? '');
  const [owners, setOwners] = useState<string[]>([...action.ownerUnitIds.map((id) => `unit:${id}`), ...action.ownerPersonIds.map((id) => `person:${id}`)]);
  const [remind, setRemind] = useState(action.policy?.remindBefore.join(', ') ?? '');
  const [escalate, setEscalate] = useState(action.policy?.escalateAfter.join(', ') ?? '');
  const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);
  const pick = (prefix: string) => owners.filter((o) => o.startsWith(prefix)).map((o) => o.slice(prefix.length));
  const save = useMutation({
    mutationFn: () =>
      api('PATCH', `/api/actions/${action.id}`, {
        ...(text ? { schedule: { text, when: when || undefined } } : {}),
        ownerUnitIds: pick('unit:'),
        ownerPersonIds: pick('person:'),
        ...(remind || escalate ? { policy: { remindBefore: list(remind), escalateAfter: list(escalate) } } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['action', action.id] }),
  });
  const options = [
    { group: t('organisation.units'), items: (units.data ?? []).map((u) => ({ value: `unit:${u.id}`, label: u.name })) },
    { group: t('organisation.people'), items: (people.data ?? []).map((p) => ({ value: `person:${p.id}`, label: p.name })) },
  ];
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
            <TextInput label={t('action.scheduleText')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '2 1 16rem' }} />
            <TextInput label={t('import.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} style={{ flex: '1 1 8rem' }} />
          </Group>
          <MultiSelect label={t('import.owners')} data={options} value={owners} onChange={setOwners} searchable />
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('action.remindBefore')} description="P14D, P1D" value={remind} onChange={(e) => setRemind(e.currentTarget.value)} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
            <TextInput label={t('action.escalateAfter')} description="P7D, P14D" value={escalate} onChange={(e) => setEscalate(e.currentTarget.value)} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
            <Button type="submit" loading={save.isPending}>{t('tasks.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Owners({ unitIds, personIds }: { unitIds: string[]; personIds: string[] }) {
  const { t } = useTranslation();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api<Array<{ id: string; name: string }>>('GET', '/api/units') });
  const people = useQuery({ queryKey: ['people'], queryFn: () => api<Array<{ id: string; name: string }>>('GET', '/api/people') });
  const names = [...unitIds.map((id) => units.data?.find((u) => u.id === id)?.name), ...personIds.map((id) => people.data?.find((p) => p.id === id)?.name)].filter(Boolean);
  return <Text>{t('escalations.owners', { names: names.join(', ') || '–' })}</Text>;
}
