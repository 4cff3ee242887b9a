import { createHash } from 'node:crypto';
import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../../../libs/domain/errors';
import type { IdempotentRequest } from '../../../libs/persistence/repositories/idempotency-key.repository';
import type { CurrentPersonInfo } from '../auth/current-person';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** Visible ASCII, as IETF's Idempotency-Key draft and common clients (UUIDs, ULIDs) use. */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's Idempotency-Key with what identifies the request (person, method, path and a hash
 * of body and file); undefined without the header.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): IdempotentRequest | undefined => {
  const request = ctx.switchToHttp().getRequest<Request & { user?: CurrentPersonInfo; file?: Express.Multer.File }>();
  const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
    throw new DomainError('VALIDATION_FAILED', `${IDEMPOTENCY_KEY_HEADER} is 1 to 255 visible ASCII characters, e.g. a UUID`, [{ path: IDEMPOTENCY_KEY_HEADER, message: 'malformed' }]);
  }
  if (!request.user?.id) throw new DomainError('UNAUTHENTICATED', 'Sign in first (Authorization: Bearer <token>)');
  const hash = createHash('sha256').update(request.method).update('\n').update(request.originalUrl).update('\n').update(stableJson(request.body ?? null));
  if (request.file) hash.update('\n').update(request.file.buffer);
  return { personId: request.user.id, key, method: request.method, path: request.originalUrl, requestHash: hash.digest('hex') };
});

/** OpenAPI: the optional header on the routes that take it. */
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        `Makes a retry safe: a request with a key this person used before on the same route gets the first answer (status and body) and ` +
        `changes nothing again; the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED. Keys are kept ${IDEMPOTENCY_KEY_TTL_HOURS} hours. ` +
        `Only successful answers (and a refusal after the change was saved) are kept: after an error, the same key may be sent again.`,
    }),
  );

/** JSON with object keys in a fixed order, so the same body always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
