/** The worker side of the pool: prepare once, then answer each item. */
import { parentPort, workerData } from 'node:worker_threads';

/** Call from a worker module: `serveWorker(async (data) => (item) => result)`. */
export async function serveWorker<TIn, TOut>(
  prepare: (data: unknown) => Promise<(item: TIn) => Promise<TOut>>,
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveWorker must run inside a worker thread');
  const handle = await prepare(workerData);
  port.on('message', (message: { index: number; item: TIn }) => {
    handle(message.item).then(
      (result) => port.postMessage({ index: message.index, result }),
      (error: unknown) =>
        port.postMessage({ index: message.index, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
