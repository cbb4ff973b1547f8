import type { Provider } from '@nestjs/common';
import type Redis from 'ioredis';
import { AnalysisClient } from '../analysis/analysis.client';
import { IntegrationRegistry } from '../auth/integration-registry';
import { APP_CONFIG, CATALOG, REDIS } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import type { Catalog } from '../catalog/catalog';
import { RunsService } from '../runs/runs.service';
import { CaptureFingerprintIndex } from './capture-fingerprint.index';
import { CaptureIntegrityService } from './capture-integrity.service';
import { captureKeys } from './capture-keys';
import { CaptureSessionRepository } from './capture-session.repository';
import { CaptureSessionsService } from './capture-sessions.service';

/**
 * API role: capture sessions and the encrypted-selfie opener RunsService is given. The worker
 * role needs none of it: the module reads the report from the run context.
 */
export const CAPTURE_API_PROVIDERS: Provider[] = [
  { provide: CaptureSessionRepository, inject: [REDIS, APP_CONFIG], useFactory: (r: Redis, c: AppConfig) => new CaptureSessionRepository(r, captureKeys(c.prefix)) },
  { provide: CaptureFingerprintIndex, inject: [REDIS, APP_CONFIG], useFactory: (r: Redis, c: AppConfig) => new CaptureFingerprintIndex(r, captureKeys(c.prefix), c.capture.duplicateRetentionSeconds) },
  {
    provide: CaptureIntegrityService,
    inject: [APP_CONFIG, CATALOG, CaptureSessionRepository, CaptureFingerprintIndex, AnalysisClient],
    useFactory: (c: AppConfig, cat: Catalog, s: CaptureSessionRepository, i: CaptureFingerprintIndex, a: AnalysisClient) => new CaptureIntegrityService(c, cat, s, i, a),
  },
  {
    provide: CaptureSessionsService,
    inject: [APP_CONFIG, CATALOG, CaptureSessionRepository, CaptureIntegrityService, IntegrationRegistry, RunsService],
    useFactory: (c: AppConfig, cat: Catalog, s: CaptureSessionRepository, i: CaptureIntegrityService, reg: IntegrationRegistry, runs: RunsService) => new CaptureSessionsService(c, cat, s, i, reg, runs),
  },
];
