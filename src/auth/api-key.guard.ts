import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AUTH_CODES, AuthError } from './auth-error';
import type { Integration, Scope } from './integration';
import { IntegrationRegistry } from './integration-registry';
import { SCOPES_METADATA } from './require-scopes.decorator';

/** The authenticated integration, attached to the request by the guard. */
export type AuthenticatedRequest = Request & { integration?: Integration };

/**
 * Checks `x-auth-client` on every route marked with @RequireScopes: missing or unknown key → 401,
 * a key without the scope → 403. Routes without the marker (health, capture pages) stay open.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector, @Inject(IntegrationRegistry) private readonly registry: IntegrationRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const scopes = this.reflector.getAllAndOverride<Scope[] | undefined>(SCOPES_METADATA, [context.getHandler(), context.getClass()]);
    if (!scopes) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = req.header('x-auth-client');
    if (!key) throw new AuthError(401, AUTH_CODES.missingKey, 'Mandatory X-AUTH-CLIENT header containing the API key is missing from the request.');
    const integration = this.registry.byApiKey(key);
    if (!integration) throw new AuthError(401, AUTH_CODES.invalidKey, 'The API key in X-AUTH-CLIENT is not valid.');
    const missing = scopes.filter((s) => !integration.scopes.includes(s));
    if (missing.length > 0) throw new AuthError(403, AUTH_CODES.missingScope, `This API key lacks the scope(s): ${missing.join(', ')}.`);
    req.integration = integration;
    return true;
  }
}
