import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, Schemas } from '../api';

/** Occurrences and escalations: the owner's tasks, the heads' inbox, each occurrence's history. */
export const occurrenceKeys = {
  tasks: ['tasks'] as const,
  escalations: ['escalations'] as const,
  one: (id: string) => ['occurrence', id] as const,
  ofAction: (actionId: string) => ['occurrences', 'action', actionId] as const,
  history: (id: string) => ['history', id] as const,
};

/** What a transition or notice carried, as the timeline shows it. */
export interface HistoryData {
  note?: string;
  evidenceUrl?: string;
  reason?: string;
}

export type HistoryEntry = Omit<Schemas['HistoryEntry'], 'data'> & { data: HistoryData };

export function useMyTasks() {
  return useQuery({ queryKey: occurrenceKeys.tasks, queryFn: () => call(client.GET('/api/me/tasks')) });
}

export function useEscalationInbox() {
  return useQuery({ queryKey: occurrenceKeys.escalations, queryFn: () => call(client.GET('/api/escalations', { params: { query: { to: 'me' } } })) });
}

export function useOccurrence(id: string) {
  return useQuery({ queryKey: occurrenceKeys.one(id), queryFn: () => call(client.GET('/api/occurrences/{id}', { params: { path: { id } } })) });
}

export function useOccurrencesOfAction(actionId: string) {
  return useQuery({ queryKey: occurrenceKeys.ofAction(actionId), queryFn: () => call(client.GET('/api/occurrences', { params: { query: { actionId } } })) });
}

export function useOccurrenceHistory(id: string) {
  return useQuery({
    queryKey: occurrenceKeys.history(id),
    queryFn: async () => (await call(client.GET('/api/occurrences/{id}/history', { params: { path: { id } } }))) as HistoryEntry[],
  });
}

export function useAcknowledge() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(client.POST('/api/escalations/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: occurrenceKeys.escalations }),
  });
}

export function useComplete(occurrenceId: string, onDone: () => void) {
  return useMutation({
    mutationFn: (body: Schemas['CompleteRequest']) => call(client.POST('/api/occurrences/{id}/complete', { params: { path: { id: occurrenceId } }, body })),
    onSuccess: onDone,
  });
}

export function usePostpone(occurrenceId: string, onDone: () => void) {
  return useMutation({
    mutationFn: (body: Schemas['PostponeRequest']) => call(client.POST('/api/occurrences/{id}/postpone', { params: { path: { id: occurrenceId } }, body })),
    onSuccess: onDone,
  });
}

export function useReassign(occurrenceId: string, onDone: () => void) {
  return useMutation({
    mutationFn: (body: Schemas['ReassignRequest']) => call(client.POST('/api/occurrences/{id}/reassign', { params: { path: { id: occurrenceId } }, body })),
    onSuccess: onDone,
  });
}
