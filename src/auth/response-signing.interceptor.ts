import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from './api-key.guard';
import { hmacHex } from './hmac-signature';

/**
 * Seed 004's response headers: `x-auth-client` echoes the caller's key and `x-hmac-signature` is
 * the hex HMAC-SHA256 of the exact response body bytes under the integration's secret.
 *
 * Why wrap `res.send` instead of mapping the handler's value: the bytes on the wire are produced
 * later (by Express's JSON serialisation, or by the exception filter for errors), and the
 * signature must cover those bytes, for successes and handler errors alike.
 */
@Injectable()
export class ResponseSigningInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const res = http.getResponse<Response>();
    const integration = req.integration;
    if (integration && req.apiKey) {
      const apiKey = req.apiKey;
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (!res.headersSent && (typeof body === 'string' || Buffer.isBuffer(body))) {
          res.setHeader('x-auth-client', apiKey);
          if (integration.secret !== null) res.setHeader('x-hmac-signature', hmacHex(integration.secret, body));
        }
        return send(body);
      };
    }
    return next.handle();
  }
}
