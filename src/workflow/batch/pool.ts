/**
 * A small worker-thread pool: each worker prepares once (fonts, templates)
 * and then renders many. Work is fed from an async iterable with bounded
 * look-ahead, and results are handed on as they arrive, so memory stays
 * flat however many items there are.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<TOut> {
  /** Number of worker threads (≥ 1). */
  jobs: number;
  /** The compiled worker module (it must call `serveWorker`). */
  workerUrl: URL;
  /** Data passed to each worker once, at start (e.g. render options). */
  workerData: unknown;
  /** Called for each result, in completion order. */
  onResult: (result: TOut, index: number) => void | Promise<void>;
}

interface Reply<TOut> {
  index: number;
  result?: TOut;
  error?: string;
}

/** Runs every item through the workers; rejects only if a worker itself dies. */
export async function runPool<TIn, TOut>(items: AsyncIterable<TIn>, options: PoolOptions<TOut>): Promise<number> {
  const jobs = Math.max(1, Math.floor(options.jobs));
  const iterator = items[Symbol.asyncIterator]();
  let nextIndex = 0;
  let exhausted = false;
  let pulling: Promise<void> = Promise.resolve();

  const workers = Array.from({ length: jobs }, () => new Worker(options.workerUrl, { workerData: options.workerData }));

  // Each worker has up to `lookAhead` items: the next one is already waiting when it
  // finishes one, so it never idles for the round trip through this thread.
  const lookAhead = 2;
  const runWorker = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let failed = false;
      let inFlight = 0;
      let drained = false;
      const finishIfDone = (): void => {
        if (drained && inFlight === 0) resolve();
      };
      const takeNext = (): void => {
        // Serialise pulls from the shared iterator.
        pulling = pulling.then(async () => {
          if (exhausted) {
            drained = true;
            return finishIfDone();
          }
          const next = await iterator.next();
          if (next.done) {
            exhausted = true;
            drained = true;
            return finishIfDone();
          }
          inFlight += 1;
          worker.postMessage({ index: nextIndex++, item: next.value });
        });
        pulling.catch((error: unknown) => {
          failed = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      };
      worker.on('message', (reply: Reply<TOut>) => {
        inFlight -= 1;
        Promise.resolve(
          options.onResult(reply.result ?? ({ error: reply.error } as unknown as TOut), reply.index),
        ).then(takeNext, (error: unknown) => {
          failed = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        });
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
