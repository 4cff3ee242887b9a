import { Alert, MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api';
import { formatDate } from '../format';
import { READABLE_ALERT_TITLE } from './readable-alert';

/** The coordinator's note on a status report sent back: what the owners are to complete, shown before anything else. */
export function ReturnedNote({ returned, mt }: { returned: Schemas['ReturnedResponse']; mt?: MantineSpacing }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('reporting.returnedTitle')} styles={READABLE_ALERT_TITLE} mt={mt}>
      {t('reporting.returnedBy', { name: returned.by ?? t('plan.someone'), date: formatDate(returned.at) })} <strong>{returned.note}</strong>
    </Alert>
  );
}
