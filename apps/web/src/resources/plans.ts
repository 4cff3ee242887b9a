import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, postForm, Schemas } from '../api';

/** Plans: the queries and changes the screens use, with their keys in one place. */
export const planKeys = {
  all: ['plans'] as const,
  one: (id: string) => ['plan', id] as const,
  audit: (id: string) => ['audit', id] as const,
  reports: (id: string) => ['reports', id] as const,
};

/** A plan's fields as a coordinator sets them (the API's CreatePlanRequest). */
export type PlanFields = Schemas['CreatePlanRequest'];

export function usePlans(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: planKeys.all, queryFn: () => call(client.GET('/api/plans')), ...options });
}

/** The plan with its areas and actions, read once (the hooks below cache it). */
export function readPlan(id: string) {
  return call(client.GET('/api/plans/{id}', { params: { path: { id } } }));
}

export function usePlan(id: string | undefined, options: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: planKeys.one(id ?? ''), queryFn: () => readPlan(id!), enabled: Boolean(id), ...options });
}

/** Every plan's detail (the overview and the plan list read their actions' states from them). */
export function usePlanDetails(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => ({ queryKey: planKeys.one(id), queryFn: () => readPlan(id) })) });
}

/** The period followed now and the frozen reports to the board. */
export function usePlanReports(planId: string) {
  return useQuery({ queryKey: planKeys.reports(planId), queryFn: () => call(client.GET('/api/plans/{id}/reports', { params: { path: { id: planId } } })) });
}

/** The plan's changes, newest first (coordinators). */
export function usePlanAudit(planId: string) {
  return useQuery({ queryKey: planKeys.audit(planId), queryFn: () => call(client.GET('/api/plans/{id}/audit', { params: { path: { id: planId } } })) });
}

/** After a change in a plan: the plan, the list, and what is derived from them. */
function useRefresh(planId?: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: planKeys.all });
    if (planId) {
      void client.invalidateQueries({ queryKey: planKeys.one(planId) });
      void client.invalidateQueries({ queryKey: planKeys.audit(planId) });
    }
  };
}

export function useCreatePlan() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (fields: PlanFields) => call(client.POST('/api/plans', { body: fields })), onSuccess: refresh });
}

export function useUpdatePlan(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({ mutationFn: (fields: Schemas['UpdatePlanRequest']) => call(client.PATCH('/api/plans/{id}', { params: { path: { id: planId } }, body: fields })), onSuccess: refresh });
}

export function useArchivePlan(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: ({ archive, reason }: { archive: boolean; reason: string }) =>
      archive
        ? call(client.POST('/api/plans/{id}/archive', { params: { path: { id: planId } }, body: { reason } }))
        : call(client.POST('/api/plans/{id}/restore', { params: { path: { id: planId } }, body: { reason: reason || undefined } })),
    onSuccess: refresh,
  });
}

export function useCreateArea(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({ mutationFn: (title: string) => call(client.POST('/api/plans/{id}/areas', { params: { path: { id: planId } }, body: { title } })), onSuccess: refresh });
}

export function useUpdateArea(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: ({ areaId, ...change }: { areaId: string } & Schemas['UpdateAreaRequest']) => call(client.PATCH('/api/plans/{id}/areas/{areaId}', { params: { path: { id: planId, areaId } }, body: change })),
    onSuccess: refresh,
  });
}

export type SchedulePreview = Schemas['SchedulePreviewResponse'];

/** The schedule in words as the plan would read it (the import's reading), for a form as it is typed. */
export function useSchedulePreview(planId: string, text: string, when: string) {
  return useQuery({
    queryKey: ['schedule-preview', planId, text, when],
    queryFn: () => call(client.POST('/api/plans/{id}/schedule-preview', { params: { path: { id: planId } }, body: { text, when: when || undefined } })),
    enabled: text.trim().length > 0,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });
}

/** A plan document sent for a preview (`dryRun`) or imported, with the coordinator's corrections. */
export function importPlanDocument(planId: string, file: File, corrections: readonly object[], dryRun: boolean): Promise<Schemas['ImportResponse']> {
  const form = new FormData();
  form.append('file', file);
  if (corrections.length) form.append('corrections', JSON.stringify(corrections));
  return postForm<Schemas['ImportResponse']>(`/api/plans/${encodeURIComponent(planId)}/import${dryRun ? '?dryRun=true' : ''}`, form);
}

export type PolicyPreview = Schemas['PolicyPreviewResponse'];

/** A notice policy (ISO 8601) for these owners in words: who gets what when, from the organisation chart of today. */
export function usePolicyPreview(planId: string | undefined, body: Schemas['PolicyPreviewRequest'], enabled: boolean) {
  return useQuery({
    queryKey: ['policy-preview', planId, body],
    queryFn: () => call(client.POST('/api/plans/{id}/policy-preview', { params: { path: { id: planId ?? '' } }, body })),
    enabled: enabled && Boolean(planId),
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}
