import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../api';
import { errorText } from '../format';
import { boardDecisionText, paragraphNumber, paragraphWithSign } from '../reporting-words';
import { useRecordBoardDecision } from '../resources/reporting';

/** After the board meeting: which body handled the frozen report, on which day, under which paragraph ("KS 2026-09-15 § 123"). */
export function BoardDecisionForm({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const recorded = round.boardDecision;
  const [body, setBody] = useState(recorded?.body ?? 'KS');
  const [date, setDate] = useState(recorded?.date ?? '');
  const [paragraph, setParagraph] = useState(recorded ? paragraphNumber(recorded.paragraph) : '');
  const record = useRecordBoardDecision(round.planId, round.periodKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ body: body.trim(), date, paragraph: paragraphWithSign(paragraph) });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('reporting.boardDecision')}>
        <Stack gap="sm">
          <Title order={2} size="h3">{t('reporting.boardDecision')}</Title>
          <Text size="sm">{t('reporting.boardDecisionHelp')}</Text>
          {recorded && <Text fw={700}>{t('reporting.decision')}: {boardDecisionText(recorded)}</Text>}
          {record.error && <Alert color="red" role="alert">{errorText(record.error)}</Alert>}
          {record.isSuccess && <Alert color="green" role="status">{t('reporting.decisionSaved')}</Alert>}
          <Group align="flex-start" wrap="wrap">
            <TextInput label={t('reporting.body')} required value={body} onChange={(e) => setBody(e.currentTarget.value)} maxLength={100} w={120} />
            <TextInput label={t('reporting.date')} type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} w={180} />
            <TextInput label={t('reporting.paragraph')} required leftSection="§" value={paragraph} onChange={(e) => setParagraph(e.currentTarget.value)} maxLength={40} w={140} />
          </Group>
          <Button type="submit" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>{t('reporting.saveDecision')}</Button>
        </Stack>
      </form>
    </Card>
  );
}
