import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, NoticePolicy } from '../api';

/** Actions and their occurrences as the coordinator changes them; keys in one place. */
export const actionKeys = {
  one: (id: string) => ['action', id] as const,
  audit: (id: string) => ['action-audit', id] as const,
  occurrences: (id: string) => ['occurrences', 'action', id] as const,
};

export interface NewAction {
  title: string;
  area?: string;
  ownerUnitIds: string[];
  ownerPersonIds: string[];
  schedule?: { text: string; when?: string };
  policy?: Partial<NoticePolicy>;
  /** Save it even if the schedule cannot be read yet: a draft on the balance list. */
  draft?: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  entity: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function useActionAudit(actionId: string, enabled: boolean) {
  return useQuery({ queryKey: actionKeys.audit(actionId), queryFn: () => api<AuditEntry[]>('GET', `/api/actions/${actionId}/audit`), enabled });
}

/** Everything that shows an action or its plan is read again after a change. */
function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries();
}

export function useCreateAction(planId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (action: NewAction) => api<{ id: string; status: string }>('POST', `/api/plans/${planId}/actions`, action), onSuccess: refresh });
}

export type ActionStatusChange = 'pause' | 'resume' | 'withdraw';

export function useChangeActionStatus(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ change, reason }: { change: ActionStatusChange; reason: string }) => api('POST', `/api/actions/${actionId}/${change}`, { reason: reason || undefined }),
    onSuccess: refresh,
  });
}

export function useSkipOccurrence() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ occurrenceId, reason }: { occurrenceId: string; reason: string }) => api('POST', `/api/occurrences/${occurrenceId}/skip`, { reason }), onSuccess: refresh });
}
