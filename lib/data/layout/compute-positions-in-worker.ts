// computePositions on a worker thread (layout-worker.mjs), so the caller's event loop stays free
// while fcose runs: npm start keeps forwarding signals to the server it started, a bench keeps
// its clock, and a server running an analyst's "lay out again" keeps answering. Same inputs, same
// result as calling computePositions directly.
import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LayoutEdge, LayoutNode, Position } from './compute-positions';

export function computePositionsInWorker(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Map<string, Position>> {
  return new Promise((resolve, reject) => {
    // A path from the project root rather than import.meta.url: inside the Next server this module
    // runs bundled, where the worker file is not beside it (as compute-view-metrics.ts does).
    const workerFile = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/data/layout/layout-worker.mjs');
    const worker = new Worker(/* turbopackIgnore: true */ workerFile, {
      workerData: { nodes, edges },
      // compute-positions imports server-only, which only this condition lets through.
      execArgv: ['--conditions=react-server'],
    });
    worker.once('message', (pairs: [string, Position][]) => resolve(new Map(pairs)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the layout worker stopped with exit code ${code}`));
    });
  });
}
