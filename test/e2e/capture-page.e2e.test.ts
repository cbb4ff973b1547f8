/**
 * e2e: the capture page in real headless Chromium (playwright-core driving /usr/bin/chromium)
 * with Chrome's fake camera playing a Y4M clip made from a real face photo: the page asks for the
 * camera, captures, encrypts with WebCrypto, submits, and the run reaches a decision.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import { chromium, Browser } from 'playwright-core';
import { api } from '../support/api-client';
import { expectedOutcome } from '../support/capture-seal';
import { describeWithImages, EVAL_DIR } from '../support/eval-images';
import { writeFaceY4m } from '../support/fake-camera-y4m';
import { livenessModelsAvailable } from '../support/models-dir';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) process.stdout.write(`SKIP: capture page browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
if (!livenessModelsAvailable) process.stdout.write('SKIP: capture page browser test: no MiniFASNet models (LIVENESS_MODELS_DIR)\n');

type Step = { outcome: string; capabilities: Record<string, unknown> };
type RunBody = { status: string; decision: { status: string } | null; steps: Step[] };

(haveChromium && livenessModelsAvailable ? describeWithImages : describe.skip)('capture page in Chromium (fake camera, real models)', () => {
  const prefix = uniquePrefix('capture-page');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'capture-page-'));
  const y4m = path.join(dir, 'face.y4m');
  let service: ServiceProcess;
  let redis: Redis;
  let browser: Browser;

  beforeAll(async () => {
    redis = testRedis();
    await writeFaceY4m(path.join(EVAL_DIR, 'live', 'deepface_img1.jpg'), y4m);
    service = await startService({ prefix });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`, '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('captures, encrypts, submits; injectionAttack Live and the decision follows seed 001', async () => {
    const created = await api<{ id: string; captureUrl: string }>(service.url, 'POST', '/v1/capture-sessions', { resourceId: 'selfie-liveness-iad', subjectReference: 'browser-subject' });
    expect(created.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${service.url}${created.body.captureUrl}`);
    await page.locator('#capture:not([disabled])').waitFor({ timeout: 15_000 });
    // Live guidance runs from the cheap checks (any of its messages).
    await page.waitForFunction('document.querySelector("#guidance").textContent.includes(":")');
    await page.click('#capture');
    await page.locator('#result:not([hidden])').waitFor({ timeout: 30_000 });
    const message = (await page.textContent('#result')) ?? '';
    expect(message).toContain('Thank you');
    expect(message).not.toMatch(/score|live|approved|declined/i);
    const runId = await page.getAttribute('body', 'data-run-id');
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    await page.screenshot({ path: '/tmp/capture-page-done.png' });

    const run = (await api<RunBody>(service.url, 'GET', `/v1/runs/${runId}?waitMs=30000`)).body;
    expect(run.status).not.toBe('running');
    const step = run.steps[0] as Step;
    expect(step.capabilities).toMatchObject({ injectionAttack: 'Live', injectionReasons: [], decodedSize: { width: 640, height: 480 } });
    expect(step.outcome).toBe(expectedOutcome(step.capabilities.faceLiveness, step.capabilities.injectionAttack));
    expect(step.capabilities.faceLiveness).toBe('Live');
    expect(run.decision?.status).toBe('approved');
    const status = await api<{ state: string; runId: string }>(service.url, 'GET', `/v1/capture-sessions/${created.body.id}`);
    expect(status.body).toMatchObject({ state: 'used', runId });
    expect(errors).toEqual([]);
  });
});
