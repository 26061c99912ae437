// A metric (or its robustness to weak evidence) over the view a query describes: the view is cut
// by loadView exactly as GET /api/graph cuts it, then lib/graph/analysis computes. Views above
// WORKER_ABOVE actors compute on a worker thread (metrics-worker.mjs), so one analyst's
// betweenness over a large view does not stall every other request.
import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analysisInput, computeMetric, type AnalysisInput, type MetricOptions, type MetricResult } from '../../graph/analysis/metrics';
import { computeRobustness, type RobustnessOptions, type RobustnessResult } from '../../graph/analysis/robustness';
import { ROBUST_PATH_SOURCES, ROBUSTNESS_MAX_ACTORS, ROBUSTNESS_SERVER_MAX_ACTORS } from '../../graph/analysis/vocabulary';
import type { GraphQuery } from '../../graph/types';
import { AppError } from '../errors';
import type { Principal } from '../principal';
import { loadView } from './load-view';

/** Small views compute in place: a worker costs more to start (about 100 ms) than they take. */
export const WORKER_ABOVE = 500;
const WORKER_TIMEOUT_MS = 120_000;

export interface ViewMetricsOptions extends MetricOptions {
  /** Robustness mode: resample the view this many times. */
  samples?: number;
  perSample?: RobustnessOptions['perSample'];
}

export type ViewMetrics = { asOf: string; result: MetricResult | RobustnessResult };

export async function computeViewMetrics(principal: Principal, query: GraphQuery, options: ViewMetricsOptions): Promise<ViewMetrics> {
  const view = await loadView(principal, query);
  const robust = options.samples !== undefined;
  // Communities count every pair of actors across samples (n² cells); other metrics resample
  // large views too, each sample's path metrics estimated from fewer sources (perSample).
  const cap = options.metric === 'communities' ? ROBUSTNESS_MAX_ACTORS : ROBUSTNESS_SERVER_MAX_ACTORS;
  if (robust && view.nodes.length > cap) {
    throw new AppError(
      'invalid',
      `Robustness resamples the view ${options.samples} times, so it runs on views of up to ${cap.toLocaleString('en-GB')} actors${options.metric === 'communities' ? ' for communities' : ''}; this one has ${view.nodes.length.toLocaleString('en-GB')}. Focus on an actor or filter first.`,
      { fieldErrors: { samples: ['the view is too large to resample'] } },
    );
  }
  const input = analysisInput(view);
  if (robust && view.nodes.length > ROBUSTNESS_MAX_ACTORS) options = { ...options, perSample: { exactPathsUpTo: ROBUSTNESS_MAX_ACTORS, pathSources: ROBUST_PATH_SOURCES } };
  const result =
    view.nodes.length > WORKER_ABOVE
      ? await inWorker(input, options, robust)
      : robust
        ? computeRobustness(input, options)
        : computeMetric(input, options);
  return { asOf: view.asOf, result };
}

function inWorker(input: AnalysisInput, options: ViewMetricsOptions, robust: boolean): Promise<MetricResult | RobustnessResult> {
  return new Promise((resolve, reject) => {
    // A path from the project root rather than import.meta.url: this module runs bundled by Next,
    // where the worker file is not beside it. turbopackIgnore keeps the bundler from following the
    // worker into tsx and esbuild's native binary, which it cannot bundle; Node loads it at run time.
    const workerFile = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/data/network/metrics-worker.mjs');
    const worker = new Worker(/* turbopackIgnore: true */ workerFile, { workerData: { input, options, robust } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`metrics worker gave no answer within ${WORKER_TIMEOUT_MS / 1000} s`));
    }, WORKER_TIMEOUT_MS);
    worker.once('message', (result: MetricResult | RobustnessResult) => {
      clearTimeout(timer);
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`the metrics worker stopped with exit code ${code}`));
    });
  });
}
