import { randomBytes, randomUUID } from 'node:crypto';
import type { Integration } from '../auth/integration';
import type { IntegrationRegistry } from '../auth/integration-registry';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import type { CreateRunDto } from '../runs/dto/create-run.dto';
import type { RunsService } from '../runs/runs.service';
import { generateSessionKeyPair } from './capture-crypto';
import { ENVELOPE_ALG, parseEnvelope } from './capture-envelope';
import type { CaptureIntegrityService } from './capture-integrity.service';
import type { CaptureSession } from './capture-session';
import type { CaptureSessionRepository } from './capture-session.repository';
import { newCaptureToken, tokenMatches, tokenSessionId } from './capture-token';
import type { CaptureSubmitDto, CreateCaptureSessionDto } from './dto/capture-session.dto';

/** The frame the page and SDK capture is at most this long on its long side. */
export const CAPTURE_MAX_SIDE = 1280;

/** What the page and the SDK need to seal a capture for a session (no secret in it). */
export interface CaptureSessionInfo {
  sessionId: string;
  nonce: string;
  publicKey: string;
  alg: string;
  expiresAt: string;
  /** The server's clock (ms): the SDK stamps captures with server time, not the device's. */
  serverTime: number;
  maxSide: number;
}

/** Capture sessions: created by integrators, opened and submitted by the token bearer. */
export class CaptureSessionsService {
  constructor(
    private readonly config: AppConfig,
    private readonly catalog: Catalog,
    private readonly sessions: CaptureSessionRepository,
    private readonly integrity: CaptureIntegrityService,
    private readonly registry: IntegrationRegistry,
    private readonly runs: RunsService,
  ) {}

  async create(dto: CreateCaptureSessionDto, integration: Integration) {
    const journey = this.catalog.resolve(dto.resourceId);
    if (!journey) throw new ApiError(404, 'JOURNEY_NOT_FOUND', `no journey "${dto.resourceId}"`);
    if (!this.integrity.takesEncrypted(journey)) throw new ApiError(422, 'JOURNEY_TAKES_PLAIN_SELFIES', `journey ${journey.id}@${journey.version} does not take encrypted selfies; post the selfie to /v1/runs instead`);
    if (dto.callbackUrl !== undefined && !integration.secret) throw new ApiError(422, 'CALLBACK_NEEDS_SECRET', 'callbackUrl needs an integration with an HMAC secret (secretEnv) to sign its webhook events');
    const ttlSeconds = Math.min(dto.expiresInSeconds ?? this.config.capture.sessionTtlSeconds, this.config.capture.maxSessionTtlSeconds);
    const id = randomUUID();
    const { token, tokenHash } = newCaptureToken(id);
    const keys = generateSessionKeyPair();
    const now = Date.now();
    const session: CaptureSession = {
      id,
      tokenHash,
      journeyId: journey.id,
      // Pinned: a journey edited while the end user captures must not change what the capture is for.
      resourceId: `${journey.id}@${journey.version}`,
      integrationId: integration.id,
      subjectReference: dto.subjectReference ?? null,
      callbackUrl: dto.callbackUrl ?? null,
      vendorData: dto.vendorData ?? null,
      nonce: randomBytes(16).toString('base64url'),
      publicKey: keys.publicKey,
      createdAtMs: now,
      expiresAtMs: now + ttlSeconds * 1000,
      state: 'open',
      runId: null,
    };
    await this.sessions.create(session, keys.privateKey);
    const capturePath = `/capture/${token}`;
    return {
      id,
      token,
      captureUrl: `${this.config.capture.publicBaseUrl}${capturePath}`,
      expiresAt: new Date(session.expiresAtMs).toISOString(),
      resourceId: session.resourceId,
      subjectReference: session.subjectReference,
      nonce: session.nonce,
      publicKey: { kty: 'EC', crv: 'P-256', format: 'raw', key: session.publicKey },
      alg: ENVELOPE_ALG,
      serverTime: now,
    };
  }

  /** GET /v1/capture-sessions/:id: state and run, for the integration that created it. */
  async status(id: string, integration: Integration) {
    const session = await this.sessions.get(id);
    if (!session || session.integrationId !== integration.id) throw new ApiError(404, 'CAPTURE_SESSION_NOT_FOUND', 'no such capture session');
    const expired = session.state === 'open' && Date.now() > session.expiresAtMs;
    return { id, state: expired ? 'expired' : session.state, runId: session.runId, resourceId: session.resourceId, expiresAt: new Date(session.expiresAtMs).toISOString() };
  }

  /** GET /capture/:token/session: the sealing parameters, while the session is open. */
  async info(token: string): Promise<CaptureSessionInfo> {
    const session = await this.byToken(token);
    if (session.state === 'used') throw new ApiError(409, 'CAPTURE_SESSION_USED', 'this capture link was already used');
    return { sessionId: session.id, nonce: session.nonce, publicKey: session.publicKey, alg: ENVELOPE_ALG, expiresAt: new Date(session.expiresAtMs).toISOString(), serverTime: Date.now(), maxSide: CAPTURE_MAX_SIDE };
  }

  /**
   * POST /capture/:token/submit: creates the session's run as the integration that created the
   * session. A second submission is not refused here: it becomes a run whose injectionAttack is
   * Not Live (SESSION_ALREADY_USED), so the integrator sees the replay.
   */
  async submit(token: string, dto: CaptureSubmitDto, ip: string | null): Promise<{ runId: string; status: 'submitted' }> {
    const session = await this.byToken(token);
    const envelope = parseEnvelope(Buffer.from(dto.selfieImage, 'base64'), 'selfieImage');
    if (envelope.sessionId !== session.id) throw new ApiError(400, 'CAPTURE_ENVELOPE_SESSION_MISMATCH', 'the envelope was sealed for another capture session than this link');
    const integration = session.integrationId ? this.registry.byId(session.integrationId) : null;
    if (session.integrationId && !integration) throw new ApiError(410, 'CAPTURE_SESSION_EXPIRED', 'the integration that created this capture session no longer exists');
    const run = {
      resourceId: session.resourceId,
      context: { subject: { biometrics: [{ selfieImageEncryption: true, selfieImage: dto.selfieImage }], ...(session.subjectReference ? { reference: session.subjectReference } : {}) } },
      ...(session.callbackUrl ? { callbackUrl: session.callbackUrl } : {}),
      ...(session.vendorData ? { vendorData: session.vendorData } : {}),
    } as CreateRunDto;
    const created = await this.runs.create(run, undefined, undefined, { integration, ip });
    return { runId: created.runId, status: 'submitted' };
  }

  private async byToken(token: string): Promise<CaptureSession> {
    const id = tokenSessionId(token);
    const session = id ? await this.sessions.get(id) : null;
    if (!session || !tokenMatches(token, session.tokenHash)) throw new ApiError(404, 'CAPTURE_SESSION_NOT_FOUND', 'this capture link is not valid');
    if (session.state === 'open' && Date.now() > session.expiresAtMs) throw new ApiError(410, 'CAPTURE_SESSION_EXPIRED', 'this capture link has expired; ask for a new one');
    return session;
  }
}
