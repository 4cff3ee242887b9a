import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSkipOccurrence } from '../resources/actions';
import { ReasonDialog } from './ReasonDialog';

/** Skip one occurrence (it will not be done this time), with the reason on its timeline and in the audit log. */
export function SkipOccurrence({ occurrenceId, label }: { occurrenceId: string; label: string }) {
  const { t } = useTranslation();
  const skip = useSkipOccurrence();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" aria-label={`${t('workbench.skip')}: ${label}`} onClick={() => setOpen(true)}>{t('workbench.skip')}</Button>
      <ReasonDialog
        opened={open}
        title={t('workbench.skipTitle', { title: label })}
        description={t('workbench.skipExplained')}
        confirm={t('workbench.skip')}
        required
        pending={skip.isPending}
        error={skip.error}
        onConfirm={(reason) => skip.mutate({ occurrenceId, reason }, { onSuccess: () => setOpen(false) })}
        onClose={() => { setOpen(false); skip.reset(); }}
      />
    </>
  );
}
