/**
 * liveness-v1 on real models and real images (integration: ONNX sessions, files; no Redis).
 * Needs the builtin models (`node scripts/install-models.cjs`, run by `npm ci`), the MiniFASNet
 * pair (LIVENESS_MODELS_DIR, default ../shared/models/minifasnet) and ../shared/eval; without
 * the last two the tests are skipped with the reason printed.
 */
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImageInputError } from '../../src/inference/image-error';
import { ModelSetupError } from '../../src/inference/face/model-setup-error';
import { handler } from '../../modules/liveness-v1/liveness-v1.handler';
import { DEGRADED_WARNING, loadLivenessModelSet } from '../../modules/liveness-v1/liveness-model-set';
import { defaultOutcome } from '../../modules/liveness-v1/module-outcome';
import { toolSettings } from '../../modules/liveness-v1/tool-settings';
import type { InferenceSettings } from '../../src/inference/inference-settings';

const MODELS_DIR = process.env['LIVENESS_MODELS_DIR'] || path.resolve(__dirname, '../../../shared/models/minifasnet');
const EVAL_DIR = path.resolve(__dirname, '../../../shared/eval');
const missing = [MODELS_DIR, EVAL_DIR].filter((d) => !existsSync(d));
if (missing.length > 0) console.warn(`SKIPPED liveness-v1 integration tests: ${missing.join(' and ')} not found`);
const describeWithData = missing.length === 0 ? describe : describe.skip;

const settings: InferenceSettings = { ...toolSettings({}), livenessModelsDir: MODELS_DIR };
const image = (rel: string): Uint8Array => readFileSync(path.join(EVAL_DIR, rel));
const run = (rel: string) => handler.run({ images: { selfie: image(rel) }, values: {}, params: {} });

jest.setTimeout(60_000);

describeWithData('liveness-v1 with MiniFASNet', () => {
  beforeAll(() => handler.init!(settings));

  it('fuses the MiniFASNet pair and warns of nothing', () => {
    const description = handler.describe!();
    expect(description.models.map((m) => m.id)).toEqual(
      expect.arrayContaining(['minifasnet-v2-2.7@1.0.0', 'minifasnet-v1se-4.0@1.0.0']),
    );
    expect(description.warnings).toEqual([]);
  });

  it('scores a clearly live selfie >= 75 (Success)', async () => {
    const { capabilities, reason } = await run('live/sf_image_T1.jpg');
    expect(capabilities['livenessScore']).toBeGreaterThanOrEqual(75);
    expect(capabilities['faceCount']).toBeGreaterThanOrEqual(1);
    expect(capabilities['livenessModel']).toBe('minifasnet-v2-2.7@1.0.0+minifasnet-v1se-4.0@1.0.0');
    expect(capabilities['pose']).toEqual({ yaw: expect.any(Number), pitch: expect.any(Number), roll: expect.any(Number) });
    expect(defaultOutcome(capabilities, reason)).toBe('Success');
  });

  it.each([
    ['a printed photo', 'spoof/sf_image_F1.jpg'],
    ['a tablet screen', 'spoof/sf_image_F2.jpg'],
    ['a screen replay', 'spoof/tran_21.jpg'],
  ])('scores %s < 60 (Fail)', async (_what, rel) => {
    const { capabilities, reason } = await run(rel);
    expect(capabilities['livenessScore']).toBeGreaterThan(0);
    expect(capabilities['livenessScore']).toBeLessThan(60);
    expect(Number(capabilities['liveScore']) + Number(capabilities['popScore'])).toBeCloseTo(100, 2);
    expect(defaultOutcome(capabilities, reason)).toBe('Fail');
  });

  it('gives 0 with FACE_MISSING when there is no face (ERROR, not Fail)', async () => {
    const { capabilities, reason } = await run('noface/sf_framework.jpg');
    expect(capabilities['livenessScore']).toBe(0);
    expect(capabilities['faceCount']).toBe(0);
    expect(capabilities['reasonCode']).toBe(547);
    expect(reason).toBe('FACE_MISSING');
    expect(defaultOutcome(capabilities, reason)).toBe('ERROR');
  });

  it('throws ImageInputError for every undecodable file, never crashes', async () => {
    // bitflip.jpg is left out: its flipped bit changes nothing jimp cares about, it decodes to a
    // clean selfie and is scored like one (checked below as "a result, not a crash").
    const undecodable = readdirSync(path.join(EVAL_DIR, 'corrupt')).filter((f) => f !== 'bitflip.jpg').map((f) => `corrupt/${f}`);
    for (const rel of [...undecodable, 'live/deepface_img47.jpg']) {
      const outcome = await run(rel).then(
        (r) => defaultOutcome(r.capabilities, r.reason),
        (err: unknown) => (err instanceof ImageInputError ? `ImageInputError:${err.code}` : `crash:${String(err)}`),
      );
      expect([rel, outcome]).toEqual([rel, expect.stringMatching(/^(ImageInputError:IMAGE_|ERROR$)/)]);
    }
    const bitflip = await run('corrupt/bitflip.jpg');
    expect(bitflip.capabilities['livenessScore']).toEqual(expect.any(Number));
  });
});

