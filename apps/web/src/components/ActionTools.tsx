import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionStatusChange, useChangeActionStatus } from '../resources/actions';
import { READABLE_ALERT_TITLE } from './readable-alert';
import { ReasonDialog } from './ReasonDialog';

/** The coordinator's changes to a running action: pause or resume it, or withdraw it for good (confirmed). */
export function ActionTools({ action, planArchived }: { action: { id: string; title: string; status: string }; planArchived: boolean }) {
  const { t } = useTranslation();
  const change = useChangeActionStatus(action.id);
  const [asking, setAsking] = useState<ActionStatusChange | null>(null);
  if (action.status === 'withdrawn') return <Alert color="gray">{t('workbench.withdrawnExplained')}</Alert>;
  if (planArchived) return null;
  const running = action.status === 'active' || action.status === 'starting';
  return (
    <>
      {action.status === 'paused' && <Alert color="yellow" styles={READABLE_ALERT_TITLE} title={t('workbench.pausedTitle')}>{t('workbench.pausedExplained')}</Alert>}
      {action.status === 'draft' && <Alert color="orange" styles={READABLE_ALERT_TITLE} title={t('workbench.draftTitle')}>{t('workbench.draftExplained')}</Alert>}
      <Group gap="xs" role="toolbar" aria-label={t('workbench.actionTools')}>
        {running && <Button variant="default" onClick={() => setAsking('pause')}>{t('workbench.pause')}</Button>}
        {action.status === 'paused' && <Button variant="default" onClick={() => setAsking('resume')}>{t('workbench.resume')}</Button>}
        <Button variant="default" c="red.9" onClick={() => setAsking('withdraw')}>{t('workbench.withdraw')}</Button>
      </Group>
      <ReasonDialog
        key={asking ?? 'none'}
        opened={asking !== null}
        title={asking ? t(`workbench.${asking}Title`, { title: action.title }) : ''}
        description={asking ? t(`workbench.${asking}Explained`) : undefined}
        confirm={asking ? t(`workbench.${asking}`) : ''}
        danger={asking === 'withdraw'}
        required
        pending={change.isPending}
        error={change.error}
        onConfirm={(reason) => asking && change.mutate({ change: asking, reason }, { onSuccess: () => setAsking(null) })}
        onClose={() => { setAsking(null); change.reset(); }}
      />
    </>
  );
}
