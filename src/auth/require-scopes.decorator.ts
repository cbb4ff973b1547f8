import { SetMetadata } from '@nestjs/common';
import type { Scope } from './integration';

export const SCOPES_METADATA = 'idv:scopes';

/** Marks a controller or route as needing an API key with all of these scopes. */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(SCOPES_METADATA, scopes);
