import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../../../libs/domain/errors';

/** `:id` path parameters: a malformed id is simply not found, in the API's error format. */
export const UuidParam = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('NOT_FOUND', 'No such item (malformed id)') });
