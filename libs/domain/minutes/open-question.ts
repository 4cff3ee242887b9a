/**
 * An open question on the balance list: open until the coordinator assigns it (it becomes an
 * action) or closes it with a reason. Either ends it; an ended question does not reopen.
 */
import { DomainError } from '../errors';

export const OPEN_QUESTION_STATUSES = ['open', 'assigned', 'closed'] as const;
export type OpenQuestionStatus = (typeof OPEN_QUESTION_STATUSES)[number];

export function assertStillOpen(status: OpenQuestionStatus): void {
  if (status !== 'open') throw new DomainError('CONFLICT', status === 'assigned' ? 'The question has already been assigned' : 'The question has already been closed');
}
