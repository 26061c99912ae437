'use client';
// Analysis on the map: the metric the address names (metric=, weight=, resolution=, samples=),
// computed by the map's Web Worker over the view on screen, and drawn onto the canvas (node size
// or colour, or community colour). The panel, the ranked table and the details read the result.
// One way per size: robustness of a view above ROBUSTNESS_MAX_ACTORS is asked of the server
// (GET /api/graph/metrics?samples=, resampled on its worker thread with sampled sources a sample),
// because a hundred resampled views of thousands of actors outlast a browser tab's patience and
// communities would need a table of every pair; everything else runs in the Web Worker.
import type { Core } from 'cytoscape';
import { useEffect, useMemo, useState } from 'react';
import { applyAnalysisStyle, type AnalysisEncoding } from '@/components/graph/analysis-style';
import { isLive } from '@/components/graph/camera';
import { analysisInput, type MetricOptions, type MetricResult } from '@/lib/graph/analysis/metrics';
import type { RobustnessOptions, RobustnessResult } from '@/lib/graph/analysis/robustness';
import { ROBUSTNESS_MAX_ACTORS } from '@/lib/graph/analysis/vocabulary';
import type { GraphQuery, GraphView } from '@/lib/graph/types';
import { DEFAULT_WEIGHT, serializeGraphQuery } from '@/lib/validation/graph-queries';
import type { AnalysisAddress } from './analysis-address';
import { useMetric, useServerMetric } from './use-analysis';

export type AnalysisShow = 'size' | 'colour';

export interface MapAnalysis {
  options: MetricOptions | null;
  samples: number | undefined;
  /** The result for the metric asked for (null while it is first computed). */
  result: MetricResult | RobustnessResult | null;
  /**
   * The result the canvas draws: `result`, or while another metric (or the other way of computing
   * it) is on its way, the one drawn before, so the map restyles once when the new one arrives
   * instead of clearing first (a restyle of a large map is a long task). The legend reads it.
   */
  drawn: MetricResult | RobustnessResult | null;
  pending: boolean;
  error: string | null;
  show: AnalysisShow;
  setShow: (show: AnalysisShow) => void;
  /** How the canvas shows `drawn`: 'size', 'colour' or 'community'; null when nothing is drawn. */
  encoding: AnalysisEncoding['kind'] | null;
  /** Where the result is computed: the server resamples views above the browser's limit. */
  where: 'browser' | 'server';
  /** The actors of the view on screen (the server's answer may cover a different cut; the panel says so). */
  viewActors: number;
  /** The server's question, while it is on its way (the panel counts the wait from it), else null. */
  waitingFor: string | null;
}

export interface AnalysisPlace {
  /** The query of the view on screen (shownQuery), which the server cuts again. */
  query: GraphQuery;
  /** Robustness of views above this many actors is asked of the server; tests lower it. */
  browserLimit?: number;
}

/**
 * Test builds only (POWERMAP_TEST_HOOKS=1): window.__analysisOnMainThread(options, samples) computes
 * a metric of the view on screen on the page's own thread, as a page without a worker would, and
 * resolves with the milliseconds it held the thread. bench/analysis-longtasks-bench.ts reads the
 * long tasks this causes as the anchor for those the worker and the server leave. The algorithms
 * load as a separate chunk on first call, so the map's bundle does not carry them.
 */
export function useMainThreadAnalysisHook(view: GraphView, expose: boolean): void {
  useEffect(() => {
    if (!expose) return;
    const scope = window as unknown as { __analysisOnMainThread?: (options: RobustnessOptions, samples?: number) => Promise<number> };
    scope.__analysisOnMainThread = async (options, samples) => {
      const [{ analysisInput: inputOf, computeMetric }, { computeRobustness }] = await Promise.all([import('@/lib/graph/analysis/metrics'), import('@/lib/graph/analysis/robustness')]);
      const started = performance.now();
      const input = inputOf(view);
      if (samples) computeRobustness(input, { ...options, samples });
      else computeMetric(input, options);
      return performance.now() - started;
    };
    return () => {
      delete scope.__analysisOnMainThread;
    };
  }, [view, expose]);
}

export function isRobust(result: MetricResult | RobustnessResult | null): result is RobustnessResult {
  return result !== null && 'samples' in result;
}

export function useMapAnalysis(cy: Core | null, view: GraphView, address: AnalysisAddress, enabled: boolean, place: AnalysisPlace): MapAnalysis {
  const { metric, weight = DEFAULT_WEIGHT, resolution, samples } = address;
  const [show, setShow] = useState<AnalysisShow>('size');
  const options = useMemo<MetricOptions | null>(
    () => (enabled && metric ? { metric, weight, ...(resolution !== undefined ? { resolution } : {}) } : null),
    [enabled, metric, weight, resolution],
  );
  const where = samples !== undefined && view.nodes.length > (place.browserLimit ?? ROBUSTNESS_MAX_ACTORS) ? 'server' : 'browser';
  // Built once a view, not once a metric: at 100,000 ties building it is itself a long task.
  const inBrowserWanted = options !== null && where === 'browser';
  const input = useMemo(() => (inBrowserWanted ? analysisInput(view) : null), [inBrowserWanted, view]);
  const inBrowser = useMetric(input, where === 'browser' ? options : null, samples);
  const search = options && where === 'server' ? serializeGraphQuery(place.query, { metric: options.metric, weight, resolution, samples }).toString() : null;
  const onServer = useServerMetric(search);
  const { value: result, pending, error } = where === 'server' ? onServer : inBrowser;
  // A stale answer (for the previous view) is still drawn while the new one is computed.
  const current = options && result && result.metric === options.metric ? result : null;
  // The last result drawn stays drawn while the next is computed; turning analysis off or an error clears it.
  const [lastDrawn, setLastDrawn] = useState<MetricResult | RobustnessResult | null>(null);
  const drawn = current ?? (options && pending && !error ? lastDrawn : null);
  if (drawn !== lastDrawn) setLastDrawn(drawn);
  const encoding: AnalysisEncoding['kind'] | null = drawn ? (drawn.metric === 'communities' ? 'community' : show) : null;

  useEffect(() => {
    if (!isLive(cy)) return;
    if (!drawn || !encoding) {
      applyAnalysisStyle(cy, null);
      return;
    }
    applyAnalysisStyle(cy, { kind: encoding, values: new Map(drawn.rows.map((row) => [row.id, row.value])) });
  }, [cy, drawn, encoding]);

  return { options, samples, result: current, drawn, pending, error, show, setShow, encoding, where, viewActors: view.nodes.length, waitingFor: onServer.pending ? search : null };
}
