// The database thread's first module (ADR 019): a worker does not inherit the main thread's tsx hooks, so it
// registers them itself before it loads the TypeScript worker (ADR 003).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
