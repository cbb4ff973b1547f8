import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Integration } from '../auth/integration';
import type { AppConfig } from '../config/app-config';
import type { Catalog } from '../catalog/catalog';
import { ApiError } from '../http/api-error';
import type { CreateRunDto } from '../runs/dto/create-run.dto';
import { intakeImage } from '../runs/image-intake';
import type { RunRepository } from '../runs/run.repository';
import type { RunsService } from '../runs/runs.service';
import { decisionView } from './decision.view';
import type { CreateSessionDto, SessionMediaDto } from './dto/session.dto';
import { isOpen, Session } from './session';
import { sessionDecision, sessionSubject } from './session-decision';
import { SESSION_EXPIRY_JOB, SessionExpiryJobData, sessionExpiryJobOptions } from './session-expiry.queue';
import type { SessionRepository } from './session.repository';

/**
 * Veriff-style sessions (seeds 000 and 004) on top of runs: a session collects a face image and,
 * when submitted, creates a run through RunsService, so validation, idempotency and webhooks are
 * the same as for POST /v1/runs.
 */
export class SessionsService {
  constructor(
    private readonly config: AppConfig,
    private readonly catalog: Catalog,
    private readonly sessions: SessionRepository,
    private readonly runsService: RunsService,
    private readonly runs: RunRepository,
    private readonly expiryQueue: Queue,
  ) {}

  async create(dto: CreateSessionDto, integration: Integration, ip: string | null) {
    if (dto.resourceId && dto.journey && dto.resourceId !== dto.journey) throw new ApiError(400, 'VALIDATION_FAILED', 'resourceId and journey name different journeys; send one');
    const resourceId = dto.resourceId ?? dto.journey;
    if (!resourceId) throw new ApiError(400, 'VALIDATION_FAILED', 'resourceId (or journey) is required: the journey the session runs');
    const journey = this.catalog.resolve(resourceId);
    if (!journey) throw new ApiError(404, 'JOURNEY_NOT_FOUND', `no journey "${resourceId}"`);
    if (dto.verification.callback !== undefined && !integration.secret) {
      throw new ApiError(422, 'CALLBACK_NEEDS_SECRET', 'verification.callback needs an integration with an HMAC secret (secretEnv) to sign its webhook events');
    }
    const now = new Date();
    const ttlMs = this.config.surface.sessions.ttlSeconds * 1000;
    const session: Session = {
      id: randomUUID(),
      integrationId: integration.id,
      resourceId,
      vendorData: dto.verification.vendorData ?? null,
      endUserId: dto.verification.endUserId ?? null,
      callbackUrl: dto.verification.callback ?? null,
      status: 'created',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      submittedAt: null,
      endedAt: null,
      runId: null,
      media: [],
      ip,
    };
    if (!(await this.sessions.compareAndSet(session, 0))) throw new Error(`session id collision ${session.id}`);
    const data: SessionExpiryJobData = { sessionId: session.id };
    await this.expiryQueue.add(SESSION_EXPIRY_JOB, data, sessionExpiryJobOptions(session.id, ttlMs));
    return this.sessionBody(session);
  }

  async addMedia(id: string, dto: SessionMediaDto, integration: Integration) {
    const { session, version } = await this.openSession(id, integration);
    const bytes = intakeImage(dto.image.content, 'image.content', {
      maxBytes: this.config.maxImageBytes,
      maxPixels: this.config.maxImagePixels,
      minSide: this.config.minImageSide,
    });
    const media = { id: randomUUID(), context: dto.image.context, mimetype: mimetypeOf(bytes), size: bytes.length, timestamp: dto.image.timestamp ?? new Date().toISOString() };
    await this.sessions.putMedia(id, media.context, bytes, Math.ceil((Date.parse(session.expiresAt) - Date.now()) / 1000) + 60);
    // The newest face image replaces earlier ones, as a retake does.
    const updated: Session = { ...session, status: 'started', media: [...session.media.filter((m) => m.context !== media.context), media] };
    if (!(await this.sessions.compareAndSet(updated, version))) throw new ApiError(409, 'SESSION_CHANGED', 'the session changed during the upload (submitted or expired); read it again');
    return { status: 'success', image: { id: media.id, name: media.context, context: media.context, timestamp: media.timestamp, size: media.size, mimetype: media.mimetype } };
  }

