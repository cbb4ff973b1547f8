import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { APP_CONFIG } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { AUTH_CODES, AuthError } from './auth-error';
import { verifyHmacHex } from './hmac-signature';
import type { Integration, Scope } from './integration';
import { IntegrationRegistry } from './integration-registry';
import { RateLimiter } from './rate-limiter';
import { SCOPES_METADATA } from './require-scopes.decorator';
import { signedPayloads } from './signed-payload';

/** The authenticated integration (and the key it used), attached to the request by the guard. */
export type AuthenticatedRequest = Request & { integration?: Integration; apiKey?: string; rawBody?: Buffer };

/**
 * On every route marked with @RequireScopes, in this order: `x-auth-client` present (401 1101)
 * and known (401 1102); the key's rate limit (429 1105 + Retry-After); `x-hmac-signature` over
 * the signed payload (401 1103, when the integration has a secret); the scopes (403 1104).
 * Routes without the marker (health, journeys) stay open.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(IntegrationRegistry) private readonly registry: IntegrationRegistry,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scopes = this.reflector.getAllAndOverride<Scope[] | undefined>(SCOPES_METADATA, [context.getHandler(), context.getClass()]);
    if (!scopes) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = req.header('x-auth-client');
    if (!key) throw new AuthError(401, AUTH_CODES.missingKey, 'Mandatory X-AUTH-CLIENT header containing the API key is missing from the request.');
    const integration = this.registry.byApiKey(key);
    if (!integration) throw new AuthError(401, AUTH_CODES.invalidKey, 'The API key in X-AUTH-CLIENT is not valid.');

    // Counted before the signature check, so guessing signatures spends the same budget.
    const keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
    const rate = await this.limiter.hit(keyId, integration.rateLimitPerMinute ?? this.config.surface.rateLimitPerMinute);
    if (!rate.allowed) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(rate.retryAfterSeconds));
      throw new AuthError(429, AUTH_CODES.rateLimited, `Rate limit exceeded for this API key; retry after ${rate.retryAfterSeconds} s.`);
    }

    if (integration.secret !== null) {
      const signature = req.header('x-hmac-signature');
      const id = typeof req.params?.id === 'string' ? req.params.id : undefined;
      const secret = integration.secret;
      if (!signature || !signedPayloads(req.rawBody, req.originalUrl, id).some((payload) => verifyHmacHex(secret, payload, signature))) {
        throw new AuthError(401, AUTH_CODES.badSignature, 'X-HMAC-SIGNATURE is missing or does not match the request (hex HMAC-SHA256 of the raw body; without a body, of the path and query).');
      }
    }
    // Known from here on, so the response (even a 403) is signed for this integration.
    req.integration = integration;
    req.apiKey = key;
    const missing = scopes.filter((s) => !integration.scopes.includes(s));
    if (missing.length > 0) throw new AuthError(403, AUTH_CODES.missingScope, `This API key lacks the scope(s): ${missing.join(', ')}.`);
    return true;
  }
}
