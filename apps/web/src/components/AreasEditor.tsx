import { ActionIcon, Alert, Button, Group, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../api';
import { errorText } from '../format';
import { useCreateArea, useUpdateArea } from '../resources/plans';

/** The plan's areas in order: rename one, move it up or down, add one. Actions move between areas on their own page. */
export function AreasEditor({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const update = useUpdateArea(plan.id);
  const create = useCreateArea(plan.id);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [adding, setAdding] = useState('');
  const areas = plan.areas.filter((a): a is typeof a & { id: string } => a.id !== null);
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (renaming) update.mutate({ areaId: renaming.id, title: renaming.title }, { onSuccess: () => setRenaming(null) });
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(adding.trim(), { onSuccess: () => setAdding('') });
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">{t('workbench.areas')}</Title>
      {(update.error || create.error) && <Alert color="red" role="alert">{errorText(update.error ?? create.error)}</Alert>}
      {areas.length === 0 && <p>{t('workbench.noAreas')}</p>}
      {areas.length > 0 && (
        <Table aria-label={t('workbench.areas')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.area')}</Table.Th>
              <Table.Th scope="col">{t('workbench.actionCount')}</Table.Th>
              <Table.Th scope="col"><VisuallyHidden>{t('workbench.change')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {areas.map((area, i) => (
              <Table.Tr key={area.id}>
                <Table.Td>
                  {renaming?.id === area.id ? (
                    <form onSubmit={rename} aria-label={t('workbench.renameArea', { title: area.title })}>
                      <Group gap="xs">
                        <TextInput aria-label={t('workbench.newAreaTitle')} value={renaming.title} onChange={(e) => setRenaming({ id: area.id, title: e.currentTarget.value })} required data-autofocus />
                        <Button type="submit" size="xs" loading={update.isPending}>{t('tasks.save')}</Button>
                        <Button size="xs" variant="default" onClick={() => setRenaming(null)}>{t('tasks.cancel')}</Button>
                      </Group>
                    </form>
                  ) : (
                    area.title
                  )}
                </Table.Td>
                <Table.Td>{area.actions.filter((a) => a.status !== 'withdrawn').length}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="default" aria-label={t('workbench.moveUp', { title: area.title })} disabled={i === 0} onClick={() => update.mutate({ areaId: area.id, position: i - 1 })}>↑</ActionIcon>
                    <ActionIcon variant="default" aria-label={t('workbench.moveDown', { title: area.title })} disabled={i === areas.length - 1} onClick={() => update.mutate({ areaId: area.id, position: i + 1 })}>↓</ActionIcon>
                    <Button size="xs" variant="default" aria-label={t('workbench.renameArea', { title: area.title })} onClick={() => setRenaming({ id: area.id, title: area.title })}>{t('workbench.rename')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={add} aria-label={t('workbench.addArea')}>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('workbench.addArea')} value={adding} onChange={(e) => setAdding(e.currentTarget.value)} />
          <Button type="submit" variant="default" loading={create.isPending} disabled={!adding.trim()}>{t('workbench.add')}</Button>
        </Group>
      </form>
    </Stack>
  );
}
