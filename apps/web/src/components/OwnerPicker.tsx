import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../directory';

/** Owners from the organisation chart, units and people, searchable; values `unit:<id>` / `person:<id>`. */
export function OwnerPicker({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  const { ownerOptions } = useDirectory();
  return <MultiSelect label={t('import.owners')} data={ownerOptions(value)} value={value} onChange={onChange} searchable nothingFoundMessage={t('workbench.noOwnerFound')} />;
}
