/**
 * e2e: the reviewer page in real headless Chromium (playwright-core driving /usr/bin/chromium):
 * sign in, see the queue, open (claim) the task, read the selfie and explanations, decide with
 * keyboard shortcuts and the reason picker, and see the run decided.
 */
import { existsSync } from 'node:fs';
import type Redis from 'ioredis';
import { chromium, Browser } from 'playwright-core';
import { api } from '../support/api-client';
import { describeWithImages } from '../support/eval-images';
import { createReviewRun, reviewSelfie } from '../support/review-support';
import { startService, ServiceProcess } from '../support/service-process';
import { TEST_INTEGRATIONS } from '../support/test-integrations';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) process.stdout.write(`SKIP: reviewer page browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);

(haveChromium ? describeWithImages : describe.skip)('manual review: the reviewer page in Chromium', () => {
  const prefix = uniquePrefix('review-page');
  let service: ServiceProcess;
  let redis: Redis;
  let browser: Browser;

  beforeAll(async () => {
    redis = testRedis();
    await reviewSelfie();
    service = await startService({ prefix });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  it('opens the queue, claims, decides with the keyboard, and the run is decided', async () => {
    const runId = await createReviewRun(service.url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${service.url}/review`);
    await page.fill('#login-key', TEST_INTEGRATIONS.reviewer.key);
    await page.fill('#login-secret', TEST_INTEGRATIONS.reviewer.secret);
    await page.fill('#login-name', 'Pat Reviewer');
    await page.click('#login-form button[type=submit]');

    const row = page.locator(`#tasks tr[data-task-id="${runId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Review');
    expect(await page.textContent('#metrics')).toContain('selfie-quality');

    await row.click();
    await page.locator('#task:not([hidden])').waitFor();
    // The selfie loads through its signed URL; explanations are in plain words.
    // Evaluated in the browser; typed loosely because the test tsconfig has no DOM lib.
    await page.locator('#images img').first().waitFor();
    await page.waitForFunction('(() => { const img = document.querySelector("#images img"); return !!img && img.complete && img.naturalWidth > 0; })()');
    expect(await page.textContent('#images figcaption')).toBe('Selfie');
    expect(await page.textContent('#summary')).toContain('Review');
    expect(await page.textContent('#signals')).toMatch(/too dark/i);
    expect(await page.textContent('#caps')).toContain('qualityScore');
    expect(await page.locator('#rules li.fired').count()).toBe(1);
    expect(await page.textContent('#lease')).toMatch(/left/);
    await page.screenshot({ path: '/tmp/review-page-task.png', fullPage: true });

    // Keyboard: D declines, 4 picks the 4th reason (515 in seed 000 order), Ctrl+Enter confirms.
    await page.keyboard.press('d');
    expect(await page.getAttribute('[data-decision=declined]', 'aria-pressed')).toBe('true');
    await page.keyboard.press('4');
    expect(await page.inputValue('#reason')).toBe('515');
    await page.fill('#note', 'screen edge visible');
    await page.click('#task h2');
    await page.keyboard.press('Control+Enter');
    await page.locator('#result:not([hidden])').waitFor({ timeout: 10_000 });
    expect(await page.textContent('#result')).toContain('decided: declined (9102)');
    await page.screenshot({ path: '/tmp/review-page-decided.png', fullPage: true });
    expect(errors).toEqual([]);

    const run = await api<{ status: string; decision: Record<string, unknown>; review: Record<string, unknown> }>(service.url, 'GET', `/v1/runs/${runId}`);
    expect(run.body.status).toBe('decided');
    expect(run.body.decision).toMatchObject({ status: 'declined', code: 9102, reasonCode: 515, decidedBy: 'Pat Reviewer' });
    expect(run.body.review).toMatchObject({ via: 'api', reviewer: 'Pat Reviewer', note: 'screen edge visible' });
    await page.close();
  });
});
