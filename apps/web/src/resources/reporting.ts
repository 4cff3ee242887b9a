import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, RoundDetail, Schemas } from '../api';
import { occurrenceKeys } from './occurrences';
import { planKeys } from './plans';

/** Reporting rounds: the owner's status report, the plan's rounds, the coordinator's round; keys in one place. */
export const reportingKeys = {
  statusReport: (occurrenceId: string) => ['status-report', occurrenceId] as const,
  rounds: (planId: string) => ['rounds', planId] as const,
  round: (planId: string, period: string) => ['round', planId, period] as const,
};

/** A status report with its round's period and the action's tasks of the period (owners, those it escalated to, coordinators). */
export function useStatusReport(occurrenceId: string) {
  return useQuery({
    queryKey: reportingKeys.statusReport(occurrenceId),
    queryFn: () => call(client.GET('/api/occurrences/{id}/status-report', { params: { path: { id: occurrenceId } } })),
  });
}

/** Submitting takes the report off the owner's open tasks and changes its round's progress. */
export function useSubmitStatusReport(occurrenceId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['SubmitStatusReportRequest']) => call(client.POST('/api/occurrences/{id}/status-report', { params: { path: { id: occurrenceId } }, body })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: reportingKeys.statusReport(occurrenceId) });
      void queries.invalidateQueries({ queryKey: occurrenceKeys.tasks });
    },
  });
}

/** The plan's rounds, newest period first, with progress and the board's decisions (everyone signed in). */
export function usePlanRounds(planId: string) {
  return useQuery({ queryKey: reportingKeys.rounds(planId), queryFn: () => call(client.GET('/api/plans/{id}/rounds', { params: { path: { id: planId } } })) });
}

/** One round with every status report (coordinators). */
export function useRound(planId: string, period: string) {
  return useQuery({
    queryKey: reportingKeys.round(planId, period),
    queryFn: () => call(client.GET('/api/plans/{id}/rounds/{period}', { params: { path: { id: planId, period } } })),
  });
}

/**
 * Every change to a round answers with the round as it now stands: that answer is shown at once,
 * and what is derived from it (the plan's list of rounds, its actions' assessments) read again.
 */
function useRoundChange<T>(planId: string, period: string, change: (path: { id: string; period: string }, input: T) => Promise<RoundDetail>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => change({ id: planId, period }, input),
    onSuccess: (round) => {
      queries.setQueryData(reportingKeys.round(planId, period), round);
      void queries.invalidateQueries({ queryKey: reportingKeys.rounds(planId) });
      void queries.invalidateQueries({ queryKey: planKeys.one(planId) });
      void queries.invalidateQueries({ queryKey: planKeys.reports(planId) });
    },
  });
}

export function useReturnStatusReport(planId: string, period: string) {
  return useRoundChange(planId, period, (path, { occurrenceId, note }: { occurrenceId: string; note: string }) =>
    call(client.POST('/api/plans/{id}/rounds/{period}/status-reports/{occurrenceId}/return', { params: { path: { ...path, occurrenceId } }, body: { note } })),
  );
}

export function useSaveSummaries(planId: string, period: string) {
  return useRoundChange(planId, period, (path, body: Schemas['RoundSummariesRequest']) => call(client.PUT('/api/plans/{id}/rounds/{period}/summaries', { params: { path }, body })));
}

export function useApproveRound(planId: string, period: string) {
  return useRoundChange(planId, period, (path, _: void) => call(client.POST('/api/plans/{id}/rounds/{period}/approve', { params: { path } })));
}

export function useRecordBoardDecision(planId: string, period: string) {
  return useRoundChange(planId, period, (path, body: Schemas['BoardDecisionRequest']) => call(client.PUT('/api/plans/{id}/rounds/{period}/board-decision', { params: { path }, body })));
}
