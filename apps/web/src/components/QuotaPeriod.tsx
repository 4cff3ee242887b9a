import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText, formatDay } from '../format';
import { quotaProgressInWords } from '../quota-words';
import { QuotaOccurrence, useQuotaEntries } from '../resources/occurrences';

/** A quota's period on the action's page: its progress ("4 av 6 hittills · i fas") and the times logged, newest first. */
export function QuotaPeriod({ occurrence }: { occurrence: QuotaOccurrence }) {
  const { t } = useTranslation();
  const entries = useQuotaEntries(occurrence.id);
  return (
    <Stack gap={4} mt="xs">
      <Text fw={700}>{quotaProgressInWords(occurrence.quota)}</Text>
      {entries.error && <Alert color="red" role="alert">{errorText(entries.error)}</Alert>}
      {entries.data?.length === 0 && <Text size="sm">{t('quota.noEntries')}</Text>}
      {Boolean(entries.data?.length) && <Text size="sm">{t('quota.entries')}:</Text>}
      {Boolean(entries.data?.length) && (
        <List size="sm" aria-label={t('quota.entries')}>
          {entries.data!.map((entry) => (
            <List.Item key={entry.id}>
              {formatDay(entry.happenedOn)}
              {entry.note ? `: ${entry.note}` : ''}
              {entry.loggedByName ? ` (${t('quota.loggedBy', { name: entry.loggedByName })})` : ''}
              {entry.evidenceUrl && (
                <> · <Anchor href={entry.evidenceUrl} target="_blank" rel="noreferrer">{t('action.evidence')}</Anchor></>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
