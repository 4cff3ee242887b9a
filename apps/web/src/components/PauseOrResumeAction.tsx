import { Badge, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeActionStatus } from '../resources/actions';
import { ReasonDialog } from './ReasonDialog';

/**
 * Pause an action from a list (the overview's attention list), or resume it when it is paused:
 * a paused action says so beside its button, so nobody pauses it twice or wonders why it is quiet.
 * Both ask for a reason, which the action's history and the plan's changes show.
 */
export function PauseOrResumeAction({ action }: { action: { id: string; title: string; status: string } }) {
  const { t } = useTranslation();
  const change = useChangeActionStatus(action.id);
  const [open, setOpen] = useState(false);
  const paused = action.status === 'paused';
  const verb = paused ? 'resume' : 'pause';
  return (
    <>
      {paused && <Badge color="yellow" variant="light" c="dark.8">{t('workbench.status.paused')}</Badge>}
      <Button size="xs" variant="default" aria-label={`${t(`workbench.${verb}`)}: ${action.title}`} onClick={() => setOpen(true)}>{t(`workbench.${verb}`)}</Button>
      <ReasonDialog
        key={verb}
        opened={open}
        title={t(`workbench.${verb}Title`, { title: action.title })}
        description={t(`workbench.${verb}Explained`)}
        confirm={t(`workbench.${verb}`)}
        required
        pending={change.isPending}
        error={change.error}
        onConfirm={(reason) => change.mutate({ change: verb, reason }, { onSuccess: () => setOpen(false) })}
        onClose={() => { setOpen(false); change.reset(); }}
      />
    </>
  );
}
