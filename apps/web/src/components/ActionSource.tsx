import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionSource as Source } from '../api';
import { meetingInWords, placeInWords } from '../minutes-words';

/** Where an action read out of minutes came from: the meeting, the paragraph, and the sentence quoted. */
export function ActionSource({ source }: { source: Source }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="figure" m={0} aria-label={t('minutes.source.quote')}>
      <Text component="figcaption" size="sm" fw={700}>{t('minutes.source.from', { meeting: meetingInWords(source.meetingTitle, source.meetingDate), place: placeInWords(source.place) })}</Text>
      <Text component="blockquote" m={0} mt={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-5)' }}>{source.sentence}</Text>
    </Card>
  );
}
