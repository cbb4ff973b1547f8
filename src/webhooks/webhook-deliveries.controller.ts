import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { integrationOf } from '../auth/request-integration';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { ApiError } from '../http/api-error';
import { DeliveryRecord, DeliveryStatus, WebhookDeliveryStore } from './webhook-delivery.store';
import { WebhookProducer } from './webhook.producer';

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** An integration's own webhook deliveries: list (e.g. `?status=failed`), inspect, resend. */
@Controller('v1/webhook-deliveries')
@RequireScopes('decisions:read')
export class WebhookDeliveriesController {
  constructor(
    @Inject(WebhookDeliveryStore) private readonly store: WebhookDeliveryStore,
    @Inject(WebhookProducer) private readonly producer: WebhookProducer,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Query('status') status?: string, @Query('limit') limit?: string) {
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw new ApiError(400, 'INVALID_STATUS', `status must be one of ${STATUSES.join(', ')}`);
    const max = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(max) || max < 1 || max > 500) throw new ApiError(400, 'INVALID_LIMIT', 'limit must be an integer from 1 to 500');
    const records = await this.store.list(integrationOf(req).id, status as DeliveryStatus | undefined, max);
    return { deliveries: records.map(summary) };
  }

  @Get(':id')
  async get(@Req() req: AuthenticatedRequest, @Param('id') id: string) {
    const record = await this.store.get(id);
    if (!record || record.integrationId !== integrationOf(req).id) throw new ApiError(404, 'WEBHOOK_DELIVERY_NOT_FOUND', `no webhook delivery ${id}`);
    return { ...summary(record), event: JSON.parse(record.body) as unknown };
  }

  @Post(':id/resend')
  @HttpCode(202)
  async resend(@Req() req: AuthenticatedRequest, @Param('id') id: string) {
    return summary(await this.producer.resend(integrationOf(req).id, id));
  }
}

function summary(r: DeliveryRecord) {
  return {
    eventId: r.eventId,
    type: r.type,
    url: r.url,
    runId: r.runId,
    sessionId: r.sessionId,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    resends: r.resends,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
