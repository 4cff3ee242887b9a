import { QueryFailedError } from 'typeorm';
import { DomainError } from '../domain/errors';

/**
 * PostgreSQL's refusals of a value (SQLSTATE classes 22 and 23) as domain errors, for the HTTP
 * layer: input the API let through and the database would not store is still bad input, never a
 * 500. Validation before the database is the first line; this is the net under it, and the cause
 * of a value the validators missed (a concurrent insert of the same e-mail address) is not
 * always in the request. Anything else is not input and stays what it is.
 */
export function domainErrorFromDatabase(error: unknown): DomainError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = error.driverError as { code?: string; constraint?: string; column?: string; detail?: string };
  const code = driver.code ?? '';
  const details = [{ path: driver.column ?? driver.constraint ?? 'request', message: code }];
  switch (code) {
    case '23505':
      return new DomainError('CONFLICT', `This exists already${driver.constraint ? ` (${driver.constraint})` : ''}`, details);
    case '23503':
      return new DomainError('UNPROCESSABLE', 'The request refers to something that does not exist (any more)', details);
    case '23502':
    case '23514':
    case '23P01':
      return new DomainError('UNPROCESSABLE', 'The request breaks a rule of the stored data', details);
    case '40001':
    case '40P01':
      return new DomainError('CONFLICT', 'Another change to the same data came first; try again', details);
  }
  if (code.startsWith('22')) return new DomainError('VALIDATION_FAILED', 'A value of the request cannot be stored or compared (out of range or malformed)', details);
  return undefined;
}
