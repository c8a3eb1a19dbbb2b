/** The worker side of the pool: prepare once, then answer each group of items with one message. */
import { parentPort, workerData } from 'node:worker_threads';

/** One item's answer: its result, or the message of the error it threw. */
export interface Answer<TOut> {
  result?: TOut;
  error?: string;
}

/** Call from a worker module: `serveWorker(async (data) => (item) => result)`. */
export async function serveWorker<TIn, TOut>(
  prepare: (data: unknown) => Promise<(item: TIn) => Promise<TOut>>,
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveWorker must run inside a worker thread');
  const handle = await prepare(workerData);
  // Groups are answered one after another, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (message: { index: number; items: TIn[] }) => {
    queue = queue.then(async () => {
      const answers: Answer<TOut>[] = [];
      for (const item of message.items) {
        try {
          answers.push({ result: await handle(item) });
        } catch (error) {
          answers.push({ error: error instanceof Error ? error.message : String(error) });
        }
      }
      port.postMessage({ index: message.index, answers });
    });
  });
}
