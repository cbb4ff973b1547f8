import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LIVENESS_MODELS_DIR } from './models-dir';
import { integrationsEnv } from './test-integrations';
import { TEST_REDIS_URL } from './test-redis';
import { freePort } from '../../src/net/free-port';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts the built service (`npm run build` runs before the tests) as a real child process. */
export async function startService(opts: { prefix: string; role?: 'all' | 'api' | 'worker'; env?: Record<string, string> }): Promise<ServiceProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: run npm run build first`);
  const port = opts.role === 'worker' ? 0 : await freePort();
  let log = '';
  const child = spawn(process.execPath, [MAIN, '--role', opts.role ?? 'all'], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: opts.prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      INFERENCE_THREADS: '1',
      NO_COLOR: '1',
      LIVENESS_MODELS_DIR,
      // Test webhook receivers listen on 127.0.0.1, which production refuses (SSRF guard).
      WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true',
      ...integrationsEnv(),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const ready = opts.role === 'worker' ? /worker ready/ : /listening on/;
  const deadline = Date.now() + 30_000;
  while (!ready.test(log)) {
    if (child.exitCode !== null) throw new Error(`service exited early (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`service did not become ready in 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child, output: () => log, stop };
}
