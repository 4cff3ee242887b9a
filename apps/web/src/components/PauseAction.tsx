import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeActionStatus } from '../resources/actions';
import { ReasonDialog } from './ReasonDialog';

/** Pause an action from a list (the overview's attention list): nothing new opens or is sent until it is resumed. */
export function PauseAction({ action }: { action: { id: string; title: string } }) {
  const { t } = useTranslation();
  const change = useChangeActionStatus(action.id);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" aria-label={`${t('workbench.pause')}: ${action.title}`} onClick={() => setOpen(true)}>{t('workbench.pause')}</Button>
      <ReasonDialog
        opened={open}
        title={t('workbench.pauseTitle', { title: action.title })}
        description={t('workbench.pauseExplained')}
        confirm={t('workbench.pause')}
        required
        pending={change.isPending}
        error={change.error}
        onConfirm={(reason) => change.mutate({ change: 'pause', reason }, { onSuccess: () => setOpen(false) })}
        onClose={() => { setOpen(false); change.reset(); }}
      />
    </>
  );
}