  /** PATCH { verification: { status: "submitted" } }: starts the run. Submitting twice returns the same session. */
  async submit(id: string, integration: Integration) {
    const stored = await this.owned(id, integration);
    if (stored.session.status === 'submitted') return this.sessionBody(stored.session);
    const { session, version } = await this.openSession(id, integration);
    const face = await this.sessions.getMedia(id, 'face');
    if (!face || !session.media.some((m) => m.context === 'face')) throw new ApiError(422, 'SESSION_MEDIA_MISSING', 'upload a face image (POST /v1/sessions/:id/media, context "face") before submitting');
    const dto = {
      resourceId: session.resourceId,
      context: { subject: { biometrics: [{ selfieImage: face.toString('base64') }] } },
      ...(session.callbackUrl ? { callbackUrl: session.callbackUrl } : {}),
      ...(session.vendorData !== null ? { vendorData: session.vendorData } : {}),
      ...(session.endUserId !== null ? { endUserId: session.endUserId } : {}),
    } as CreateRunDto;
    // The idempotency key makes a racing second submit get the same run instead of a second one.
    const created = await this.runsService.create(dto, undefined, `session.${id}`, { integration, sessionId: id, acceptedAt: session.createdAt, ip: session.ip });
    const submitted: Session = { ...session, status: 'submitted', submittedAt: new Date().toISOString(), runId: created.runId };
    if (!(await this.sessions.compareAndSet(submitted, version))) {
      const again = await this.owned(id, integration);
      if (again.session.status !== 'submitted') throw new ApiError(409, 'SESSION_CHANGED', `the session became ${again.session.status} while it was submitted`);
      return this.sessionBody(again.session);
    }
    await this.sessions.deleteMedia(id, 'face');
    return this.sessionBody(submitted);
  }

  /** Seed 004's GET /v1/sessions/:id/decision. */
  async decision(id: string, integration: Integration) {
    const { session } = await this.owned(id, integration);
    const run = session.runId ? (await this.runs.get(session.runId))?.run ?? null : null;
    return decisionView(sessionSubject(session), sessionDecision(session, run?.decision ?? null, new Date()));
  }

  private sessionBody(session: Session) {
    return {
      status: 'success',
      verification: {
        id: session.id,
        url: `${this.config.surface.sessions.captureUrlBase}/${session.id}`,
        vendorData: session.vendorData,
        endUserId: session.endUserId,
        status: session.status,
        resourceId: session.resourceId,
        expiresAt: session.expiresAt,
        attemptId: session.runId,
      },
    };
  }

  /** Another integration's session is reported as missing, not forbidden, so ids cannot be probed. */
  private async owned(id: string, integration: Integration) {
    const stored = await this.sessions.get(id);
    if (!stored || stored.session.integrationId !== integration.id) throw new ApiError(404, 'SESSION_NOT_FOUND', `no session ${id}`);
    return stored;
  }

  private async openSession(id: string, integration: Integration) {
    const stored = await this.owned(id, integration);
    const { session } = stored;
    if (session.status === 'submitted') throw new ApiError(409, 'SESSION_ALREADY_SUBMITTED', `session ${id} was already submitted`);
    if (!isOpen(session) || Date.now() >= Date.parse(session.expiresAt)) throw new ApiError(410, 'SESSION_EXPIRED', `session ${id} expired at ${session.expiresAt}`);
    return stored;
  }
}

function mimetypeOf(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  return 'application/octet-stream';
}
