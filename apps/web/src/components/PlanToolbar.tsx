import { Alert, Button, Group, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanDetail } from '../api';
import { formatDate } from '../format';
import { useArchivePlan, useUpdatePlan } from '../resources/plans';
import { PlanForm } from './PlanForm';
import { READABLE_ALERT_TITLE } from './readable-alert';
import { ReasonDialog } from './ReasonDialog';

/** What a coordinator does with a plan: add actions, import, edit its facts, archive or restore it. */
export function PlanToolbar({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const update = useUpdatePlan(plan.id);
  const archive = useArchivePlan(plan.id);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const archived = Boolean(plan.archivedAt);
  return (
    <>
      {archived && (
        <Alert color="yellow" styles={READABLE_ALERT_TITLE} title={t('workbench.archivedTitle', { date: formatDate(plan.archivedAt!) })}>
          {[plan.archiveReason, t('workbench.archivedExplained')].filter(Boolean).join(' — ')}
        </Alert>
      )}
      <Group gap="xs" wrap="wrap" aria-label={t('workbench.planTools')} role="toolbar">
        {!archived && <Button component={Link} to={`/planer/${plan.id}/ny-atgard`}>{t('workbench.newAction')}</Button>}
        {!archived && <Button component={Link} to={`/import?plan=${plan.id}`} variant="default">{t('workbench.importInto')}</Button>}
        {!archived && <Button component={Link} to={`/planer/${plan.id}/protokoll`} variant="default">{t('minutes.readIn')}</Button>}
        {!archived && <Button variant="default" onClick={() => setEditing(true)}>{t('workbench.editPlan')}</Button>}
        <Button variant="default" color={archived ? undefined : 'red.8'} c={archived ? undefined : 'red.9'} onClick={() => setArchiving(true)}>{archived ? t('workbench.restore') : t('workbench.archive')}</Button>
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('workbench.editPlan')} size="lg" closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        <PlanForm plan={plan} submitLabel={t('tasks.save')} pending={update.isPending} error={update.error} onSubmit={(fields) => update.mutate(fields, { onSuccess: () => setEditing(false) })} onCancel={() => setEditing(false)} />
      </Modal>
      <ReasonDialog
        opened={archiving}
        title={archived ? t('workbench.restoreTitle', { title: plan.title }) : t('workbench.archiveTitle', { title: plan.title })}
        description={archived ? t('workbench.restoreExplained') : t('workbench.archiveExplained')}
        confirm={archived ? t('workbench.restore') : t('workbench.archive')}
        danger={!archived}
        required={!archived}
        pending={archive.isPending}
        error={archive.error}
        onConfirm={(reason) => archive.mutate({ archive: !archived, reason }, { onSuccess: () => setArchiving(false) })}
        onClose={() => setArchiving(false)}
      />
    </>
  );
}
