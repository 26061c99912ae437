// The map's Web Worker: metrics, robustness and a metric through time for the views the browser
// holds, so betweenness over thousands of actors never blocks the page. Messages carry an id;
// the hook (use-analysis.ts) keeps only the answer to its latest question. Inputs and a metric's
// rows travel packed (packed-input.ts), their buffers transferred, so the page's thread neither
// serialises a view's ties nor deserialises thousands of rows.
import { computeMetric, type AnalysisInput, type MetricOptions } from '@/lib/graph/analysis/metrics';
import { buffersOf, packResult, unpackInput, type PackedInput, type PackedResult } from '@/lib/graph/analysis/packed-input';
import { computeRobustness, type RobustnessResult } from '@/lib/graph/analysis/robustness';

export type AnalysisRequest =
  /** `input` 'as-before': the view of this worker's previous metric question (another metric of the same view is not packed and posted again). */
  | { id: number; task: 'metric'; input: PackedInput | 'as-before'; options: MetricOptions; samples?: number }
  | { id: number; task: 'timeline'; actorId: string; steps: { asOf: string; input: PackedInput }[]; options: MetricOptions };

export interface TimelinePoint {
  asOf: string;
  /** Null when the actor is not in that step's view. */
  value: number | null;
  rank: number | null;
  actors: number;
}

export type AnalysisResponse =
  /** A metric's rows packed; robustness (views of at most ROBUSTNESS_MAX_ACTORS) as plain rows, with their partners. */
  | { id: number; task: 'metric'; result: PackedResult | RobustnessResult }
  | { id: number; task: 'timeline'; points: TimelinePoint[] }
  | { id: number; task: 'error'; message: string };

/** The view of the last metric question, unpacked, for the questions about it that follow. */
let lastView: { input: AnalysisInput; ids: string[] } | null = null;

function viewOf(input: PackedInput | 'as-before'): { input: AnalysisInput; ids: string[] } {
  if (input !== 'as-before') lastView = { input: unpackInput(input), ids: input.ids };
  if (!lastView) throw new Error('no view was posted before');
  return lastView;
}

function answer(request: AnalysisRequest): { response: AnalysisResponse; transfer: ArrayBuffer[] } {
  if (request.task === 'metric') {
    const { input, ids } = viewOf(request.input);
    if (request.samples) return { response: { id: request.id, task: 'metric', result: computeRobustness(input, { ...request.options, samples: request.samples }) }, transfer: [] };
    const result = packResult(computeMetric(input, request.options), ids);
    const { node, value, rank, community } = result.packedRows;
    return { response: { id: request.id, task: 'metric', result }, transfer: buffersOf(node, value, rank, community) };
  }
  const points = request.steps.map(({ asOf, input: packed }): TimelinePoint => {
    const input = unpackInput(packed);
    const row = packed.ids.includes(request.actorId) ? computeMetric(input, request.options).rows.find((r) => r.id === request.actorId) : undefined;
    return { asOf, value: row?.value ?? null, rank: row?.rank ?? null, actors: input.nodes.length };
  });
  return { response: { id: request.id, task: 'timeline', points }, transfer: [] };
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (message: AnalysisResponse, transfer: Transferable[]) => void;
};
scope.onmessage = (event) => {
  try {
    const { response, transfer } = answer(event.data);
    scope.postMessage(response, transfer);
  } catch (error) {
    scope.postMessage({ id: event.data.id, task: 'error', message: error instanceof Error ? error.message : String(error) }, []);
  }
};
