import type { Run } from '../engine/run';
import type { IntegrationRegistry } from '../auth/integration-registry';
import type { RunListener } from '../execution/run-advancer';
import { runWebhookEvent, WebhookEventType } from './webhook-event';
import type { WebhookProducer } from './webhook.producer';

/**
 * Turns run transitions into webhook events: every decision (automatic, manual, expiry) and every
 * review-required. The receiver is the run's `callbackUrl`, else its integration's `webhookUrl`.
 * Runs without either (or without an integration) send nothing.
 */
export class WebhookNotifier implements RunListener {
  constructor(
    private readonly producer: WebhookProducer,
    private readonly registry: IntegrationRegistry,
  ) {}

  async onDecided(run: Run): Promise<void> {
    await this.notify(run, 'decision');
  }

  async onReviewRequired(run: Run): Promise<void> {
    await this.notify(run, 'review-required');
  }

  /** The URL events of an integration's run (or session) go to, or null when nobody listens. */
  targetFor(integrationId: string | null, callbackUrl: string | null): { integrationId: string; url: string } | null {
    if (!integrationId) return null;
    const integration = this.registry.byId(integrationId);
    const url = callbackUrl ?? integration?.webhookUrl ?? null;
    return integration && url ? { integrationId, url } : null;
  }

  private async notify(run: Run, type: WebhookEventType): Promise<void> {
    const target = this.targetFor(run.origin?.integrationId ?? null, run.origin?.callbackUrl ?? null);
    if (!target) return;
    const event = runWebhookEvent(run, type, new Date().toISOString());
    if (event) await this.producer.publish(event, target);
  }
}
