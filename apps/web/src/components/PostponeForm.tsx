import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../api';
import { usePostpone } from '../resources/occurrences';
import { errorText } from '../format';

/** A new due date with its reason: the owner's request, or the head's and the kommunchef's decision. */
export function PostponeForm({ occurrence, onDone, onCancel }: { occurrence: Occurrence; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [due, setDue] = useState('');
  const [reason, setReason] = useState('');
  const postpone = usePostpone(occurrence.id, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    postpone.mutate({ due, reason });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {postpone.error && <Alert color="red" role="alert">{errorText(postpone.error)}</Alert>}
        <TextInput label={t('tasks.newDue')} type="date" required value={due} onChange={(e) => setDue(e.currentTarget.value)} />
        <Textarea label={t('tasks.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('tasks.cancel')}</Button>
          <Button type="submit" loading={postpone.isPending}>{t('tasks.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
