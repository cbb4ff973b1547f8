import { HttpException } from '@nestjs/common';

/**
 * Authentication failures use seed 004's error body, `{ status: "fail", code, message }`, so
 * clients written against Veriff handle them unchanged.
 */
export class AuthError extends HttpException {
  constructor(status: 401 | 403 | 429, code: string, message: string) {
    super({ status: 'fail', code, message }, status);
  }
}

export const AUTH_CODES = {
  missingKey: '1101',
  invalidKey: '1102',
  badSignature: '1103',
  missingScope: '1104',
  rateLimited: '1105',
} as const;
