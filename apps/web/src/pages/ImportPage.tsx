import { Alert, Button, Card, FileInput, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ImportPreview, Plan } from '../api';
import { errorText } from '../format';

/** Import wizard: upload, see every row as understood with its warnings, then confirm. Nothing is written before. */
export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => api<Plan[]>('GET', '/api/plans') });
  const [planId, setPlanId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const send = (dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file!);
    return api<ImportPreview>('POST', `/api/plans/${planId}/import${dryRun ? '?dryRun=true' : ''}`, form);
  };
  const preview = useMutation({ mutationFn: () => send(true) });
  const commit = useMutation({ mutationFn: () => send(false), onSuccess: () => client.invalidateQueries() });
  const busy = preview.isPending || commit.isPending;
  const rows = preview.data?.areas.flatMap((area) => area.actions.map((action) => ({ area: area.title, ...action }))) ?? [];

  return (
    <Stack>
      <Title order={1}>{t('import.title')}</Title>
      <Card withBorder padding="md">
        <Stack>
          <Select label={t('import.plan')} placeholder={t('import.choosePlan')} data={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} value={planId} onChange={setPlanId} required />
          <FileInput label={t('import.file')} description={t('import.formats')} value={file} onChange={(f) => { setFile(f); preview.reset(); commit.reset(); }} accept=".csv,.xlsx,.md,.txt,.tsv" clearable clearButtonProps={{ 'aria-label': t('import.clear') }} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} required />
          <Group>
            <Button onClick={() => preview.mutate()} disabled={!planId || !file} loading={preview.isPending}>{t('import.preview')}</Button>
          </Group>
          {busy && <Progress value={100} animated aria-label={t('import.working')} />}
        </Stack>
      </Card>
      {(preview.error || commit.error) && <Alert color="red" role="alert">{errorText(preview.error ?? commit.error)}</Alert>}
      {commit.data && (
        <Alert color="green" role="status">{t('import.done', { count: commit.data.created ?? 0, drafts: commit.data.drafts?.length ?? 0 })}</Alert>
      )}
      {preview.data && !commit.data && (
        <Stack>
          <Text>{t('import.summary', { areas: preview.data.areas.length, actions: rows.length })}</Text>
          {preview.data.warnings.map((w, i) => <Alert key={i} color="yellow">{w.message}</Alert>)}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('import.area')}</Table.Th>
                <Table.Th scope="col">{t('import.action')}</Table.Th>
                <Table.Th scope="col">{t('import.when')}</Table.Th>
                <Table.Th scope="col">{t('import.understood')}</Table.Th>
                <Table.Th scope="col">{t('import.owners')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{row.area}</Table.Td>
                  <Table.Td>{row.title}</Table.Td>
                  <Table.Td>{row.when}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={700} c={row.schedule.kind === 'unreadable' ? 'red.8' : undefined}>{t(`import.kinds.${row.schedule.kind}`)}</Text>
                    {row.schedule.due.length > 0 && <Text size="sm">{row.schedule.due.slice(0, 2).join(', ')}</Text>}
                    {row.schedule.warnings.map((w, j) => <Text key={j} size="sm" c="red.9">{w.message}</Text>)}
                  </Table.Td>
                  <Table.Td>
                    {row.owners.join(', ')}
                    {row.ownerMapping.unmatched.length > 0 && <Text size="sm" c="red.9">{t('import.unmatched', { names: row.ownerMapping.unmatched.join(', ') })}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button onClick={() => commit.mutate()} loading={commit.isPending}>{t('import.confirm', { count: rows.length })}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
