'use client';
// Analysis on the map: the metric the address names (metric=, weight=, resolution=, samples=),
// computed by the map's Web Worker over the view on screen, and drawn onto the canvas (node size
// or colour, or community colour). The panel, the ranked table and the details read the result.
import type { Core } from 'cytoscape';
import { useEffect, useMemo, useState } from 'react';
import { applyAnalysisStyle, type AnalysisEncoding } from '@/components/graph/analysis-style';
import { isLive } from '@/components/graph/camera';
import { analysisInput, type MetricOptions, type MetricResult } from '@/lib/graph/analysis/metrics';
import type { RobustnessResult } from '@/lib/graph/analysis/robustness';
import type { GraphView } from '@/lib/graph/types';
import { DEFAULT_WEIGHT, type GraphViewState } from '@/lib/validation/graph-queries';
import { useMetric } from './use-analysis';

export type AnalysisShow = 'size' | 'colour';

export interface MapAnalysis {
  options: MetricOptions | null;
  samples: number | undefined;
  result: MetricResult | RobustnessResult | null;
  pending: boolean;
  error: string | null;
  show: AnalysisShow;
  setShow: (show: AnalysisShow) => void;
  /** What the canvas shows now: 'size', 'colour' or 'community'; null when analysis is off. */
  encoding: AnalysisEncoding['kind'] | null;
}

export function isRobust(result: MetricResult | RobustnessResult | null): result is RobustnessResult {
  return result !== null && 'samples' in result;
}

export function useMapAnalysis(cy: Core | null, view: GraphView, viewState: GraphViewState, enabled: boolean): MapAnalysis {
  const { metric, weight = DEFAULT_WEIGHT, resolution, samples } = viewState;
  const [show, setShow] = useState<AnalysisShow>('size');
  const options = useMemo<MetricOptions | null>(
    () => (enabled && metric ? { metric, weight, ...(resolution !== undefined ? { resolution } : {}) } : null),
    [enabled, metric, weight, resolution],
  );
  const input = useMemo(() => (options ? analysisInput(view) : null), [options, view]);
  const { value: result, pending, error } = useMetric(input, options, samples);
  // A stale answer (for the previous view) is still drawn while the new one is computed.
  const current = options && result && result.metric === options.metric ? result : null;
  const encoding: AnalysisEncoding['kind'] | null = current ? (current.metric === 'communities' ? 'community' : show) : null;

  useEffect(() => {
    if (!isLive(cy)) return;
    if (!current || !encoding) {
      applyAnalysisStyle(cy, null);
      return;
    }
    applyAnalysisStyle(cy, { kind: encoding, values: new Map(current.rows.map((row) => [row.id, row.value])) });
  }, [cy, current, encoding]);

  return { options, samples, result: current, pending, error, show, setShow, encoding };
}
