import type { AuthenticatedRequest } from './api-key.guard';
import type { Integration } from './integration';

/** The integration ApiKeyGuard attached; only call on routes marked with @RequireScopes. */
export function integrationOf(req: AuthenticatedRequest): Integration {
  if (!req.integration) throw new Error('route reached without an authenticated integration (missing @RequireScopes?)');
  return req.integration;
}
