import { Alert, Anchor, Button, Card, FileInput, Group, Modal, MultiSelect, Progress, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { Link, useLocation } from 'react-router-dom';
import { importPlanDocument, readPlan, usePlan, usePlans } from '../resources/plans';
import { ownersFromChoices, useDirectory } from '../directory';
import { READABLE_ALERT_TITLE } from '../components/readable-alert';
import { errorText } from '../format';
import { scheduleInWords } from '../schedule-words';
import type { ImportPreview } from '../api';

/** Import wizard: upload, see every row as understood with its warnings, then confirm. Nothing is written before. */
export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const plans = usePlans();
  // From a plan's page (/import?plan=…) the plan is chosen already.
  const [planId, setPlanId] = useState<string | null>(new URLSearchParams(useLocation().search).get('plan'));
  const openPlans = (plans.data ?? []).filter((p) => !p.archivedAt);
  const [file, setFile] = useState<File | null>(null);
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [editing, setEditing] = useState<{ area: number; row: number; title: string; when: string } | null>(null);
  const send = (dryRun: boolean, list = corrections) => importPlanDocument(planId!, file!, list, dryRun);
  const correct = (correction: Correction) => {
    const list = [...corrections.filter((c) => c.area !== correction.area || c.row !== correction.row), correction];
    setCorrections(list);
    setEditing(null);
    preview.mutate(list);
  };
  const preview = useMutation({ mutationFn: (list: Correction[]) => send(true, list) });
  // The actions the plan had before, so that the progress counts only the imported ones.
  const [before, setBefore] = useState<Set<string>>(new Set());
  const commit = useMutation({
    mutationFn: async () => {
      const plan = await readPlan(planId!);
      setBefore(new Set(plan.areas.flatMap((area) => area.actions.map((a) => a.id))));
      return send(false);
    },
    onSuccess: () => client.invalidateQueries(),
  });
  const rows = preview.data?.areas.flatMap((area, a) => area.actions.map((action, r) => ({ area: area.title, position: { area: a, row: r }, ...action }))) ?? [];

  return (
    <Stack>
      <Title order={1}>{t('import.title')}</Title>
      {plans.data && openPlans.length === 0 && (
        <Alert color="blue" styles={READABLE_ALERT_TITLE} title={t('workbench.importNeedsPlan')}>
          <Anchor component={Link} to="/planer/ny">{t('workbench.newPlan')}</Anchor>
        </Alert>
      )}
      <Card withBorder padding="md">
        <Stack>
          <Select label={t('import.plan')} placeholder={t('import.choosePlan')} data={openPlans.map((p) => ({ value: p.id, label: p.title }))} value={planId} onChange={setPlanId} required />
          <FileInput label={t('import.file')} description={t('import.formats')} value={file} onChange={(f) => { setFile(f); preview.reset(); commit.reset(); }} accept=".csv,.xlsx,.docx,.pdf,.md,.txt,.tsv" clearable clearButtonProps={{ 'aria-label': t('import.clear') }} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} required />
          <Group>
            <Button onClick={() => { setCorrections([]); preview.mutate([]); }} disabled={!planId || !file} loading={preview.isPending}>{t('import.preview')}</Button>
          </Group>
          {preview.isPending && <Progress value={100} animated aria-label={t('import.working')} />}
        </Stack>
      </Card>
      {(preview.error || commit.error) && <Alert color="red" role="alert">{errorText(preview.error ?? commit.error)}</Alert>}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.title}>
        {editing && <CorrectionForm key={`${editing.area}:${editing.row}`} editing={editing} onSave={correct} onCancel={() => setEditing(null)} />}
      </Modal>
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
                <Table.Th scope="col"><VisuallyHidden>{t('import.correct')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{row.area}</Table.Td>
                  <Table.Td>{row.title}</Table.Td>
                  <Table.Td>{row.when}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={700} c={row.schedule.kind === 'unreadable' ? 'red.8' : undefined}>{kindInWords(row.schedule)}</Text>
                    {row.schedule.due.length > 0 && <Text size="sm">{row.schedule.due.slice(0, 2).join(', ')}</Text>}
                    {row.schedule.warnings.map((w, j) => <Text key={j} size="sm" c="red.9">{w.message}</Text>)}
                  </Table.Td>
                  <Table.Td>
                    {row.owners.join(', ')}
                    {row.ownerMapping.unmatched.length > 0 && <Text size="sm" c="red.9">{t('import.unmatched', { names: row.ownerMapping.unmatched.join(', ') })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" aria-label={`${t('import.correct')}: ${row.title}`} onClick={() => setEditing({ ...row.position, title: row.title, when: row.when })}>{t('import.correct')}</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button onClick={() => commit.mutate()} loading={commit.isPending}>{t('import.confirm', { count: rows.length })}</Button>
          </Group>
          {commit.isPending && planId && <CommitProgress planId={planId} before={before} total={rows.length} />}
        </Stack>
      )}
    </Stack>
  );
}

/** The kind of a row's schedule, and how often for the kinds that say it: "Mål per period · minst 6 gånger per år". */
function kindInWords(schedule: ImportPreview['areas'][number]['actions'][number]['schedule']): string {
  const kind = i18n.t(`import.kinds.${schedule.kind}`);
  return schedule.rule && (schedule.kind === 'recurring' || schedule.kind === 'quota') ? `${kind} · ${scheduleInWords(schedule)}` : kind;
}

/**
 * Progress of a commit, read from the plan itself: imported rows appear together (one
 * transaction) as 'starting' and turn 'active' as each action's workflow starts.
 */
function CommitProgress({ planId, before, total }: { planId: string; before: Set<string>; total: number }) {
  const { t } = useTranslation();
  const plan = usePlan(planId, { refetchInterval: 500 });
  const imported = (plan.data?.areas ?? []).flatMap((area) => area.actions).filter((a) => !before.has(a.id));
  const started = imported.filter((a) => a.status !== 'starting').length;
  const label = imported.length === 0 ? t('import.saving', { count: total }) : t('import.starting', { started, total });
  return (
    <Stack gap={4}>
      <Text role="status">{label}</Text>
      <Progress value={imported.length === 0 ? 100 : (100 * started) / total} animated={imported.length === 0} aria-label={label} />
    </Stack>
  );
}

interface Correction {
  area: number;
  row: number;
  text?: string;
  when?: string;
  ownerUnitIds?: string[];
  ownerPersonIds?: string[];
}

/** One row said differently: its schedule, and owners chosen from the organisation chart. */
function CorrectionForm({ editing, onSave, onCancel }: { editing: { area: number; row: number; when: string }; onSave(c: Correction): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { ownerOptions } = useDirectory();
  const [text, setText] = useState('');
  const [when, setWhen] = useState(editing.when);
  const [owners, setOwners] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({
      area: editing.area,
      row: editing.row,
      ...(text ? { text, when } : when !== editing.when ? { when } : {}),
      ...(owners.length ? ownersFromChoices(owners) : {}),
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('action.scheduleText')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <TextInput label={t('import.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} />
        <MultiSelect label={t('import.owners')} data={ownerOptions(owners)} value={owners} onChange={setOwners} searchable />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('tasks.cancel')}</Button>
          <Button type="submit">{t('tasks.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
