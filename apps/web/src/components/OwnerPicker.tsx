import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../directory';

/** Owners from the organisation chart, units and people, searchable; values `unit:<id>` / `person:<id>`. */
export function OwnerPicker({ value, onChange, label }: { value: string[]; onChange: (next: string[]) => void; label?: string }) {
  const { t } = useTranslation();
  const { ownerOptions } = useDirectory();
  return <MultiSelect label={label ?? t('import.owners')} data={ownerOptions(value)} value={value} onChange={onChange} searchable nothingFoundMessage={t('workbench.noOwnerFound')} />;
}

/** Owner ids as the picker's values. */
export function ownerChoices(owners: { unitIds: string[]; personIds: string[] }): string[] {
  return [...owners.unitIds.map((id) => `unit:${id}`), ...owners.personIds.map((id) => `person:${id}`)];
}
