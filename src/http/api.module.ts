import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { APP_CONFIG, CATALOG } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import type { Catalog } from '../catalog/catalog';
import { JourneysController } from '../catalog/journeys.controller';
import { RunAdvancer } from '../execution/run-advancer';
import { HealthController } from '../health/health.controller';
import { EvidenceStore } from '../runs/evidence.store';
import { IdempotencyStore } from '../runs/idempotency.store';
import { RunEvents } from '../runs/run-events';
import { RunRepository } from '../runs/run.repository';
import { RunsController } from '../runs/runs.controller';
import { RunsService } from '../runs/runs.service';
import { ReviewEvidenceController } from '../review/review-evidence.controller';
import { ReviewPageController } from '../review/review-page.controller';
import { REVIEW_API_PROVIDERS } from '../review/review.providers';
import { ReviewsController } from '../review/reviews.controller';
import { AUTH_API_PROVIDERS } from '../auth/auth.providers';
import { CAPTURE_API_PROVIDERS } from '../capture/capture.providers';
import { CaptureIntegrityService } from '../capture/capture-integrity.service';
import { CapturePageController } from '../capture/capture-page.controller';
import { CaptureSessionsController } from '../capture/capture-sessions.controller';
import { CompareFacesController } from '../facematch-api/compare-faces.controller';
import { LivenessVerifyController } from '../liveness-api/liveness-verify.controller';
import { SESSION_API_PROVIDERS } from '../sessions/sessions.providers';
import { SessionsController } from '../sessions/sessions.controller';
import { WebhookDeliveriesController } from '../webhooks/webhook-deliveries.controller';

/** The HTTP surface (role api or all). */
@Module({
  controllers: [RunsController, JourneysController, HealthController, ReviewsController, ReviewEvidenceController, ReviewPageController, SessionsController, WebhookDeliveriesController, LivenessVerifyController, CompareFacesController, CaptureSessionsController, CapturePageController],
  providers: [
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    ...REVIEW_API_PROVIDERS,
    ...AUTH_API_PROVIDERS,
    ...SESSION_API_PROVIDERS,
    ...CAPTURE_API_PROVIDERS,
    {
      provide: RunsService,
      inject: [APP_CONFIG, CATALOG, RunRepository, EvidenceStore, IdempotencyStore, RunEvents, RunAdvancer, CaptureIntegrityService],
      useFactory: (c: AppConfig, cat: Catalog, runs: RunRepository, ev: EvidenceStore, idem: IdempotencyStore, events: RunEvents, adv: RunAdvancer, capture: CaptureIntegrityService) =>
        new RunsService(c, cat, runs, ev, idem, events, adv, capture),
    },
  ],
})
export class ApiModule {}
