import { DomainError } from '../errors';

/**
 * The one definition of an action's statuses in the read model: a draft has no readable schedule
 * and no follow-up; 'starting' is committed and its workflow not yet started; 'active' is
 * followed; 'paused' opens no new occurrence until resumed (open ones keep their notices);
 * 'withdrawn' is over for good.
 */
export const ACTION_STATUSES = ['draft', 'starting', 'active', 'paused', 'withdrawn'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type ActionChange = 'pause' | 'resume' | 'withdraw';

/**
 * What pausing, resuming or withdrawing does to an action in a status: the new status, or
 * `undefined` when it already is so (a repeated request changes nothing). Throws
 * INVALID_TRANSITION when the change makes no sense.
 */
export function changeStatus(status: string, change: ActionChange): ActionStatus | undefined {
  if (status === 'withdrawn') {
    if (change === 'withdraw') return undefined;
    throw new DomainError('INVALID_TRANSITION', 'The action is withdrawn: it can no longer change');
  }
  switch (change) {
    case 'withdraw':
      return 'withdrawn';
    case 'pause':
      if (status === 'draft') throw new DomainError('INVALID_TRANSITION', 'A draft is not followed up yet, so there is nothing to pause: give it a schedule first');
      return status === 'paused' ? undefined : 'paused';
    case 'resume':
      if (status === 'draft') throw new DomainError('INVALID_TRANSITION', 'A draft is not followed up yet, so there is nothing to resume: give it a schedule first');
      return status === 'paused' ? 'active' : undefined;
  }
}
