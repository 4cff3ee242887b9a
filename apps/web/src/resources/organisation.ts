import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, postForm, Schemas } from '../api';

/** The organisation chart: units with heads, people with roles, substitutes; keys in one place. */
export const organisationKeys = {
  units: ['units'] as const,
  people: ['people'] as const,
};

export type Unit = Schemas['UnitResponse'];
export type Person = Schemas['PersonResponse'];
export type Role = Person['roles'][number];

export function useUnits() {
  return useQuery({ queryKey: organisationKeys.units, queryFn: () => call(client.GET('/api/units')) });
}

export function usePeople() {
  return useQuery({ queryKey: organisationKeys.people, queryFn: () => call(client.GET('/api/people')) });
}

/** After a change: the form's own follow-up, then the list read again. */
function useRefresh(key: readonly string[], onDone?: () => void) {
  const queries = useQueryClient();
  return () => {
    onDone?.();
    void queries.invalidateQueries({ queryKey: key });
  };
}

export function useSetHead(unitId: string) {
  const refresh = useRefresh(organisationKeys.units);
  return useMutation({ mutationFn: (headPersonId: string | null) => call(client.PATCH('/api/units/{id}', { params: { path: { id: unitId } }, body: { headPersonId } })), onSuccess: refresh });
}

/** The unit's abbreviation as minutes write it ("SBB"); null removes it. */
export function useSetAbbreviation(unitId: string) {
  const refresh = useRefresh(organisationKeys.units);
  return useMutation({ mutationFn: (abbreviation: string | null) => call(client.PATCH('/api/units/{id}', { params: { path: { id: unitId } }, body: { abbreviation } })), onSuccess: refresh });
}

export function useCreateUnit(onDone: () => void) {
  return useMutation({ mutationFn: (unit: Schemas['CreateUnitRequest']) => call(client.POST('/api/units', { body: unit })), onSuccess: useRefresh(organisationKeys.units, onDone) });
}

export function useCreatePerson(onDone: () => void) {
  return useMutation({ mutationFn: (person: Schemas['CreatePersonRequest']) => call(client.POST('/api/people', { body: person })), onSuccess: useRefresh(organisationKeys.people, onDone) });
}

/** Deactivate (no sign-in, no notices, kept in history) or reactivate. */
export function useSetActive(person: Person) {
  const refresh = useRefresh(organisationKeys.people);
  return useMutation({
    mutationFn: () => call(client.POST(person.deactivatedAt ? '/api/people/{id}/reactivate' : '/api/people/{id}/deactivate', { params: { path: { id: person.id } } })),
    onSuccess: refresh,
  });
}

/** An admin sets another person's password (their sessions end). */
export function useResetPassword(personId: string, onDone: () => void) {
  return useMutation({ mutationFn: (password: string) => call(client.PATCH('/api/people/{id}', { params: { path: { id: personId } }, body: { password } })), onSuccess: onDone });
}

export function useCreateSubstitute() {
  return useMutation({
    mutationFn: ({ personId, ...period }: { personId: string } & Schemas['CreateSubstituteRequest']) => call(client.POST('/api/people/{id}/substitutes', { params: { path: { id: personId } }, body: period })),
  });
}

/** The organisation chart from a file, as the API previews and imports it. */
export type ChartImport = Schemas['ChartImportResponse'];

/** With the commit: whether the people missing from the file are deactivated (the coordinator confirms it). */
export interface ChartCommit {
  file: File;
  deactivateMissing: boolean;
}

function upload(file: File, dryRun: boolean, deactivateMissing = false): Promise<ChartImport> {
  const form = new FormData();
  form.append('file', file);
  if (deactivateMissing) form.append('deactivateMissing', 'true');
  return postForm<ChartImport>(`/api/organisation/import${dryRun ? '?dryRun=true' : ''}`, form);
}

export function useChartImport() {
  const queries = useQueryClient();
  const preview = useMutation({ mutationFn: (file: File) => upload(file, true) });
  const commit = useMutation({
    mutationFn: ({ file, deactivateMissing }: ChartCommit) => upload(file, false, deactivateMissing),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: organisationKeys.units });
      void queries.invalidateQueries({ queryKey: organisationKeys.people });
    },
  });
  return { preview, commit };
}
