/**
 * Domain errors carry a stable code; only the transport layer (HTTP, CLI) maps codes to status
 * codes or exit codes. `details` lists what exactly was wrong, for the user to act on.
 */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  /** A power that is the admin's alone: granting or removing admin, setting another's password. */
  | 'ADMIN_ONLY'
  /** A new password too short or too common (libs/domain/accounts/password-policy). */
  | 'WEAK_PASSWORD'
  /** Changing one's own password needs the current one, and it was wrong. */
  | 'WRONG_CURRENT_PASSWORD'
  /** The change would leave nobody who can administer Bevaka. */
  | 'LAST_ADMIN'
  | 'TOO_MANY_REQUESTS'
  /** Password sign-in is turned off (BEVAKA_PASSWORD_LOGIN=false): people sign in with the organisation's provider. */
  | 'PASSWORD_LOGIN_OFF'
  /** The server refuses more work of this kind for now (e.g. password hashing under a login flood). */
  | 'BUSY'
  | 'UNAUTHENTICATED'
  | 'SCHEDULE_UNREADABLE'
  | 'IMPORT_EMPTY'
  | 'IMPORT_NO_HEADER'
  | 'IMPORT_UNSUPPORTED_FORMAT'
  | 'IMPORT_UNKNOWN_COLUMNS'
  /** A PDF with no text to read (a scan, or pages that are images): the plan must come another way. */
  | 'IMPORT_PDF_NO_TEXT'
  /** A PDF with text but no plan table whose columns could be told apart. */
  | 'IMPORT_PDF_NO_TABLE'
  /** The document is beyond a size limit of imports (bytes, characters, sheets, rows, cells). */
  | 'IMPORT_TOO_LARGE'
  /** Reading the document took more time or memory than one import may. */
  | 'IMPORT_TOO_COMPLEX'
  | 'INVALID_TRANSITION'
  /** The plan is archived: nothing in it changes until it is restored. */
  | 'PLAN_ARCHIVED'
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
