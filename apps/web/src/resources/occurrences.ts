import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type Occurrence, Schemas } from '../api';
import { useKeyPerBody } from './idempotency';
import { planKeys } from './plans';

/** Occurrences and escalations: the owner's tasks, the heads' inbox, each occurrence's history. */
export const occurrenceKeys = {
  tasks: ['tasks'] as const,
  escalations: ['escalations'] as const,
  one: (id: string) => ['occurrence', id] as const,
  ofAction: (actionId: string) => ['occurrences', 'action', actionId] as const,
  history: (id: string) => ['history', id] as const,
  entries: (id: string) => ['entries', id] as const,
};

/** What a transition or notice carried, as the timeline shows it. */
export interface HistoryData {
  note?: string;
  evidenceUrl?: string;
  reason?: string;
}

export type HistoryEntry = Omit<Schemas['HistoryEntry'], 'data'> & { data: HistoryData };

/** A quota's period ("minst sex gånger per år"): logged time by time, never completed in one go nor postponed. */
export type QuotaOccurrence = Occurrence & { quota: Schemas['QuotaProgressResponse'] };

export const isQuota = (occurrence: Occurrence): occurrence is QuotaOccurrence => occurrence.quota !== null;

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

/** The times logged in a quota's period, newest first. */
export function useQuotaEntries(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: occurrenceKeys.entries(id), queryFn: () => call(client.GET('/api/occurrences/{id}/entries', { params: { path: { id } } })), ...options });
}

/**
 * Logs one time of a quota's period; its answer is the period with its new count (completed by
 * the time that reaches the target). Each count is a new row, so a retry of the same form (a lost
 * answer, a second tap) carries the same Idempotency-Key and counts once; another body, another key.
 */
export function useLogEntry(occurrenceId: string, onDone: (occurrence: Occurrence) => void) {
  const queries = useQueryClient();
  const keyFor = useKeyPerBody();
  return useMutation({
    mutationFn: (body: Schemas['LogQuotaEntryRequest']) =>
      call(client.POST('/api/occurrences/{id}/entries', { params: { path: { id: occurrenceId }, header: { 'Idempotency-Key': keyFor(body) } }, body })),
    onSuccess: (occurrence) => {
      // The count shows in the owner's tasks, the inbox, the action page, and the plan's states.
      for (const queryKey of [occurrenceKeys.tasks, occurrenceKeys.escalations, occurrenceKeys.one(occurrenceId), occurrenceKeys.entries(occurrenceId), occurrenceKeys.ofAction(occurrence.actionId), planKeys.one(occurrence.planId)]) {
        void queries.invalidateQueries({ queryKey });
      }
      onDone(occurrence);
    },
  });
}
