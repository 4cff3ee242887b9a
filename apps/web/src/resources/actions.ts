import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, Schemas } from '../api';

/** Actions and their occurrences as the coordinator changes them; keys in one place. */
export const actionKeys = {
  one: (id: string) => ['action', id] as const,
  audit: (id: string) => ['action-audit', id] as const,
  occurrences: (id: string) => ['occurrences', 'action', id] as const,
};

/** A new action as the form sends it (`draft`: saved even if its schedule cannot be read yet). */
export type NewAction = Schemas['CreateActionRequest'];

export type AuditEntry = Schemas['AuditEntryResponse'];

export function useActionAudit(actionId: string, enabled: boolean) {
  return useQuery({ queryKey: actionKeys.audit(actionId), queryFn: () => call(client.GET('/api/actions/{id}/audit', { params: { path: { id: actionId } } })), enabled });
}

/** Everything that shows an action or its plan is read again after a change. */
function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries();
}

export function useCreateAction(planId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (action: NewAction) => call(client.POST('/api/plans/{id}/actions', { params: { path: { id: planId } }, body: action })), onSuccess: refresh });
}

export type ActionStatusChange = 'pause' | 'resume' | 'withdraw';

export function useChangeActionStatus(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ change, reason }: { change: ActionStatusChange; reason: string }) =>
      call(client.POST(`/api/actions/{id}/${change}`, { params: { path: { id: actionId } }, body: { reason } })),
    onSuccess: refresh,
  });
}

export function useSkipOccurrence() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ occurrenceId, reason }: { occurrenceId: string; reason: string }) => call(client.POST('/api/occurrences/{id}/skip', { params: { path: { id: occurrenceId } }, body: { reason } })), onSuccess: refresh });
}

/** The schedule as the coordinator gave it (`ActionResponse.scheduleInput`): words, or an RRULE, or instants. */
export interface ScheduleInput {
  text?: string;
  when?: string;
}

export type ActionDetail = Omit<Schemas['ActionResponse'], 'scheduleInput'> & { scheduleInput: ScheduleInput };

export function useAction(id: string) {
  return useQuery({
    queryKey: actionKeys.one(id),
    queryFn: async () => (await call(client.GET('/api/actions/{id}', { params: { path: { id } } }))) as ActionDetail,
  });
}

export function useUpdateAction(actionId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (change: Schemas['UpdateActionRequest']) => call(client.PATCH('/api/actions/{id}', { params: { path: { id: actionId } }, body: change })), onSuccess: refresh });
}
