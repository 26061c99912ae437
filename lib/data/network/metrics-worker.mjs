// Metrics of a large view on a worker thread, off the thread that serves requests: betweenness
// over thousands of actors takes seconds. Plain JavaScript because Node 20 starts no worker from
// a .ts file; it registers tsx for the TypeScript it imports (as layout-worker.mjs does).
// Receives { input, options, robust } as workerData and posts back the result.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { computeMetric } = await import('../../graph/analysis/metrics.ts');
const { computeRobustness } = await import('../../graph/analysis/robustness.ts');
const { input, options, robust } = workerData;
parentPort.postMessage(robust ? computeRobustness(input, options) : computeMetric(input, options));
