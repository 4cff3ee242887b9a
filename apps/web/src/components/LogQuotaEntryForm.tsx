import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Occurrence } from '../api';
import i18n from '../i18n';
import { errorText, localDate } from '../format';
import { QuotaOccurrence, useLogEntry } from '../resources/occurrences';
import { usePlan } from '../resources/plans';

/**
 * One time a quota's action happened ("Företagsträff 12 mars"): the date, today in the plan's
 * timezone unless changed (the browser's until the plan is read), a note and an evidence link.
 * One column of full-width fields, as the other forms an owner fills in on a phone.
 */
export function LogQuotaEntryForm({ occurrence, onDone, onCancel }: { occurrence: QuotaOccurrence; onDone(occurrence: Occurrence): void; onCancel(): void }) {
  const { t } = useTranslation();
  const timezone = usePlan(occurrence.planId).data?.timezone;
  const [date, setDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const log = useLogEntry(occurrence.id, onDone);
  const today = localDate(new Date(), timezone);
  const period = { from: localDate(occurrence.quota.periodStartsAt, timezone), to: localDate(occurrence.due, timezone) };
  const happenedOn = date ?? today;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate({ happenedOn, note: note || undefined, evidenceUrl: evidenceUrl || undefined });
  };
  return (
    <form onSubmit={submit} aria-label={t('quota.log')}>
      <Stack>
        {log.error && <Alert color="red" role="alert">{logErrorText(log.error, period)}</Alert>}
        <TextInput
          label={t('quota.happenedOn')}
          description={t('quota.periodHint', period)}
          type="date"
          required
          max={today}
          value={happenedOn}
          onChange={(e) => setDate(e.currentTarget.value)}
          styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
        />
        <Textarea label={t('tasks.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <TextInput label={t('tasks.evidence')} type="url" placeholder="https://" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('tasks.cancel')}</Button>
          <Button type="submit" loading={log.isPending}>{t('quota.log')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The API's refusals of a date or a link in words that say what to do; anything else as every form says it. */
function logErrorText(error: unknown, period: { from: string; to: string }): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
    const date = error.details.find((d) => d.path === 'happenedOn')?.message;
    const problem = date === 'outside the period' ? 'outside' : date === 'in the future' ? 'future' : date === 'not a date' ? 'notDate' : null;
    if (problem) return i18n.t(`quota.errors.${problem}`, period);
    // The request's own validation names the field in its message ("evidenceUrl must be a URL address").
    if (error.details.some((d) => d.path === 'evidenceUrl' || d.message.startsWith('evidenceUrl'))) return i18n.t('quota.errors.evidence');
  }
  return errorText(error);
}
