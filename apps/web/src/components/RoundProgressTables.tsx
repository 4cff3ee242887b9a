import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgressCount, Schemas } from '../api';

type Progress = Schemas['RoundProgressResponse'];
const COUNTS = ['submitted', 'missing', 'returned', 'notReported', 'total'] as const;

/** Reported and missing, overall and per area and unit: numbers in words and columns, never colour alone. */
export function RoundProgressTables({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const { overall } = progress;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('reporting.progressTitle')}</Title>
        <Text>{t('reporting.progressOverall', overall)}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <CountTable caption={t('reporting.byArea')} heading={t('reporting.area')} rows={progress.byArea.map((a) => ({ name: a.area || t('reporting.noArea'), count: a }))} />
          <CountTable caption={t('reporting.byUnit')} heading={t('reporting.unit')} rows={progress.byUnit.map((u) => ({ name: u.unit || t('reporting.noUnit'), count: u }))} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: Array<{ name: string; count: ProgressCount }> }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table captionSide="top">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 700, color: 'var(--mantine-color-dark-9)' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{heading}</Table.Th>
            {COUNTS.map((c) => (
              <Table.Th key={c} scope="col" style={{ textAlign: 'right' }}>{t(`reporting.counts.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ name, count }) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" fw={400}>{name}</Table.Th>
              {COUNTS.map((c) => (
                <Table.Td key={c} style={{ textAlign: 'right' }}>{count[c]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
