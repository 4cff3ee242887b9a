import { Alert, Button, Card, Checkbox, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format';
import { ChartImport, useChartImport } from '../resources/organisation';

type FieldChange = ChartImport['units']['changed'][number]['changes'][number];

/**
 * The organisation from a file (an HR export or a spreadsheet), compared with the chart as it is:
 * what is new, what changes from what to what, and who is missing is shown first; nothing is
 * saved before the coordinator confirms, and missing people are deactivated only when they tick it.
 */
export function ChartImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const { preview, commit } = useChartImport();
  const chart = preview.data;
  const choose = (next: File | null) => {
    setFile(next);
    setDeactivateMissing(false);
    preview.reset();
    commit.reset();
  };
  const leaving = chart?.people.missing.filter((p) => !p.kept) ?? [];
  const changes = chart ? chart.units.new.length + chart.people.new.length + chart.units.changed.length + chart.people.changed.length : 0;
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
        {commit.data?.applied && <Applied applied={commit.data.applied} />}
        {chart && !commit.data && (
          <>
            <Summary chart={chart} />
            <Findings chart={chart} />
            {changes > 0 && <ChangesTable chart={chart} />}
            <Missing chart={chart} />
            {leaving.length > 0 && <Checkbox checked={deactivateMissing} onChange={(e) => setDeactivateMissing(e.currentTarget.checked)} label={t('organisation.import.deactivateMissing', { count: leaving.length })} />}
            {changes === 0 && !deactivateMissing && chart.problems.length === 0 && <Text size="sm">{t('organisation.import.nothingToDo')}</Text>}
            <Group>
              <Button disabled={chart.problems.length > 0 || (changes === 0 && !deactivateMissing)} loading={commit.isPending} onClick={() => file && commit.mutate({ file, deactivateMissing })}>
                {t('organisation.import.confirm')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

function useCounted() {
  const { t } = useTranslation();
  return (units: number, people: number) => ({ units: t('organisation.import.units', { count: units }), people: t('organisation.import.people', { count: people }) });
}

function Applied({ applied }: { applied: NonNullable<ChartImport['applied']> }) {
  const { t } = useTranslation();
  const counted = useCounted();
  return (
    <Alert color="green" role="status">
      {t('organisation.import.done', { ...counted(applied.units.created, applied.people.created), changed: applied.units.changed + applied.people.changed, deactivated: applied.people.deactivated })}
    </Alert>
  );
}

function Summary({ chart }: { chart: ChartImport }) {
  const { t } = useTranslation();
  const counted = useCounted();
  return (
    <Text>
      {t('organisation.import.summary', {
        ...counted(chart.units.new.length, chart.people.new.length),
        changed: chart.units.changed.length + chart.people.changed.length,
        unchanged: chart.units.unchanged.length + chart.people.unchanged.length,
        missing: chart.people.missing.length,
      })}
    </Text>
  );
}

/** Problems stop the import; warnings are worth knowing. */
function Findings({ chart }: { chart: ChartImport }) {
  const { t } = useTranslation();
  return (
    <>
      {chart.problems.length > 0 && (
        <Alert color="orange" title={t('organisation.import.problems')} styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}>
          <List size="sm">
            {chart.problems.map((p) => <List.Item key={`${p.row}-${p.code}-${p.values.unit ?? ''}`}>{t('organisation.import.row', { row: p.row })}: {t(`organisation.import.problem.${p.code}`, { ...p.values, defaultValue: p.message })}</List.Item>)}
          </List>
        </Alert>
      )}
      {chart.warnings.length > 0 && (
        <Alert color="yellow" title={t('organisation.import.warnings')} styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}>
          <List size="sm">
            {chart.warnings.map((w, i) => <List.Item key={`${i}-${w.code}`}>{w.row ? `${t('organisation.import.row', { row: w.row })}: ` : ''}{t(`organisation.import.warning.${w.code}`, { ...w.values, defaultValue: w.message })}</List.Item>)}
          </List>
        </Alert>
      )}
    </>
  );
}

function ChangesTable({ chart }: { chart: ChartImport }) {
  const { t } = useTranslation();
  const value = (change: FieldChange, side: 'from' | 'to') => {
    const text = change[side];
    if (text === null) return '–';
    return change.field === 'roles' ? text.split(', ').map((r) => t(`organisation.role.${r}`)).join(', ') : text;
  };
  const described = (changes: FieldChange[]) => changes.map((c) => t('organisation.import.change', { field: t(`organisation.import.field.${c.field}`), from: value(c, 'from'), to: value(c, 'to') })).join('; ');
  return (
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
        {chart.units.new.map((u) => (
          <Table.Tr key={`unit-${u.name}`}>
            <Table.Td>{u.parent ? t('organisation.import.unitIn', { unit: u.name, parent: u.parent }) : u.name}</Table.Td>
            <Table.Td colSpan={3}>{t('organisation.import.newUnit')}</Table.Td>
          </Table.Tr>
        ))}
        {chart.units.changed.map((u) => (
          <Table.Tr key={`unit-${u.id}`}>
            <Table.Td>{u.name}</Table.Td>
            <Table.Td colSpan={3}>{described(u.changes)}</Table.Td>
          </Table.Tr>
        ))}
        {chart.people.new.map((p) => (
          <Table.Tr key={p.email}>
            <Table.Td>{p.unit ?? '–'}</Table.Td>
            <Table.Td>{p.name} ({t('organisation.import.newPerson')})</Table.Td>
            <Table.Td>{p.email}</Table.Td>
            <Table.Td>{[...p.roles.map((r) => t(`organisation.role.${r}`)), ...(p.headOf ? [t('organisation.import.headOf', { unit: p.headOf })] : [])].join(', ')}</Table.Td>
          </Table.Tr>
        ))}
        {chart.people.changed.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>–</Table.Td>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.email}</Table.Td>
            <Table.Td>{described(p.changes)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who and what is in Bevaka but not in the file; people the import never deactivates say why. */
function Missing({ chart }: { chart: ChartImport }) {
  const { t } = useTranslation();
  return (
    <>
      {chart.people.missing.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">{t('organisation.import.missingPeople')}</Text>
          <List size="sm" aria-label={t('organisation.import.missingPeople')}>
            {chart.people.missing.map((p) => (
              <List.Item key={p.id}>{p.name} ({p.email}){p.unit ? `, ${p.unit}` : ''}{p.kept ? ` — ${t(`organisation.import.kept.${p.kept}`)}` : ''}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {chart.units.missing.length > 0 && <Text size="sm">{t('organisation.import.missingUnits', { names: chart.units.missing.map((u) => u.name).join(', ') })}</Text>}
    </>
  );
}
