// The layout's worker thread: fcose over the whole network takes about a minute at 20,000
// actors, so it runs here, off the thread that serves or signals. Plain JavaScript because
// Node 20 starts no worker from a .ts file; it registers tsx for the TypeScript it imports.
// Receives { nodes, edges } as workerData and posts back [id, { x, y }] pairs.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { computePositions } = await import('./compute-positions.ts');
parentPort.postMessage([...computePositions(workerData.nodes, workerData.edges)]);
