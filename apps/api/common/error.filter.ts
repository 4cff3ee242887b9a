import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorDetail } from '../../../libs/domain/errors';
import { domainErrorFromDatabase } from '../../../libs/persistence/database-errors';
import { httpStatusFor } from './error-codes';

interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/** Every error leaves the API as {"error": {code, message, details}} (API.md). */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const fromDatabase = domainErrorFromDatabase(exception);
    // Logged: the validators should have caught the value; which one missed it is worth knowing.
    if (fromDatabase) this.logger.warn(`The database refused a value: ${(exception as Error).message}`);
    const [status, body] = this.toBody(fromDatabase ?? exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return void response.end();
    response.status(status).json(body);
  }

  private toBody(exception: unknown): [number, ErrorBody] {
    const client = clientError(exception);
    if (client) return [client.status, body(CODE_BY_STATUS[client.status] ?? `HTTP_${client.status}`, client.message, [])];
    if (exception instanceof DomainError) {
      return [httpStatusFor(exception.code), body(exception.code, exception.message, exception.details)];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      if (raw.error && typeof raw.error === 'object') return [status, raw as unknown as ErrorBody];
      const messages = Array.isArray(raw.message) ? (raw.message as string[]) : [];
      const message = messages.length ? 'The request is not valid' : exception.message;
      const details = messages.map((m) => ({ message: m }));
      return [status, body(CODE_BY_STATUS[status] ?? `HTTP_${status}`, message, details)];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, body('INTERNAL', 'An unexpected error occurred', [])];
  }
}

/**
 * Errors of the HTTP plumbing before our code runs (the body parser: a body over the limit, an
 * unsupported charset, an aborted upload) carry their 4xx status as `status` (the http-errors
 * convention). They are the client's, and said as such.
 */
function clientError(exception: unknown): { status: number; message: string } | undefined {
  if (exception instanceof HttpException || exception instanceof DomainError || typeof exception !== 'object' || exception === null) return undefined;
  const e = exception as { status?: unknown; statusCode?: unknown; expose?: unknown; type?: unknown; limit?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status > 499 || e.expose !== true) return undefined;
  if (e.type === 'entity.too.large' && typeof e.limit === 'number') return { status, message: `The request body is larger than ${e.limit} bytes` };
  return { status, message: typeof e.message === 'string' ? e.message : `HTTP ${status}` };
}

function body(code: string, message: string, details: ErrorDetail[]): ErrorBody {
  return { error: { code, message, details } };
}
