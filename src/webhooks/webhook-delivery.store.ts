import type Redis from 'ioredis';
import type { RedisKeys } from '../redis/redis-keys';
import type { WebhookEventType } from './webhook-event';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event's delivery to one URL: what was sent, and how it went. */
export interface DeliveryRecord {
  eventId: string;
  integrationId: string;
  type: WebhookEventType;
  url: string;
  runId: string | null;
  sessionId: string | null;
  /** The exact JSON body; resends send the same bytes (signed with a fresh timestamp). */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt, or null when it got no response. */
  lastStatusCode: number | null;
  lastError: string | null;
  resends: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Delivery records in Redis: one JSON value per event, plus a per-integration index (sorted by
 * creation time) for listing. Both expire after the retention period.
 */
export class WebhookDeliveryStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly retentionSeconds: number,
  ) {}

  /** Stores a new record; false when the event was already recorded (a re-applied decision). */
  async create(record: DeliveryRecord): Promise<boolean> {
    const created = await this.redis.set(this.keys.webhookDelivery(record.eventId), JSON.stringify(record), 'EX', this.retentionSeconds, 'NX');
    if (created !== 'OK') return false;
    const index = this.keys.webhookDeliveries(record.integrationId);
    await this.redis
      .multi()
      .zadd(index, Date.parse(record.createdAt), record.eventId)
      .zremrangebyscore(index, '-inf', Date.now() - this.retentionSeconds * 1000)
      .expire(index, this.retentionSeconds)
      .exec();
    return true;
  }

  async get(eventId: string): Promise<DeliveryRecord | null> {
    const raw = await this.redis.get(this.keys.webhookDelivery(eventId));
    return raw ? (JSON.parse(raw) as DeliveryRecord) : null;
  }

  /** Applies `change` to the record (one writer per event at a time: the job holding its lock, or a resend). */
  async update(eventId: string, change: Partial<Omit<DeliveryRecord, 'eventId' | 'integrationId' | 'body'>>): Promise<DeliveryRecord | null> {
    const current = await this.get(eventId);
    if (!current) return null;
    const next: DeliveryRecord = { ...current, ...change, updatedAt: new Date().toISOString() };
    await this.redis.set(this.keys.webhookDelivery(eventId), JSON.stringify(next), 'KEEPTTL');
    return next;
  }

  /** The integration's most recent deliveries, newest first, optionally only those with `status`. */
  async list(integrationId: string, status: DeliveryStatus | undefined, limit: number): Promise<DeliveryRecord[]> {
    const ids = await this.redis.zrevrange(this.keys.webhookDeliveries(integrationId), 0, 999);
    const out: DeliveryRecord[] = [];
    for (let i = 0; i < ids.length && out.length < limit; i += 100) {
      const batch = ids.slice(i, i + 100);
      const raws = batch.length > 0 ? await this.redis.mget(...batch.map((id) => this.keys.webhookDelivery(id))) : [];
      for (const raw of raws) {
        if (!raw) continue;
        const record = JSON.parse(raw) as DeliveryRecord;
        if (status === undefined || record.status === status) out.push(record);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}
