import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorDetail } from '../../../libs/domain/errors';
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
    const [status, body] = this.toBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): [number, ErrorBody] {
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

function body(code: string, message: string, details: ErrorDetail[]): ErrorBody {
  return { error: { code, message, details } };
}
