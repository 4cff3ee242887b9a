import { useTranslation } from 'react-i18next';
import { Person, Unit, usePeople, useUnits } from './resources/organisation';

export type UnitEntry = Unit;

/** `deactivatedAt` is set while deactivated: still named where they were, but no longer offered as a choice. */
export type PersonEntry = Person;

/** People to choose from: the active ones, and any already chosen (marked if deactivated since). */
export function personChoices(people: PersonEntry[], chosen: readonly string[] = [], deactivatedLabel = ''): Array<{ value: string; label: string }> {
  return people
    .filter((p) => !p.deactivatedAt || chosen.includes(p.id))
    .map((p) => ({ value: p.id, label: p.deactivatedAt ? `${p.name} (${deactivatedLabel})` : p.name }));
}

/** The organisation chart as the screens need it: names of units and people, and owner choices. */
export function useDirectory() {
  const { t } = useTranslation();
  const units = useUnits();
  const people = usePeople();
  return {
    units: units.data ?? [],
    people: people.data ?? [],
    /** Owners' names, units first, as the plans write them. */
    ownerNames: (unitIds: string[], personIds: string[]): string[] =>
      [...unitIds.map((id) => units.data?.find((u) => u.id === id)?.name), ...personIds.map((id) => people.data?.find((p) => p.id === id)?.name)].filter(
        (name): name is string => Boolean(name),
      ),
    /** Units and active people grouped for a select (plus those in `chosen`); values are `unit:<id>` and `person:<id>`. */
    ownerOptions: (chosen: readonly string[] = []) => [
      { group: t('organisation.units'), items: (units.data ?? []).map((u) => ({ value: `unit:${u.id}`, label: u.name })) },
      {
        group: t('organisation.people'),
        items: personChoices(people.data ?? [], ownersFromChoices([...chosen]).ownerPersonIds, t('organisation.deactivated')).map((p) => ({ ...p, value: `person:${p.value}` })),
      },
    ],
    /** Active people for a single choice. */
    personOptions: (chosen: readonly string[] = []) => personChoices(people.data ?? [], chosen, t('organisation.deactivated')),
  };
}

/** Splits `unit:<id>` / `person:<id>` choices back into owner id lists. */
export function ownersFromChoices(choices: string[]): { ownerUnitIds: string[]; ownerPersonIds: string[] } {
  const pick = (prefix: string) => choices.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
  return { ownerUnitIds: pick('unit:'), ownerPersonIds: pick('person:') };
}
