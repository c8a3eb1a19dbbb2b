/**
 * A small worker-thread pool: each worker prepares once (fonts, templates)
 * and then renders many. Work is fed from an async iterable with bounded
 * look-ahead, and results are handed on as they arrive, so memory stays
 * flat however many items there are. Items go out and results come back in
 * groups (one message each way for up to `maxGroup` items), so a letter
 * costs no message of its own; a worker's first groups are small, so the
 * first results come back at once.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Answer } from './serve-worker.js';

export interface PoolOptions<TOut> {
  /** Number of worker threads (≥ 1). */
  jobs: number;
  /** The compiled worker module (it must call `serveWorker`). */
  workerUrl: URL;
  /** Data passed to each worker once, at start (e.g. render options). */
  workerData: unknown;
  /** Called for each result, in completion order. */
  onResult: (result: TOut, index: number) => void | Promise<void>;
  /** Each worker's heap limits (the batch keeps its young generation small, so memory stays flat). */
  resourceLimits?: ResourceLimits;
}

interface Reply<TOut> {
  index: number;
  answers: Answer<TOut>[];
}

/** The most items in one message. */
export const maxGroup = 8;

/** Groups a worker has in hand at most: the next is waiting when it finishes one. */
const lookAhead = 2;

/** Runs every item through the workers; rejects only if a worker itself dies. */
export async function runPool<TIn, TOut>(items: AsyncIterable<TIn>, options: PoolOptions<TOut>): Promise<number> {
  const jobs = Math.max(1, Math.floor(options.jobs));
  const iterator = items[Symbol.asyncIterator]();
  let nextIndex = 0;
  let exhausted = false;
  let pulling: Promise<void> = Promise.resolve();

  const workers = Array.from(
    { length: jobs },
    () =>
      new Worker(options.workerUrl, {
        workerData: options.workerData,
        ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      }),
  );

  const runWorker = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let failed = false;
      let inFlight = 0;
      let drained = false;
      let groupSize = 1; // 1, 2, 4, then maxGroup
      const finishIfDone = (): void => {
        if (drained && inFlight === 0) resolve();
      };
      const fail = (error: unknown): void => {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const takeNext = (): void => {
        // Serialise pulls from the shared iterator.
        pulling = pulling.then(async () => {
          const group: TIn[] = [];
          while (!exhausted && group.length < groupSize) {
            const next = await iterator.next();
            if (next.done) exhausted = true;
            else group.push(next.value);
          }
          if (group.length === 0) {
            drained = true;
            return finishIfDone();
          }
          groupSize = Math.min(maxGroup, groupSize * 2);
          inFlight += 1;
          worker.postMessage({ index: nextIndex, items: group });
          nextIndex += group.length;
        });
        pulling.catch(fail);
      };
      worker.on('message', (reply: Reply<TOut>) => {
        inFlight -= 1;
        (async () => {
          for (const [k, answer] of reply.answers.entries()) {
            await options.onResult(answer.result ?? ({ error: answer.error } as unknown as TOut), reply.index + k);
          }
        })().then(takeNext, fail);
      });
      worker.on('error', (error) => {
        if (!failed) reject(error);
        failed = true;
      });
      for (let i = 0; i < lookAhead; i++) takeNext();
    });

  try {
    await Promise.all(workers.map(runWorker));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return nextIndex;
}
