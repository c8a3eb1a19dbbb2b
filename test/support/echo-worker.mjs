// A worker for the pool tests: prepares once, then upper-cases each item; "boom" fails.
import { serveWorker } from '../../dist/src/workflow/batch/serve-worker.js';

await serveWorker(async (data) => {
  const prefix = data.prefix;
  return async (item) => {
    if (item === 'boom') throw new Error('cannot render boom');
    return { value: prefix + String(item).toUpperCase() };
  };
});
