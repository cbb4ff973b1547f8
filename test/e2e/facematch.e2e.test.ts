/**
 * e2e with the real models: the KYC journey (liveness -> facematch) through HTTP, Redis and the
 * workers, and the synchronous compare-faces call. Pairs come from deepface's labelled pairs.
 */
import type Redis from 'ioredis';
import { api } from '../support/api-client';
import { describeWithImages, evalImage } from '../support/eval-images';
import { livenessModelsAvailable } from '../support/models-dir';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

type RunBody = { status: string; decision: { status: string; code: number; reasonCode: number | null } | null; steps: { stepId: string; outcome: string; reason: string | null; capabilities: Record<string, unknown> }[] };

const b64 = (file: string) => evalImage(file).toString('base64');
const describeReal = livenessModelsAvailable ? describeWithImages : describe.skip;

describeReal('facematch (real models)', () => {
  const prefix = uniquePrefix('facematch');
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

  async function kyc(subject: Record<string, unknown>): Promise<RunBody> {
    const created = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', { resourceId: 'kyc-selfie-document', context: { subject } });
    expect(created.status).toBe(202);
    const run = await api<RunBody>(service.url, 'GET', `/v1/runs/${created.body.runId}?waitMs=30000`);
    return run.body;
  }

  it('same person, two different photos (reference image) -> liveness Success, facematch Success, approved', async () => {
    const run = await kyc({ biometrics: [{ selfieImage: b64('live/deepface_img1.jpg'), referenceImage: b64('live/deepface_img2.jpg') }] });
    expect(run.steps.map((s) => [s.stepId, s.outcome])).toEqual([
      ['liveness', 'Success'],
      ['facematch', 'Success'],
    ]);
    expect(run.steps[1]?.capabilities).toMatchObject({ isMatch: true, threshold: 90, referenceSource: 'reference' });
    expect(Number(run.steps[1]?.capabilities.similarity)).toBeGreaterThanOrEqual(90);
    expect(run.decision).toMatchObject({ status: 'approved', code: 9001 });
  });

  it('different people (the other face given as the document photo) -> Fail, declined 105', async () => {
    const run = await kyc({ biometrics: [{ selfieImage: b64('live/deepface_img1.jpg') }], documents: [{ frontImage: b64('live/deepface_img16.jpg') }] });
    expect(run.steps[1]).toMatchObject({ stepId: 'facematch', outcome: 'Fail' });
    expect(run.steps[1]?.capabilities).toMatchObject({ isMatch: false, faceMatch: 'no_match', referenceSource: 'document' });
    expect(Number(run.steps[1]?.capabilities.similarity)).toBeLessThan(70);
    expect(run.decision).toMatchObject({ status: 'declined', code: 9102, reasonCode: 105 });
  });

  it('no face on the document image -> ERROR with a reason, resubmission 606', async () => {
    const run = await kyc({ biometrics: [{ selfieImage: b64('live/deepface_img1.jpg') }], documents: [{ frontImage: b64('noface/sf_framework.jpg') }] });
    expect(run.steps[1]).toMatchObject({ stepId: 'facematch', outcome: 'ERROR', reason: 'DOCUMENT_FACE_MISSING' });
    expect(run.decision).toMatchObject({ status: 'resubmission_requested', code: 9103, reasonCode: 606 });
  });

  it('corrupt reference: garbage is a 415 at the door, a truncated JPEG is ERROR IMAGE_CORRUPT', async () => {
    const garbage = await api(service.url, 'POST', '/v1/runs', { resourceId: 'kyc-selfie-document', context: { subject: { biometrics: [{ selfieImage: b64('live/deepface_img1.jpg'), referenceImage: b64('corrupt/random_bytes.jpg') }] } } });
    expect(garbage.status).toBe(415);
    expect(garbage.body).toMatchObject({ code: 'IMAGE_UNSUPPORTED_FORMAT', details: { field: 'context.subject.biometrics[0].referenceImage' } });
    const run = await kyc({ biometrics: [{ selfieImage: b64('live/deepface_img1.jpg'), referenceImage: b64('corrupt/truncated_3k.jpg') }] });
    expect(run.steps[1]).toMatchObject({ stepId: 'facematch', outcome: 'ERROR', reason: 'IMAGE_CORRUPT' });
    expect(run.decision).toMatchObject({ status: 'resubmission_requested', reasonCode: 606 });
  });

  it('POST /v1/compare-faces (seed 002): same person matches, different people do not, no face is 422', async () => {
    const same = await api<{ similarity: number; isMatch: boolean; confidence: number; threshold: number }>(service.url, 'POST', '/v1/compare-faces', { sourceImage: b64('live/deepface_img20.jpg'), targetImage: b64('live/deepface_img21.jpg') });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ isMatch: true, threshold: 90 });
    expect(same.body.similarity).toBeGreaterThanOrEqual(90);
    expect(same.body.confidence).toBeGreaterThanOrEqual(50);
    const different = await api<{ similarity: number; isMatch: boolean }>(service.url, 'POST', '/v1/compare-faces', { sourceImage: b64('live/deepface_img16.jpg'), targetImage: b64('live/deepface_img1.jpg') });
    expect(different.body.isMatch).toBe(false);
    expect(different.body.similarity).toBeLessThan(70);
    const noFace = await api(service.url, 'POST', '/v1/compare-faces', { sourceImage: b64('noface/sf_framework.jpg'), targetImage: b64('live/deepface_img1.jpg') });
    expect(noFace.status).toBe(422);
    expect(noFace.body).toMatchObject({ code: 'FACE_NOT_FOUND', details: { reason: 'SOURCE_FACE_MISSING' } });
    const bad = await api(service.url, 'POST', '/v1/compare-faces', { sourceImage: 'not base64!!', targetImage: b64('live/deepface_img1.jpg') });
    expect(bad.body).toMatchObject({ code: 'IMAGE_NOT_BASE64' });
  });
});
