/**
 * Domain errors carry a stable code; only the transport layer (HTTP, CLI) maps codes to status
 * codes or exit codes. `details` lists what exactly was wrong, for the user to act on.
 */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'SCHEDULE_UNREADABLE'
  | 'IMPORT_EMPTY'
  | 'IMPORT_NO_HEADER'
  | 'IMPORT_UNSUPPORTED_FORMAT'
  | 'IMPORT_UNKNOWN_COLUMNS'
  | 'INVALID_TRANSITION'
  /** An Idempotency-Key used again for a different request (another body, route or method). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The follow-up engine (Temporal) cannot be reached and nothing was changed: try again later. */
  | 'ENGINE_UNAVAILABLE'
  /** Well-formed input that refers to something missing or cannot be acted on. */
  | 'UNPROCESSABLE';

export interface ErrorDetail {
  path?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
