import { createHash, randomUUID } from 'node:crypto';
import type { Integration } from '../auth/integration';
import type { AppConfig } from '../config/app-config';
import type { Catalog } from '../catalog/catalog';
import type { RunOrigin } from '../engine/run';
import { startRun } from '../engine/run-transitions';
import type { RunAdvancer } from '../execution/run-advancer';
import { ApiError } from '../http/api-error';
import type { CreateRunDto } from './dto/create-run.dto';
import type { EncryptedSelfieOpener } from './encrypted-selfie-opener';
import type { EvidenceStore } from './evidence.store';
import type { IdempotencyStore } from './idempotency.store';
import { intakeImages } from './image-intake';
import type { RunEvents } from './run-events';
import type { RunRepository } from './run.repository';
import { runView, RunViewBody } from './run.view';

export interface CreatedRun {
  runId: string;
  status: string;
  resourceId: string;
  /** True when an Idempotency-Key replay returned an existing run. */
  replayed: boolean;
}

/** Who is creating the run: the authenticated integration, and the session it comes from, if any. */
export interface RunCreator {
  integration: Integration | null;
  sessionId?: string;
  /** When the session was created; defaults to now. */
  acceptedAt?: string;
  ip?: string | null;
}

/** Creating and reading runs: the HTTP side of the engine. */
export class RunsService {
  constructor(
    private readonly config: AppConfig,
    private readonly catalog: Catalog,
    private readonly runs: RunRepository,
    private readonly evidence: EvidenceStore,
    private readonly idempotency: IdempotencyStore,
    private readonly events: RunEvents,
    private readonly advancer: RunAdvancer,
    /** src/capture; absent, every encrypted selfie is refused. */
    private readonly encryptedSelfies?: EncryptedSelfieOpener,
  ) {}

  async create(dto: CreateRunDto, rawBody: Buffer | undefined, idempotencyKey: string | undefined, creator: RunCreator = { integration: null }): Promise<CreatedRun> {
    const journey = this.catalog.resolve(dto.resourceId);
    if (!journey) throw new ApiError(404, 'JOURNEY_NOT_FOUND', `no journey "${dto.resourceId}"; known: ${this.catalog.listJourneys().map((j) => `${j.id}@${j.version}`).join(', ')}`);
    const encrypted = dto.context.subject.biometrics.some((b) => b.selfieImageEncryption === true);
    const takesEncrypted = this.encryptedSelfies?.takesEncrypted(journey) ?? false;
    if (encrypted && !takesEncrypted) throw new ApiError(422, 'ENCRYPTED_SELFIE_NOT_ACCEPTED', `journey ${journey.id}@${journey.version} takes plain selfies; encrypted selfies go through a capture session`);
    // Such a journey judges how the selfie was captured; a plain one would skip that judgement.
    if (!encrypted && takesEncrypted) throw new ApiError(422, 'ENCRYPTED_SELFIE_REQUIRED', `journey ${journey.id}@${journey.version} takes only encrypted selfies from a capture session (selfieImageEncryption: true); see POST /v1/capture-sessions`);
    // Webhook events are signed with the integration's secret; an unsigned callback would be forgeable.
    if (dto.callbackUrl !== undefined && !creator.integration?.secret) {
      throw new ApiError(422, 'CALLBACK_NEEDS_SECRET', 'callbackUrl needs an integration with an HMAC secret (secretEnv) to sign its webhook events');
    }
    const origin: RunOrigin = {
      integrationId: creator.integration?.id ?? null,
      callbackUrl: dto.callbackUrl ?? null,
      vendorData: dto.vendorData ?? null,
      endUserId: dto.endUserId ?? null,
      sessionId: creator.sessionId ?? null,
      acceptedAt: creator.acceptedAt ?? new Date().toISOString(),
      ip: creator.ip ?? null,
    };
    let { context, images } = intakeImages(dto.context as unknown as Record<string, unknown>, {
      maxBytes: this.config.maxImageBytes,
      maxPixels: this.config.maxImagePixels,
      minSide: this.config.minImageSide,
    });

    const runId = randomUUID();
    if (idempotencyKey !== undefined) {
      if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(idempotencyKey)) throw new ApiError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1-200 characters of letters, digits, _ . : -');
      const bodyHash = createHash('sha256').update(rawBody ?? JSON.stringify(dto)).digest('hex');
      // Keys are per integration: two integrators may both send "order-42".
      const claim = await this.idempotency.claim(this.idempotencyScope(creator, idempotencyKey), bodyHash, runId);
      if (claim.kind === 'conflict') throw new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request body', { runId: claim.runId });
      if (claim.kind === 'replay') {
        const existing = await this.runs.get(claim.runId);
        return { runId: claim.runId, status: existing?.run.status ?? 'running', resourceId: dto.resourceId, replayed: true };
      }
    }
    try {
      // After the idempotency claim: opening consumes the capture session, so a retried request must replay, not reopen.
      if (encrypted && this.encryptedSelfies) ({ context, images } = await this.encryptedSelfies.open(journey, { context, images }, creator.integration, runId));
      for (const [name, bytes] of images) await this.evidence.put(runId, name, bytes);
      const now = new Date().toISOString();
      const transition = startRun({ id: runId, resourceId: dto.resourceId, journey, context, modules: (id) => this.catalog.module(id), now, origin });
      if (!(await this.advancer.commit(transition, 0))) throw new Error(`run id collision ${runId}`);
      return { runId, status: transition.run.status, resourceId: dto.resourceId, replayed: false };
    } catch (err) {
      if (idempotencyKey !== undefined) await this.idempotency.release(this.idempotencyScope(creator, idempotencyKey));
      throw err;
    }
  }

  private idempotencyScope(creator: RunCreator, key: string): string {
    return `${creator.integration?.id ?? '-'}:${key}`;
  }

  /**
   * Reads a run, waiting up to `waitMs` for it to leave `running`. An integration sees only the
   * runs it created (others are 404, not 403, so run ids cannot be probed); reviewer keys see all.
   */
  async get(runId: string, waitMs: number, reader: Integration | null = null): Promise<RunViewBody> {
    const read = async () => {
      const stored = await this.runs.get(runId);
      if (!stored || !mayRead(reader, stored.run.origin?.integrationId ?? null)) throw new ApiError(404, 'RUN_NOT_FOUND', `no run ${runId}`);
      return stored.run;
    };
    let run = await read();
    const deadline = Date.now() + Math.min(waitMs, this.config.maxWaitMs);
    while (run.status === 'running' && Date.now() < deadline) {
      await this.events.waitForChange(runId, deadline - Date.now(), async () => (await read()).status === 'running');
      run = await read();
    }
    return runView(run);
  }
}

function mayRead(reader: Integration | null, owner: string | null): boolean {
  if (!reader || owner === null) return true;
  return reader.id === owner || reader.scopes.includes('reviews:decide');
}
