import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../../../libs/domain/errors';
import { REQUEST_LIMITS } from './request-limits';

/**
 * The first pipe of every body, query and path parameter: refuses what no handler should see
 * before validation or the database does. Deep nesting (a 5,000-deep array makes the validators
 * recurse until the stack runs out), U+0000 (PostgreSQL text and jsonb cannot store it) and text
 * that is not Unicode (a lone surrogate; stored, it would silently become U+FFFD). Iterative, so
 * that any depth costs one pass.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value; // the signed-in person, an uploaded file: not user text
    const problem = findProblem(value, REQUEST_LIMITS.depth);
    if (problem) {
      const where = [metadata.type === 'param' || metadata.type === 'query' ? metadata.data : undefined, problem.path].filter(Boolean).join('.');
      throw new DomainError('VALIDATION_FAILED', problem.message, [{ path: where || metadata.type, message: problem.message }]);
    }
    return value;
  }
}

/** The first thing in `value` that no handler should see, with where it is. */
export function findProblem(value: unknown, maxDepth: number): { path: string; message: string } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const message = textProblem(v);
      if (message) return { path, message };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxDepth) return { path, message: `Nested more than ${maxDepth} levels deep` };
      for (const [key, child] of Object.entries(v)) {
        const message = textProblem(key);
        if (message) return { path, message: `A key: ${message}` };
        stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Text may not contain the character U+0000';
  if (!text.isWellFormed()) return 'Text must be valid Unicode (it holds a lone surrogate)';
  return undefined;
}
