// The words and limits of analysis on the map: which metrics and weights exist, how each metric
// reads a weight, when estimates take over. No graphology here, so the address parser and the
// panels can import it without pulling the algorithms into their bundle.
export const WEIGHT_MODES = ['none', 'strength', 'grade', 'both'] as const;
export type WeightMode = (typeof WEIGHT_MODES)[number];

export const WEIGHT_LABELS: Record<WeightMode, string> = {
  none: 'None (every tie counts 1)',
  strength: 'Strength (1–5)',
  grade: 'Evidence grade',
  both: 'Strength × evidence',
};

export const METRICS = [
  'degree',
  'in-degree',
  'out-degree',
  'weighted-degree',
  'betweenness',
  'closeness',
  'pagerank',
  'eigenvector',
  'k-core',
  'communities',
] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  degree: 'Degree',
  'in-degree': 'In-degree',
  'out-degree': 'Out-degree',
  'weighted-degree': 'Weighted degree',
  betweenness: 'Betweenness',
  closeness: 'Closeness',
  pagerank: 'PageRank',
  eigenvector: 'Eigenvector',
  'k-core': 'k-core',
  communities: 'Communities (Louvain)',
};

/** How a metric reads the weight: as a bond (strength-like), a length (distance-like), or not at all. */
export const METRIC_WEIGHT_USE: Record<Metric, 'strength' | 'distance' | 'ignored'> = {
  degree: 'ignored',
  'in-degree': 'ignored',
  'out-degree': 'ignored',
  'weighted-degree': 'strength',
  betweenness: 'distance',
  closeness: 'distance',
  pagerank: 'strength',
  eigenvector: 'strength',
  'k-core': 'ignored',
  communities: 'strength',
};

/** Above this many actors, betweenness and closeness are estimated from sampled sources. */
export const EXACT_PATHS_UP_TO = 2_000;
/** How many source actors the estimate runs shortest paths from. */
export const PATH_SOURCES = 200;
export const DEFAULT_RESOLUTION = 1;

export const DEFAULT_SAMPLES = 100;
export const MAX_SAMPLES = 500;
/**
 * Resampling recomputes the metric per sample. Communities keep a table of every pair of actors,
 * so they resample up to this many; above it, and for views the server resamples on its worker
 * thread, each sample's betweenness and closeness are estimated from ROBUST_PATH_SOURCES sources.
 */
export const ROBUSTNESS_MAX_ACTORS = 1_000;
/** The most actors the server resamples (a metric other than communities). */
export const ROBUSTNESS_SERVER_MAX_ACTORS = 100_000;
/** Sampled sources per resampled view above ROBUSTNESS_MAX_ACTORS: a hundred samples fit a worker's two minutes at 20,000 actors. */
export const ROBUST_PATH_SOURCES = 32;
export const TOP_N = 10;

/** What the panel says about how the metric reads the weight and whether it was estimated. */
export interface MethodFacts {
  metric: Metric;
  weight: WeightMode;
  method: 'exact' | 'sampled';
  sources?: number;
  actors: number;
}

/** "3rd" */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export function describeMethod(result: MethodFacts): string {
  const use = METRIC_WEIGHT_USE[result.metric];
  const weightText =
    result.weight === 'none' || use === 'ignored'
      ? 'Ties count equally.'
      : use === 'distance'
        ? 'Weights read as distances (1 ÷ weight): strong, well-evidenced ties are short paths.'
        : 'Weights read as strengths: strong, well-evidenced ties count more.';
  const sampled =
    result.method === 'sampled'
      ? ` Estimated from shortest paths out of ${result.sources} sampled actors of ${result.actors.toLocaleString('en-GB')} (exact up to ${EXACT_PATHS_UP_TO.toLocaleString('en-GB')} actors).`
      : '';
  return weightText + sampled;
}
