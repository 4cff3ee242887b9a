import { Alert, Button, Card, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format';
import { useChartImport } from '../resources/organisation';

/**
 * The organisation from a file (an HR export or a spreadsheet): what would be added is shown
 * first, rows that cannot be used are named, and nothing is saved before the coordinator confirms.
 */
export function ChartImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const { preview, commit } = useChartImport();
  const counted = (n: { units: number; people: number; heads?: number }) => ({
    units: t('organisation.import.units', { count: n.units }),
    people: t('organisation.import.people', { count: n.people }),
    heads: t('organisation.import.heads', { count: n.heads ?? 0 }),
  });
  const chart = preview.data;
  const heads = new Set(chart?.heads.map((h) => h.email));
  const choose = (next: File | null) => {
    setFile(next);
    preview.reset();
    commit.reset();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="chart-import" id="importera">
      <Stack>
        <Title order={2} size="h3" id="chart-import">{t('organisation.import.title')}</Title>
        <Text size="sm">{t('organisation.import.explained')}</Text>
        <Group align="flex-end">
          <FileInput label={t('import.file')} value={file} onChange={choose} accept=".csv,.xlsx,.txt,.tsv" clearable clearButtonProps={{ 'aria-label': t('import.clear') }} />
          <Button variant="default" disabled={!file} loading={preview.isPending} onClick={() => file && preview.mutate(file)}>{t('organisation.import.preview')}</Button>
        </Group>
        {(preview.error || commit.error) && <Alert color="red" role="alert">{errorText(preview.error ?? commit.error)}</Alert>}
        {commit.data?.created && <Alert color="green" role="status">{t('organisation.import.done', counted(commit.data.created))}</Alert>}
        {chart && !commit.data && (
          <>
            <Text>{t('organisation.import.summary', { ...counted({ units: chart.units.length, people: chart.people.length }), existing: chart.existing.units.length + chart.existing.emails.length })}</Text>
            {chart.problems.length > 0 && (
              <Alert color="orange" title={t('organisation.import.problems')} styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}>
                <List size="sm">
                  {chart.problems.map((p) => <List.Item key={`${p.row}-${p.code}`}>{t('organisation.import.row', { row: p.row })}: {t(`organisation.import.problem.${p.code}`, { ...p.values, defaultValue: p.message })}</List.Item>)}
                </List>
              </Alert>
            )}
            {(chart.units.length > 0 || chart.people.length > 0) && (
              <Table striped aria-label={t('organisation.import.added')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('organisation.unit')}</Table.Th>
                    <Table.Th scope="col">{t('organisation.name')}</Table.Th>
                    <Table.Th scope="col">{t('organisation.email')}</Table.Th>
                    <Table.Th scope="col">{t('organisation.roles')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {chart.units.map((u) => (
                    <Table.Tr key={`unit-${u.name}`}>
                      <Table.Td>{u.parent ? t('organisation.import.unitIn', { unit: u.name, parent: u.parent }) : u.name}</Table.Td>
                      <Table.Td colSpan={3}>{t('organisation.import.newUnit')}</Table.Td>
                    </Table.Tr>
                  ))}
                  {chart.people.map((p) => (
                    <Table.Tr key={p.email}>
                      <Table.Td>{p.unit ?? '–'}</Table.Td>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>{p.email}</Table.Td>
                      <Table.Td>{[...p.roles.map((r) => t(`organisation.role.${r}`)), ...(heads.has(p.email) ? [t('organisation.import.headOf', { unit: p.unit })] : [])].join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group>
              <Button disabled={chart.problems.length > 0 || (chart.units.length === 0 && chart.people.length === 0 && chart.heads.length === 0)} loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
                {t('organisation.import.confirm', counted({ units: chart.units.length, people: chart.people.length }))}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
