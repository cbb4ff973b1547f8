import type { Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, CATALOG, REDIS } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import type { Catalog } from '../catalog/catalog';
import { RunAdvancer } from '../execution/run-advancer';
import { EvidenceStore } from '../runs/evidence.store';
import { RunRepository } from '../runs/run.repository';
import { EvidenceLinkSigner } from './evidence-link.signer';
import { ReviewDecider } from './review-decider';
import { reviewKeys } from './review-keys';
import { REVIEW_QUEUE } from './review-queue';
import { ReviewResultCollector } from './review-result.collector';
import { ReviewSweeper } from './review-sweeper';
import { ReviewTaskListener } from './review-task.listener';
import { ReviewTaskStore } from './review-task.store';
import { ReviewsService } from './reviews.service';

const QUEUE = getQueueToken(REVIEW_QUEUE);

/** Review providers every role needs (CoreModule): the task store, the one decision path, and the listener that creates tasks. */
export function reviewCoreProviders(config: AppConfig): Provider[] {
  const r = config.review;
  return [
    { provide: ReviewTaskStore, inject: [REDIS], useFactory: (redis: Redis) => new ReviewTaskStore(redis, reviewKeys(config.prefix), config.runTtlSeconds) },
    { provide: EvidenceLinkSigner, useValue: new EvidenceLinkSigner(r.urlSecret, r.urlTtlSeconds) },
    {
      provide: ReviewDecider,
      inject: [ReviewTaskStore, RunRepository, RunAdvancer, QUEUE],
      useFactory: (t: ReviewTaskStore, runs: RunRepository, adv: RunAdvancer, q: Queue) => new ReviewDecider(t, runs, adv, q, r.slaSeconds * 1000),
    },
    {
      provide: ReviewTaskListener,
      inject: [ReviewTaskStore, EvidenceStore, QUEUE, RunAdvancer],
      useFactory: (t: ReviewTaskStore, ev: EvidenceStore, q: Queue, adv: RunAdvancer) => {
        const listener = new ReviewTaskListener(t, ev, q);
        adv.addListener(listener);
        return listener;
      },
    },
    { provide: ReviewResultCollector, inject: [QUEUE, ReviewTaskStore, ReviewDecider], useFactory: (q: Queue, t: ReviewTaskStore, d: ReviewDecider) => new ReviewResultCollector(q, t, d) },
    {
      provide: ReviewSweeper,
      inject: [ReviewTaskStore, ReviewDecider],
      useFactory: (t: ReviewTaskStore, d: ReviewDecider) => new ReviewSweeper(t, d, { slaMs: r.slaSeconds * 1000, expiryMs: r.expirySeconds * 1000 }),
    },
  ];
}

/** The reviewer API's service (ApiModule). */
export const REVIEW_API_PROVIDERS: Provider[] = [
  {
    provide: ReviewsService,
    inject: [APP_CONFIG, CATALOG, ReviewTaskStore, RunRepository, ReviewDecider, EvidenceLinkSigner],
    useFactory: (c: AppConfig, cat: Catalog, t: ReviewTaskStore, runs: RunRepository, d: ReviewDecider, links: EvidenceLinkSigner) => new ReviewsService(c.review, cat, t, runs, d, links),
  },
];
