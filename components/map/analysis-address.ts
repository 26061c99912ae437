// The analysis's part of the map's address (metric=, weight=, resolution=, samples=), held apart
// from the rest of the view. Why apart: choosing a metric changes only these fields, and the map's
// view (its canvas, lists, legend and controls) reads only the rest, so it keeps the same object
// and is not rendered again; the analysis panel, the ranked table and the canvas's style follow
// these (network-map-view.tsx, map-analysis-context.tsx).
import type { GraphViewState } from '@/lib/validation/graph-queries';

export type AnalysisAddress = Pick<GraphViewState, 'metric' | 'weight' | 'resolution' | 'samples'>;

const ANALYSIS_KEYS = ['metric', 'weight', 'resolution', 'samples'] as const satisfies readonly (keyof AnalysisAddress)[];

/** The analysis fields the view holds (absent ones absent, not undefined). */
export function analysisOf(view: AnalysisAddress): AnalysisAddress {
  const analysis: AnalysisAddress = {};
  for (const key of ANALYSIS_KEYS) if (view[key] !== undefined) Object.assign(analysis, { [key]: view[key] });
  return analysis;
}

/** The view without its analysis fields. */
export function withoutAnalysis(view: GraphViewState): GraphViewState {
  const rest = { ...view };
  for (const key of ANALYSIS_KEYS) delete rest[key];
  return rest;
}

/** The view with `analysis` as its analysis fields: those the view had are replaced, undefined ones dropped. */
export function withAnalysis(view: GraphViewState, analysis: AnalysisAddress): GraphViewState {
  return { ...withoutAnalysis(view), ...analysisOf(analysis) };
}
