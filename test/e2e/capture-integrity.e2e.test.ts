/**
 * e2e with the real models: capture sessions and encrypted selfies through HTTP, Redis and the
 * workers (journey selfie-liveness-iad). Envelopes are sealed in Node with the same crypto as
 * capture-sdk.js, so replays, tampering and lying metadata can be tested directly.
 */
import type Redis from 'ioredis';
import { api } from '../support/api-client';
import { envelopeOf, expectedOutcome, sealForSession, CreatedCaptureSession } from '../support/capture-seal';
import { describeWithImages, evalImage } from '../support/eval-images';
import { withBrightness } from '../support/image-variants';
import { livenessModelsAvailable } from '../support/models-dir';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

type Step = { outcome: string; reason: string | null; capabilities: Record<string, unknown> };
type RunBody = { status: string; decision: { status: string; reasonCode: number | null } | null; steps: Step[] };

const JOURNEY = 'selfie-liveness-iad';
const describeReal = livenessModelsAvailable ? describeWithImages : describe.skip;
if (!livenessModelsAvailable) process.stdout.write('SKIP: capture integrity e2e: no MiniFASNet models (LIVENESS_MODELS_DIR)\n');

describeReal('liveness with injection attack detection (capture sessions, real models)', () => {
  const prefix = uniquePrefix('capture');
  let service: ServiceProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = testRedis();
    service = await startService({ prefix });
  });

  afterAll(async () => {
    await service?.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  async function session(extra: Record<string, unknown> = {}): Promise<CreatedCaptureSession> {
    const res = await api<CreatedCaptureSession>(service.url, 'POST', '/v1/capture-sessions', { resourceId: JOURNEY, subjectReference: 'subject-42', ...extra });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function submit(envelope: string): Promise<{ run: RunBody; step: Step }> {
    const created = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', { resourceId: JOURNEY, context: { subject: { biometrics: [{ selfieImageEncryption: true, selfieImage: envelope }] } } });
    expect(created.status).toBe(202);
    const run = (await api<RunBody>(service.url, 'GET', `/v1/runs/${created.body.runId}?waitMs=30000`)).body;
    expect(run.steps).toHaveLength(1);
    const step = run.steps[0] as Step;
    // Every run follows seed 001's table.
    expect(step.outcome).toBe(expectedOutcome(step.capabilities.faceLiveness, step.capabilities.injectionAttack));
    return { run, step };
  }

  it('a genuine capture is Live/Live -> Success, approved; replaying its ciphertext is Not Live (session used)', async () => {
    const s = await session();
    expect(s.token).toMatch(new RegExp(`^${s.id}\\.`));
    const { envelope } = sealForSession(s, evalImage('live/deepface_img1.jpg'));
    const first = await submit(envelope);
    expect(first.step.capabilities).toMatchObject({ faceLiveness: 'Live', injectionAttack: 'Live', injectionReasons: [] });
    expect(Number(first.step.capabilities.livenessScore)).toBeGreaterThanOrEqual(75);
    expect(first.step.outcome).toBe('Success');
    expect(first.run.decision?.status).toBe('approved');
    const status = await api<{ state: string; runId: string }>(service.url, 'GET', `/v1/capture-sessions/${s.id}`);
    expect(status.body.state).toBe('used');

    const replay = await submit(envelope);
    expect(replay.step.capabilities).toMatchObject({ injectionAttack: 'Not Live', injectionReasons: ['SESSION_ALREADY_USED'], faceLiveness: 'Error' });
    expect(replay.run.decision).toMatchObject({ status: 'resubmission_requested', reasonCode: 605 });
  });

  it('tampered ciphertext or associated data -> Not Live (DECRYPTION_FAILED)', async () => {
    const a = await session();
    const sealedA = sealForSession(a, evalImage('live/deepface_img2.jpg'));
    const ct = Buffer.from(sealedA.parts.ct as string, 'base64url');
    ct[100] = (ct[100] ?? 0) ^ 0x01;
    const tamperedCt = await submit(envelopeOf({ ...sealedA.parts, ct: ct.toString('base64url') }));
    expect(tamperedCt.step.capabilities).toMatchObject({ injectionAttack: 'Not Live', injectionReasons: ['DECRYPTION_FAILED'] });

    const b = await session();
    const sealedB = sealForSession(b, evalImage('live/deepface_img16.jpg'));
    const aad = JSON.parse(Buffer.from(sealedB.parts.aad as string, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...aad, cameraLabel: 'FaceTime HD Camera' })).toString('base64url');
    const tamperedAad = await submit(envelopeOf({ ...sealedB.parts, aad: forged }));
    expect(tamperedAad.step.capabilities).toMatchObject({ injectionAttack: 'Not Live', injectionReasons: ['DECRYPTION_FAILED'] });
  });

  it('an expired session is a clear 410 at both entrances, and no run is created', async () => {
    const s = await session({ expiresInSeconds: 1 });
    await new Promise((r) => setTimeout(r, 1500));
    const { envelope } = sealForSession(s, evalImage('live/deepface_img20.jpg'));
    const viaRuns = await api(service.url, 'POST', '/v1/runs', { resourceId: JOURNEY, context: { subject: { biometrics: [{ selfieImageEncryption: true, selfieImage: envelope }] } } });
    expect(viaRuns.status).toBe(410);
    expect(viaRuns.body.code).toBe('CAPTURE_SESSION_EXPIRED');
    const page = await fetch(`${service.url}/capture/${s.token}/session`);
    expect(page.status).toBe(410);
    expect(((await page.json()) as { code: string }).code).toBe('CAPTURE_SESSION_EXPIRED');
  });

  it('the same image in a second session is EXACT_DUPLICATE; a re-encoded copy is NEAR_DUPLICATE', async () => {
    const image = evalImage('live/deepface_img21.jpg');
    const first = await submit(sealForSession(await session(), image).envelope);
    expect(first.step.capabilities.injectionReasons).toEqual([]);
    const second = await submit(sealForSession(await session(), image).envelope);
    expect(second.step.capabilities).toMatchObject({ injectionAttack: 'Not Live', injectionReasons: ['EXACT_DUPLICATE'] });
    const brighter = await withBrightness(image, 1.04);
    const third = await submit(sealForSession(await session(), brighter).envelope);
    expect(third.step.capabilities).toMatchObject({ injectionAttack: 'Not Live', injectionReasons: ['NEAR_DUPLICATE'] });
  });

  it('a virtual camera label is Not Live; with a live face that is Review', async () => {
    const { step, run } = await submit(sealForSession(await session(), evalImage('live/deepface_img3.jpg'), { cameraLabel: 'OBS Virtual Camera' }).envelope);
    expect(step.capabilities).toMatchObject({ injectionAttack: 'Not Live', injectionReasons: ['VIRTUAL_CAMERA'] });
    if (step.capabilities.faceLiveness === 'Live') expect(run.decision?.status).toBe('review');
  });

  it('a spoof with a wrong nonce, an old timestamp and a wrong frame size: every reason, Not Live/Not Live -> Fail, declined 503', async () => {
    const s = await session();
    const { envelope } = sealForSession(s, evalImage('spoof/ashish_2.jpg'), { nonce: 'AAAAAAAAAAAAAAAAAAAAAA', capturedAt: new Date(Date.now() - 600_000).toISOString(), width: 1281 });
    const { step, run } = await submit(envelope);
    expect(step.capabilities).toMatchObject({ faceLiveness: 'Not Live', injectionAttack: 'Not Live' });
    expect(step.capabilities.injectionReasons).toEqual(expect.arrayContaining(['NONCE_MISMATCH', 'CAPTURE_TIME_OUTSIDE_WINDOW', 'FRAME_SIZE_MISMATCH']));
    expect(step.outcome).toBe('Fail');
    expect(run.decision).toMatchObject({ status: 'declined', reasonCode: 503 });
  });

  it('input errors: plain selfie to this journey, encrypted selfie elsewhere, malformed envelope, session for a plain journey', async () => {
    const plain = await api(service.url, 'POST', '/v1/runs', { resourceId: JOURNEY, context: { subject: { biometrics: [{ selfieImage: evalImage('live/deepface_img1.jpg').toString('base64') }] } } });
    expect([plain.status, plain.body.code]).toEqual([422, 'ENCRYPTED_SELFIE_REQUIRED']);
    const { envelope } = sealForSession(await session(), evalImage('live/deepface_img1.jpg'));
    const elsewhere = await api(service.url, 'POST', '/v1/runs', { resourceId: 'selfie-liveness', context: { subject: { biometrics: [{ selfieImageEncryption: true, selfieImage: envelope }] } } });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([422, 'ENCRYPTED_SELFIE_NOT_ACCEPTED']);
    const garbage = await api(service.url, 'POST', '/v1/runs', { resourceId: JOURNEY, context: { subject: { biometrics: [{ selfieImageEncryption: true, selfieImage: evalImage('live/deepface_img1.jpg').toString('base64') }] } } });
    expect([garbage.status, garbage.body.code]).toEqual([400, 'CAPTURE_ENVELOPE_INVALID']);
    const forged = await api(service.url, 'POST', '/v1/runs', { resourceId: JOURNEY, context: { subject: { biometrics: [{ selfieImageEncryption: true, selfieImage: envelope, captureIntegrity: { v: 1, reasons: [], errors: [] } }] } } });
    expect([forged.status, forged.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const wrongJourney = await api(service.url, 'POST', '/v1/capture-sessions', { resourceId: 'selfie-liveness' });
    expect([wrongJourney.status, wrongJourney.body.code]).toEqual([422, 'JOURNEY_TAKES_PLAIN_SELFIES']);
    const unknownSession = await submit(envelopeOf({ ...JSON.parse(Buffer.from(envelope, 'base64').toString()), sessionId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownSession.step.capabilities).toMatchObject({ injectionAttack: 'Not Live', injectionReasons: ['SESSION_UNKNOWN'] });
  });
});
