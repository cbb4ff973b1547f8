import { createHash, timingSafeEqual } from 'node:crypto';
import type { Integration } from './integration';

/** Finds the integration an API key belongs to, comparing digests in constant time. */
export class IntegrationRegistry {
  private readonly entries: { digest: Buffer; integration: Integration }[];

  constructor(readonly integrations: readonly Integration[]) {
    this.entries = integrations.flatMap((integration) => integration.keyHashes.map((hex) => ({ digest: Buffer.from(hex, 'hex'), integration })));
  }

  byApiKey(apiKey: string): Integration | null {
    const digest = createHash('sha256').update(apiKey).digest();
    let found: Integration | null = null;
    // Compare against every entry, so timing does not reveal which key (or how many) matched.
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, digest)) found = entry.integration;
    return found;
  }

  byId(id: string): Integration | null {
    return this.integrations.find((i) => i.id === id) ?? null;
  }
}