describeWithData('liveness-v1 model setup', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'liveness-test-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('falls back to fr_liveness with the degraded warning when no operator model is present', async () => {
    const fallback = { ...settings, livenessModelsDir: path.join(tmp, 'absent') };
    await handler.init!(fallback);
    expect(handler.describe!().warnings).toContain(DEGRADED_WARNING);
    const { capabilities } = await run('live/sf_image_T1.jpg');
    expect(capabilities['livenessModel']).toBe('faceplugin-fr-liveness@0.0.1');
    expect(capabilities['livenessScore']).toBeGreaterThan(0);
  });

  it('refuses an altered builtin model', async () => {
    const builtin = path.join(tmp, 'builtin');
    copyDir(toolSettings({}).builtinModelsDir, builtin);
    const file = path.join(builtin, 'fr_detect.onnx');
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    await expect(loadLivenessModelSet({ ...settings, builtinModelsDir: builtin })).rejects.toThrow(/altered.*fr_detect\.onnx/);
  });

  it('refuses a missing builtin model', async () => {
    await expect(loadLivenessModelSet({ ...settings, builtinModelsDir: path.join(tmp, 'none') })).rejects.toThrow(ModelSetupError);
  });

  it('refuses an unknown .onnx without a manifest, and reads one with a manifest', async () => {
    const copy = path.join(tmp, 'mine.onnx');
    copyFileSync(path.join(MODELS_DIR, '2.7_80x80_MiniFASNetV2.onnx'), copy);
    const bytes = readFileSync(copy);
    // An unknown protobuf field (number 1000, varint 1): a different sha256, the same model to onnxruntime.
    writeFileSync(copy, Buffer.concat([bytes, Buffer.from([0xc0, 0x3e, 0x01])]));
    await expect(loadLivenessModelSet({ ...settings, livenessModelsDir: tmp })).rejects.toThrow(/unknown model.*mine\.onnx\.model\.json/);

    const sha = createHash('sha256').update(readFileSync(copy)).digest('hex');
    const manifest = {
      id: 'my-antispoof', version: '2.0.0', role: 'liveness', sha256: sha, input: { width: 80, height: 80 },
      channelOrder: 'bgr', normalisation: { mean: [0, 0, 0], std: [1, 1, 1] }, cropScale: 2.7, liveIndex: 1,
    };
    writeFileSync(`${copy}.model.json`, JSON.stringify(manifest));
    const set = await loadLivenessModelSet({ ...settings, livenessModelsDir: tmp });
    expect(set.livenessModelId).toBe('my-antispoof@2.0.0');

    writeFileSync(`${copy}.model.json`, JSON.stringify({ ...manifest, liveIndex: 'one' }));
    await expect(loadLivenessModelSet({ ...settings, livenessModelsDir: tmp })).rejects.toThrow(/invalid model manifest.*liveIndex/);
  });
});

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) copyFileSync(path.join(from, f), path.join(to, f));
}
