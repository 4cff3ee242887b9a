import { ClassConstructor, plainToInstance, Transform } from 'class-transformer';
import { DomainError } from '../../../libs/domain/errors';
import { REQUEST_LIMITS } from './request-limits';
import { findProblem } from './safe-input.pipe';

/**
 * A list of objects that a JSON body carries as such and a multipart form (a file upload) as a
 * JSON string in a field: parsed, checked like a body (SafeInputPipe saw only a string) and made
 * into instances of `type` for validation. A string that is not JSON stays a string, and
 * `@IsArray` reports it.
 */
export function JsonFormField<T>(type: ClassConstructor<T>, field: string): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? toInstances(type, parseJson(value, field)) : value));
}

function toInstances<T>(type: ClassConstructor<T>, value: unknown): unknown {
  return Array.isArray(value) ? value.map((v) => plainToInstance(type, v)) : value;
}

function parseJson(value: string, field: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  const problem = findProblem(parsed, REQUEST_LIMITS.depth);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem.message, [{ path: `${field}.${problem.path}`, message: problem.message }]);
  return parsed;
}
