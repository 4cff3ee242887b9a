import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/**
 * gRPC codes that mean "Temporal did not answer in time", not "Temporal said no": CANCELLED (1),
 * DEADLINE_EXCEEDED (4), RESOURCE_EXHAUSTED (8), UNAVAILABLE (14).
 */
const UNREACHABLE_CODES = new Set<number>([1, 4, 8, 14]);

/**
 * Temporal could not be reached (down, restarting, overloaded, or slower than our deadline). Such
 * a command may or may not have arrived; carrying it out again is safe (see intents.ts).
 */
export function isTemporalUnreachable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpc) && UNREACHABLE_CODES.has(grpc.code);
}

/** Stops a batch of commands: the rest would only wait for the same deadline. */
export class TemporalUnreachableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`Temporal cannot be reached: ${describeError(cause)}`);
    this.name = 'TemporalUnreachableError';
  }
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
