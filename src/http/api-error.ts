import { HttpException } from '@nestjs/common';

/** Error body of every 4xx/5xx: a stable machine-readable `code` and a human `message`. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends HttpException {
  constructor(status: number, code: string, message: string, details?: unknown) {
    super({ statusCode: status, code, message, ...(details === undefined ? {} : { details }) } satisfies ApiErrorBody, status);
  }
}
