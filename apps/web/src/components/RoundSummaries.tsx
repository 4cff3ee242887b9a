import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../api';
import { errorText } from '../format';
import { useSaveSummaries } from '../resources/reporting';

/** The coordinator's summaries for the board: one for the plan and one per area; read only once the round is closed. */
export function RoundSummaries({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  // Every area with a status report in the round, in the round's order.
  const areas = round.progress.byArea.map((a) => a.area);
  const written = new Map(round.areaSummaries.map((s) => [s.area, s.text]));
  const areaName = (area: string) => area || t('reporting.noArea');
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('reporting.summaries')}</Title>
        {round.status === 'open' ? (
          <SummariesForm round={round} areas={areas} written={written} areaName={areaName} />
        ) : (
          <>
            <Text size="sm">{t('reporting.readOnly')}</Text>
            <Summary title={t('reporting.overall')} text={round.summary} />
            {areas.map((area) => (
              <Summary key={area} title={t('reporting.areaSummary', { area: areaName(area) })} text={written.get(area) ?? null} />
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Summary({ title, text }: { title: string; text: string | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Title order={3} size="h5">{title}</Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text || t('reporting.noSummary')}</Text>
    </Stack>
  );
}

function SummariesForm({ round, areas, written, areaName }: { round: RoundDetail; areas: string[]; written: Map<string, string>; areaName(area: string): string }) {
  const { t } = useTranslation();
  const [overall, setOverall] = useState(round.summary ?? '');
  const [texts, setTexts] = useState<Record<string, string>>(Object.fromEntries(areas.map((a) => [a, written.get(a) ?? ''])));
  const save = useSaveSummaries(round.planId, round.periodKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ overall, areas: areas.map((area) => ({ area, text: texts[area] ?? '' })) });
  };
  return (
    <form onSubmit={submit} aria-label={t('reporting.summaries')}>
      <Stack gap="sm">
        {save.error && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
        {save.isSuccess && <Alert color="green" role="status">{t('reporting.saved')}</Alert>}
        <Textarea label={t('reporting.overall')} value={overall} onChange={(e) => setOverall(e.currentTarget.value)} autosize minRows={3} />
        {areas.map((area) => (
          <Textarea
            key={area}
            label={t('reporting.areaSummary', { area: areaName(area) })}
            value={texts[area] ?? ''}
            onChange={(e) => setTexts({ ...texts, [area]: e.currentTarget.value })}
            autosize
            minRows={2}
          />
        ))}
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>{t('reporting.saveSummaries')}</Button>
      </Stack>
    </form>
  );
}
