import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from './api-error';

/** Codes for errors raised before our code runs (body parser) or by Nest itself. */
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Gives every error the same shape; never leaks stack traces or request bodies. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    const status = exception instanceof HttpException ? exception.getStatus() : body.statusCode;
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    res.status(status).json(body);
  }

  /** Our ApiErrorBody, or a body some other error type chose (seed 004's auth errors). */
  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) return response as ApiErrorBody;
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      // Nest turns body-parser's SyntaxError into a bare BadRequestException(err.message),
      // dropping the error's type; JSON.parse messages all mention JSON.
      if (status === 400 && /JSON/.test(message)) return { statusCode: 400, code: 'INVALID_JSON', message: 'the request body is not valid JSON' };
      return { statusCode: status, code: STATUS_CODES[status] ?? `HTTP_${status}`, message };
    }
    // body-parser errors carry `status` and `type` but are not HttpExceptions.
    const err = exception as { status?: number; type?: string; message?: string };
    if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      if (err.type === 'entity.too.large') return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the request body is over the size limit' };
      if (err.type === 'entity.parse.failed') return { statusCode: 400, code: 'INVALID_JSON', message: 'the request body is not valid JSON' };
      return { statusCode: err.status, code: STATUS_CODES[err.status] ?? `HTTP_${err.status}`, message: err.message ?? 'bad request' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'internal error' };
  }
}
