import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { Integration, Scope } from '../auth/integration';
import { SCOPES } from '../auth/integration';
import { ConfigError } from './app-config';

/** The integration AUTH_DEV_MODE adds: key `dev-key`, secret `dev-secret`, every scope. Never for production. */
export const DEV_INTEGRATION_KEY = 'dev-key';
export const DEV_INTEGRATION_SECRET = 'dev-secret';

interface IntegrationsFile {
  integrations: { id: string; name: string; keySha256: string[]; secretEnv?: string; scopes: Scope[]; webhookUrl?: string; rateLimitPerMinute?: number }[];
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Reads INTEGRATIONS_FILE (schema: schemas/integrations.schema.json) and the secrets it names
 * from the environment. Secrets are only ever read here, never logged.
 */
export function loadIntegrations(file: string | undefined, devMode: boolean, schemasDir: string, env: NodeJS.ProcessEnv = process.env): Integration[] {
  const integrations: Integration[] = [];
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path.resolve(file), 'utf8'));
    } catch (err) {
      throw new ConfigError(`INTEGRATIONS_FILE=${file} cannot be read as JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, 'integrations.schema.json'), 'utf8')) as object);
    if (!validate(parsed)) {
      throw new ConfigError(`INTEGRATIONS_FILE=${file}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')}`);
    }
    for (const item of (parsed as IntegrationsFile).integrations) {
      let secret: string | null = null;
      if (item.secretEnv) {
        secret = env[item.secretEnv] ?? null;
        if (!secret) throw new ConfigError(`integration ${item.id}: environment variable ${item.secretEnv} (its HMAC secret) is not set`);
      }
      integrations.push({ id: item.id, name: item.name, keyHashes: item.keySha256, secret, scopes: item.scopes, webhookUrl: item.webhookUrl ?? null, rateLimitPerMinute: item.rateLimitPerMinute ?? null });
    }
  }
  if (devMode) {
    integrations.push({ id: 'dev', name: 'development (AUTH_DEV_MODE)', keyHashes: [sha256Hex(DEV_INTEGRATION_KEY)], secret: DEV_INTEGRATION_SECRET, scopes: [...SCOPES], webhookUrl: null, rateLimitPerMinute: null });
  }
  const ids = new Set<string>();
  for (const i of integrations) {
    if (ids.has(i.id)) throw new ConfigError(`integration id ${i.id} is defined twice`);
    ids.add(i.id);
  }
  return integrations;
}
