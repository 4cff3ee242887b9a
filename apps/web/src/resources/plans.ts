import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, NoticePolicy, Plan, PlanDetail } from '../api';

/** Plans: the queries and changes the screens use, with their keys in one place. */
export const planKeys = {
  all: ['plans'] as const,
  one: (id: string) => ['plan', id] as const,
  audit: (id: string) => ['audit', id] as const,
};

export interface PlanFields {
  title: string;
  startDate: string;
  timezone: string;
  reportingCadence: 'half-yearly' | 'quarterly';
  policy?: Partial<NoticePolicy>;
}

export function usePlans() {
  return useQuery({ queryKey: planKeys.all, queryFn: () => api<Plan[]>('GET', '/api/plans') });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: planKeys.one(id ?? ''), queryFn: () => api<PlanDetail>('GET', `/api/plans/${id}`), enabled: Boolean(id) });
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
  return useMutation({ mutationFn: (fields: PlanFields) => api<Plan>('POST', '/api/plans', fields), onSuccess: refresh });
}

export function useUpdatePlan(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({ mutationFn: (fields: Partial<PlanFields>) => api<Plan>('PATCH', `/api/plans/${planId}`, fields), onSuccess: refresh });
}

export function useArchivePlan(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: ({ archive, reason }: { archive: boolean; reason: string }) => api<Plan>('POST', `/api/plans/${planId}/${archive ? 'archive' : 'restore'}`, archive ? { reason } : { reason: reason || undefined }),
    onSuccess: refresh,
  });
}

export function useCreateArea(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({ mutationFn: (title: string) => api<{ id: string }>('POST', `/api/plans/${planId}/areas`, { title }), onSuccess: refresh });
}

export function useUpdateArea(planId: string) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: ({ areaId, ...change }: { areaId: string; title?: string; position?: number }) => api('PATCH', `/api/plans/${planId}/areas/${areaId}`, change),
    onSuccess: refresh,
  });
}

export interface SchedulePreview {
  kind: 'recurring' | 'once' | 'continuous' | 'unreadable';
  rule: { type: string; perYear?: number; everyYears?: number } | null;
  nextDue: string[];
  warnings: Array<{ code: string; message: string }>;
  followable: boolean;
}

/** The schedule in words as the plan would read it (the import's reading), for a form as it is typed. */
export function useSchedulePreview(planId: string, text: string, when: string) {
  return useQuery({
    queryKey: ['schedule-preview', planId, text, when],
    queryFn: () => api<SchedulePreview>('POST', `/api/plans/${planId}/schedule-preview`, { text, when: when || undefined }),
    enabled: text.trim().length > 0,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });
}
