import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeyPerBody } from './idempotency';
import { call, client, type MinutesReading, type OpenQuestion, postForm, Schemas } from '../api';

/** Minutes read into a plan: the meetings, and the open questions of its balance list; keys in one place. */
export const minutesKeys = {
  meetings: (planId: string) => ['meetings', planId] as const,
  openQuestions: (planId: string) => ['open-questions', planId] as const,
};

export type MinutesChoice = Schemas['MinutesChoiceRequest'];

/** The minutes as the coordinator gives them: pasted text or a file (.txt, .md, .docx). */
export interface MinutesInput {
  text?: string;
  file?: File | null;
  title?: string;
}

function minutesForm(input: MinutesInput, choices: readonly MinutesChoice[]): FormData {
  const form = new FormData();
  if (input.file) form.append('file', input.file);
  else form.append('text', input.text ?? '');
  if (input.title?.trim()) form.append('title', input.title.trim());
  if (choices.length) form.append('choices', JSON.stringify(choices));
  return form;
}

const minutesPath = (planId: string, dryRun: boolean) => `/api/plans/${encodeURIComponent(planId)}/minutes${dryRun ? '?dryRun=true' : ''}`;

/** What the minutes hold, as Bevaka reads them; nothing is written. */
export function useMinutesPreview(planId: string) {
  return useMutation({ mutationFn: (input: MinutesInput) => postForm<MinutesReading>(minutesPath(planId, true), minutesForm(input, [])) });
}

/**
 * Creates the accepted findings' actions and puts the open questions on the balance list. A
 * retry of the same commit (a lost answer, a second click) carries the same Idempotency-Key and
 * creates nothing twice; other choices, another key.
 */
export function useMinutesCommit(planId: string) {
  const queries = useQueryClient();
  const keyFor = useKeyPerBody();
  return useMutation({
    mutationFn: ({ input, choices }: { input: MinutesInput; choices: MinutesChoice[] }) => {
      const key = keyFor({ text: input.text, file: input.file && [input.file.name, input.file.size, input.file.lastModified], title: input.title, choices });
      return postForm<MinutesReading>(minutesPath(planId, false), minutesForm(input, choices), { 'Idempotency-Key': key });
    },
    onSuccess: () => void queries.invalidateQueries(),
  });
}

export function useOpenQuestions(planId: string, status?: OpenQuestion['status']) {
  return useQuery({
    queryKey: [...minutesKeys.openQuestions(planId), status ?? 'all'],
    queryFn: () => call(client.GET('/api/plans/{id}/open-questions', { params: { path: { id: planId }, query: status ? { status } : {} } })),
  });
}

/** The open questions still open, plan by plan (the overview counts them). */
export function useOpenQuestionsOfPlans(planIds: readonly string[]) {
  return useQueries({
    queries: planIds.map((id) => ({
      queryKey: [...minutesKeys.openQuestions(id), 'open'],
      queryFn: () => call(client.GET('/api/plans/{id}/open-questions', { params: { path: { id }, query: { status: 'open' as const } } })),
    })),
  });
}

export type AssignQuestion = Schemas['AssignQuestionRequest'];

/** The question becomes an action of its meeting; the plan and its balance list are read again. */
export function useAssignQuestion(questionId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignQuestion) => call(client.POST('/api/open-questions/{id}/assign', { params: { path: { id: questionId } }, body })),
    onSuccess: () => void queries.invalidateQueries(),
  });
}

export function useCloseQuestion(questionId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => call(client.POST('/api/open-questions/{id}/close', { params: { path: { id: questionId } }, body: { reason } })),
    onSuccess: () => void queries.invalidateQueries(), // the balance list, and the plan's changes
  });
}
