import { BeforeApplicationShutdown, DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { WorkerHost } from '@nestjs/bullmq';
import { REGISTERED_MODULE_IDS } from '../../modules';
import { AnalysisRunner } from '../analysis/analysis.runner';
import { APP_CONFIG, CATALOG } from '../app.tokens';
import { ConfigError, inferenceSettings } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import type { Catalog } from '../catalog/catalog';
import { InferencePool } from '../inference/inference-pool';
import { stepProcessorFor } from '../queue/step.processor';
import { EvidenceStore } from '../runs/evidence.store';
import { RunRepository } from '../runs/run.repository';
import { RunAdvancer } from './run-advancer';
import { StepRunner } from './step-runner';
import { ReviewWorkerLifecycle } from '../review/review-worker.lifecycle';
import { SESSION_WORKER_PROVIDERS } from '../sessions/sessions.providers';
import { webhookWorkerProviders } from '../webhooks/webhooks.providers';

const PROCESSORS = Symbol('PROCESSORS');

/**
 * Graceful shutdown: on SIGTERM, workers stop taking jobs and finish the active ones
 * (worker.close() waits) before the inference threads are terminated.
 */
class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

  constructor(
    @Inject(ModuleRef) private readonly ref: ModuleRef,
    @Inject(PROCESSORS) private readonly processors: Type<WorkerHost>[],
    @Inject(InferencePool) private readonly pool: InferencePool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Load every handler's models now: a missing or altered model stops boot, not the first job.
    let descriptions: Awaited<ReturnType<InferencePool['warmup']>>;
    try {
      descriptions = await this.pool.warmup([...REGISTERED_MODULE_IDS]);
    } catch (err) {
      // Missing or altered model files are an install problem: one clear line, no stack.
      throw new ConfigError(`inference models could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const [id, d] of Object.entries(descriptions)) {
      const models = d.models.map((m) => `${m.role}=${m.id}${m.sha256 ? ` (sha256 ${m.sha256.slice(0, 12)})` : ''}`).join(', ');
      this.logger.log(`module ${id}: ${models || 'no models'}`);
      for (const warning of d.warnings) this.logger.warn(`module ${id}: ${warning}`);
    }
    this.logger.log(`${this.processors.length} step queues, ${this.pool.size} inference thread(s)`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.processors.map((p) => this.ref.get(p, { strict: false }).worker.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    const processors = REGISTERED_MODULE_IDS.map((id) =>
      stepProcessorFor(id, { concurrency: config.workerConcurrency, lockDuration: config.workerLockMs, stalledInterval: config.stalledIntervalMs }),
    );
    return {
      module: WorkerModule,
      providers: [
        { provide: PROCESSORS, useValue: processors },
        {
          provide: InferencePool,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) =>
            new InferencePool(inferenceSettings(c), c.inferenceThreads),
        },
        {
          provide: StepRunner,
          inject: [CATALOG, RunRepository, EvidenceStore, InferencePool, RunAdvancer],
          useFactory: (cat: Catalog, runs: RunRepository, ev: EvidenceStore, pool: InferencePool, adv: RunAdvancer) => new StepRunner(cat, runs, ev, pool, adv),
        },
        {
          provide: AnalysisRunner,
          inject: [CATALOG, EvidenceStore, InferencePool],
          useFactory: (cat: Catalog, ev: EvidenceStore, pool: InferencePool) => new AnalysisRunner(cat, ev, pool),
        },
        ...processors,
        WorkerLifecycle,
        ReviewWorkerLifecycle,
        ...webhookWorkerProviders(config),
        ...SESSION_WORKER_PROVIDERS,
      ],
    };
  }
}
