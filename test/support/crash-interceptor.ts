import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, Next } from '@temporalio/worker';
import type { FireNoticesRequest } from '../../workflows/contracts/activities';

/**
 * Fault injection for the crash tests, outside the product's code: the worker process dies
 * (SIGKILL, no cleanup) right after the activity that sent the notice `<kind>:<step>` has
 * committed and before Temporal hears that it did — the worst moment for exactly-once delivery.
 */
export function crashAfterNotice(notice: string): ActivityInboundCallsInterceptor {
  return {
    async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
      const result = await next(input);
      const request = input.args[0] as Partial<FireNoticesRequest> | undefined;
      if (request?.notices?.some((n) => `${n.kind}:${n.step}` === notice)) process.kill(process.pid, 'SIGKILL');
      return result;
    },
  };
}
