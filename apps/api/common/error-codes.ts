import { HttpStatus } from '@nestjs/common';
import type { DomainErrorCode } from '../../../libs/domain/errors';

/** The one place where domain error codes become HTTP status codes. */
export const HTTP_STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  SCHEDULE_UNREADABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  IMPORT_EMPTY: HttpStatus.UNPROCESSABLE_ENTITY,
  IMPORT_NO_HEADER: HttpStatus.UNPROCESSABLE_ENTITY,
  IMPORT_UNSUPPORTED_FORMAT: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  IMPORT_UNKNOWN_COLUMNS: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_TRANSITION: HttpStatus.CONFLICT,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  ENGINE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  UNPROCESSABLE: HttpStatus.UNPROCESSABLE_ENTITY,
};

export function httpStatusFor(code: string): HttpStatus {
  return HTTP_STATUS_BY_CODE[code as DomainErrorCode] ?? HttpStatus.UNPROCESSABLE_ENTITY;
}
