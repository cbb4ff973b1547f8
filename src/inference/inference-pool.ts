import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ModuleDescription, ModuleRunInput } from '../../modules/module-handler';
import { projectRoot } from '../config/project-root';
import type { InferenceSettings } from './inference-settings';
import type { InferenceOutcome, ThreadReply, ThreadRequest } from './inference-protocol';

interface Pending {
  request: ThreadRequest;
  resolve: (reply: ThreadReply) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
}

/** Raised when a thread died or timed out: transient, the job should be retried. */
export class InferenceUnavailableError extends Error {}

/**
 * A fixed pool of worker threads running module handlers, so decoding and inference never block
 * the event loop that serves HTTP and renews BullMQ locks. Inputs are transferred, not copied.
 */
export class InferencePool {
  private readonly slots: Slot[] = [];
  private readonly backlog: Pending[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(
    private readonly settings: InferenceSettings,
    readonly size: number,
    private readonly taskTimeoutMs = 120_000,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  async run(moduleId: string, input: ModuleRunInput): Promise<InferenceOutcome> {
    const reply = await this.submit({ kind: 'run', taskId: this.nextTaskId++, moduleId, input });
    switch (reply.kind) {
      case 'result':
        return { kind: 'result', result: reply.result };
      case 'input-error':
        return { kind: 'input-error', code: reply.code, message: reply.message };
      case 'failure':
        throw new InferenceUnavailableError(`module ${moduleId} failed: ${reply.message}`);
      case 'warmed':
        throw new Error('unexpected warmup reply');
    }
  }

  /** Loads every handler (and its models) in every thread; throws the first failure. */
  async warmup(moduleIds: string[]): Promise<Record<string, ModuleDescription>> {
    const replies = await Promise.all(this.slots.map(() => this.submit({ kind: 'warmup', taskId: this.nextTaskId++, moduleIds })));
    for (const reply of replies) if (reply.kind === 'failure') throw new Error(reply.message);
    const first = replies[0];
    return first && first.kind === 'warmed' ? first.descriptions : {};
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.backlog.splice(0)) pending.reject(new InferenceUnavailableError('inference pool closed'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private submit(request: ThreadRequest): Promise<ThreadReply> {
    if (this.closed) return Promise.reject(new InferenceUnavailableError('inference pool closed'));
    return new Promise((resolve, reject) => {
      this.backlog.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.backlog.length === 0) continue;
      const pending = this.backlog.shift() as Pending;
      slot.busy = pending;
      slot.timer = setTimeout(() => this.fail(slot, new InferenceUnavailableError(`inference timed out after ${this.taskTimeoutMs} ms`)), this.taskTimeoutMs);
      slot.worker.postMessage(pending.request, transferables(pending.request));
    }
  }

  private spawn(): Slot {
    const worker = new Worker(threadEntry(), { workerData: this.settings });
    const slot: Slot = { worker, busy: null, timer: null };
    worker.on('message', (reply: ThreadReply) => {
      const pending = slot.busy;
      if (slot.timer) clearTimeout(slot.timer);
      slot.busy = null;
      slot.timer = null;
      pending?.resolve(reply);
      this.dispatch();
    });
    worker.on('error', (err) => this.fail(slot, new InferenceUnavailableError(`inference thread crashed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.fail(slot, new InferenceUnavailableError(`inference thread exited with code ${code}`));
    });
    return slot;
  }

  /** Rejects the slot's task and replaces its thread (a hung or crashed thread is not reused). */
  private fail(slot: Slot, err: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.busy;
    slot.busy = null;
    void slot.worker.terminate();
    if (!this.closed) this.slots[index] = this.spawn();
    else this.slots.splice(index, 1);
    pending?.reject(err);
    this.dispatch();
  }
}

function transferables(request: ThreadRequest): ArrayBuffer[] {
  if (request.kind !== 'run') return [];
  // Only transfer buffers the image owns entirely; a view into a pooled Buffer must be copied.
  const owned = Object.values(request.input.images)
    .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    .map((bytes) => bytes.buffer as ArrayBuffer);
  return [...new Set(owned)];
}

/** The compiled thread entry; under ts-jest the sources are .ts, so use the build output. */
function threadEntry(): string {
  const beside = path.join(__dirname, 'inference.thread.js');
  if (existsSync(beside)) return beside;
  const built = path.join(projectRoot(), 'dist', 'src', 'inference', 'inference.thread.js');
  if (existsSync(built)) return built;
  throw new Error('inference.thread.js not found: run `npm run build` first');
}
