import { Alert, Badge, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format';
import type { useSchedulePreview } from '../resources/plans';
import { scheduleInWords } from '../schedule-words';

/** A due date in words, as the plan's readers write it: "30 juni 2026". */
export function dateInWords(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}

/**
 * What Bevaka makes of a schedule as it is typed: the kind in words, the next due dates, and what
 * is uncertain — from the API, so that every client reads a schedule the same way.
 */
export function SchedulePreview({ text, preview }: { text: string; preview: ReturnType<typeof useSchedulePreview> }) {
  const { t, i18n } = useTranslation();
  if (!text.trim()) return <Text size="sm" c="gray.8">{t('workbench.previewEmpty')}</Text>;
  if (preview.error) return <Alert color="red" role="alert">{errorText(preview.error)}</Alert>;
  const p = preview.data;
  return (
    <Stack gap={4} aria-live="polite" aria-label={t('workbench.preview')} role="region">
      <Group gap="xs">
        <Text size="sm" fw={700}>{t('workbench.understood')}</Text>
        {p ? <Badge variant="light" color={p.followable ? 'blue' : 'orange'} c="dark.9">{scheduleInWords(p)}</Badge> : <Loader size="xs" aria-label="…" />}
        {preview.isFetching && p && <Loader size="xs" aria-label="…" />}
      </Group>
      {p && p.nextDue.length > 0 && (
        <Text size="sm">{t('workbench.nextDue', { dates: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(p.nextDue.map((d) => dateInWords(d, i18n.language))) })}</Text>
      )}
      {p && p.kind === 'continuous' && <Text size="sm">{t('workbench.continuousHint')}</Text>}
      {p && !p.followable && <Text size="sm">{t('workbench.draftHint')}</Text>}
      {p && p.warnings.length > 0 && (
        <List size="sm">
          {p.warnings.map((w, i) => <List.Item key={i}>{t(`workbench.warnings.${w.code}`, { defaultValue: w.message })}</List.Item>)}
        </List>
      )}
    </Stack>
  );
}
