import os from 'node:os';
import path from 'node:path';
import type { Integration } from '../auth/integration';
import type { InferenceSettings } from '../inference/inference-settings';
import { loadIntegrations } from './integrations.loader';
import { projectRoot } from './project-root';
import { ReviewConfig, readReviewConfig } from './review-config';
import { IntegrationSurfaceConfig, readIntegrationSurfaceConfig } from './integration-config';
import { CaptureConfig, readCaptureConfig } from './capture-config';

export const PROCESS_ROLES = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** Everything the service reads from the environment, read and checked in one place at boot. */
export interface AppConfig {
  role: ProcessRole;
  port: number;
  host: string;
  /** Undefined when REDIS_URL was not given: the bootstrap may then start a private redis-server. */
  redisUrl: string | undefined;
  /** Prefix for every Redis key and BullMQ queue, so several deployments (or tests) share a server. */
  prefix: string;
  journeysDir: string;
  modulesDir: string;
  schemasDir: string;
  maxImageBytes: number;
  maxImagePixels: number;
  minImageSide: number;
  /** How long an undecided run's images live in Redis. */
  evidenceTtlSeconds: number;
  /** How long images are kept after the decision; 0 deletes them at once. */
  evidenceRetentionSeconds: number;
  runTtlSeconds: number;
  idempotencyTtlSeconds: number;
  maxWaitMs: number;
  /** How long a synchronous endpoint (liveness verify, compare-faces) waits for a worker. */
  analysisTimeoutMs: number;
  /** Inference worker threads per worker process. */
  inferenceThreads: number;
  /** Step jobs a worker process runs at once (defaults to its thread count). */
  workerConcurrency: number;
  /** BullMQ lock duration; a killed worker's job is redelivered after about this long. */
  workerLockMs: number;
  stalledIntervalMs: number;
  stepAttempts: number;
  livenessModelsDir: string;
  builtinModelsDir: string;
  /** Who may call the API (INTEGRATIONS_FILE, plus the dev integration in AUTH_DEV_MODE). */
  integrations: Integration[];
  authDevMode: boolean;
  /** Manual review: leases, SLA, expiry, evidence URLs. */
  review: ReviewConfig;
  /** Rate limits, webhooks, sessions. */
  surface: IntegrationSurfaceConfig;
  /** Capture sessions for encrypted selfies (liveness-iad). */
  capture: CaptureConfig;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const root = projectRoot();
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw} must be an integer in [${min}, ${max}]`);
      return fallback;
    }
    return value;
  };
  const dir = (name: string, fallback: string) => path.resolve(root, env[name] || fallback);

  const roleArg = argv.indexOf('--role');
  const role = (roleArg >= 0 ? argv[roleArg + 1] : env.ROLE) ?? 'all';
  if (!(PROCESS_ROLES as readonly string[]).includes(role)) problems.push(`role "${role}" must be one of ${PROCESS_ROLES.join(', ')}`);
  const prefix = env.REDIS_PREFIX || 'idv';
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) problems.push(`REDIS_PREFIX=${prefix} may only hold letters, digits, _ and - (BullMQ forbids ':')`);

  const authDevMode = env.AUTH_DEV_MODE === 'true' || env.AUTH_DEV_MODE === '1' || argv.includes('--dev-auth');
  const schemasDir = path.join(root, 'schemas');
  const cores = os.availableParallelism();
  const inferenceThreads = int('INFERENCE_THREADS', Math.max(1, cores), 1, 64);
  const config: AppConfig = {
    role: role as ProcessRole,
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    redisUrl: env.REDIS_URL || undefined,
    prefix,
    journeysDir: dir('JOURNEYS_DIR', 'journeys'),
    modulesDir: dir('MODULES_DIR', 'modules'),
    schemasDir,
    maxImageBytes: int('MAX_IMAGE_BYTES', 10 * 1024 * 1024, 1024),
    maxImagePixels: int('MAX_IMAGE_PIXELS', 40_000_000, 10_000),
    minImageSide: int('MIN_IMAGE_SIDE', 32, 1),
    evidenceTtlSeconds: int('EVIDENCE_TTL_SECONDS', 24 * 3600, 60),
    evidenceRetentionSeconds: int('EVIDENCE_RETENTION_SECONDS', 0, 0),
    runTtlSeconds: int('RUN_TTL_SECONDS', 30 * 24 * 3600, 60),
    idempotencyTtlSeconds: int('IDEMPOTENCY_TTL_SECONDS', 24 * 3600, 60),
    maxWaitMs: int('MAX_WAIT_MS', 30_000, 0, 120_000),
    analysisTimeoutMs: int('ANALYSIS_TIMEOUT_MS', 30_000, 100, 300_000),
    inferenceThreads,
    workerConcurrency: int('WORKER_CONCURRENCY', inferenceThreads * 2, 1, 256),
    workerLockMs: int('WORKER_LOCK_MS', 30_000, 1000),
    stalledIntervalMs: int('WORKER_STALLED_INTERVAL_MS', 30_000, 1000),
    stepAttempts: int('STEP_ATTEMPTS', 3, 1, 20),
    // Several folders may be listed, separated by ':'; each is resolved against the project root.
    livenessModelsDir: (env.LIVENESS_MODELS_DIR || '.models/operator').split(':').filter(Boolean).map((d) => path.resolve(root, d)).join(':'),
    builtinModelsDir: dir('BUILTIN_MODELS_DIR', '.models/builtin'),
    integrations: loadIntegrations(env.INTEGRATIONS_FILE || undefined, authDevMode, schemasDir, env),
    authDevMode,
    review: readReviewConfig(env, int),
    surface: readIntegrationSurfaceConfig(env, int),
    capture: readCaptureConfig(env, int),
  };
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return config;
}

/** What inference threads get from the configuration (threads never read the environment). */
export function inferenceSettings(config: AppConfig): InferenceSettings {
  return { livenessModelsDir: config.livenessModelsDir, builtinModelsDir: config.builtinModelsDir, maxImagePixels: config.maxImagePixels, minImageSide: config.minImageSide };
}
