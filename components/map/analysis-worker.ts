// The map's Web Worker: metrics, robustness and a metric through time for the views the browser
// holds, so betweenness over thousands of actors never blocks the page. Messages carry an id;
// the hook (use-analysis.ts) keeps only the answer to its latest question.
import { computeMetric, type AnalysisInput, type MetricOptions, type MetricResult } from '@/lib/graph/analysis/metrics';
import { computeRobustness, type RobustnessResult } from '@/lib/graph/analysis/robustness';

export type AnalysisRequest =
  | { id: number; task: 'metric'; input: AnalysisInput; options: MetricOptions; samples?: number }
  | { id: number; task: 'timeline'; actorId: string; steps: { asOf: string; input: AnalysisInput }[]; options: MetricOptions };

export interface TimelinePoint {
  asOf: string;
  /** Null when the actor is not in that step's view. */
  value: number | null;
  rank: number | null;
  actors: number;
}

export type AnalysisResponse =
  | { id: number; task: 'metric'; result: MetricResult | RobustnessResult }
  | { id: number; task: 'timeline'; points: TimelinePoint[] }
  | { id: number; task: 'error'; message: string };

function answer(request: AnalysisRequest): AnalysisResponse {
  if (request.task === 'metric') {
    const result = request.samples ? computeRobustness(request.input, { ...request.options, samples: request.samples }) : computeMetric(request.input, request.options);
    return { id: request.id, task: 'metric', result };
  }
  const points = request.steps.map(({ asOf, input }): TimelinePoint => {
    const row = input.nodes.some((n) => n.id === request.actorId) ? computeMetric(input, request.options).rows.find((r) => r.id === request.actorId) : undefined;
    return { asOf, value: row?.value ?? null, rank: row?.rank ?? null, actors: input.nodes.length };
  });
  return { id: request.id, task: 'timeline', points };
}

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null; postMessage: (message: AnalysisResponse) => void };
scope.onmessage = (event) => {
  try {
    scope.postMessage(answer(event.data));
  } catch (error) {
    scope.postMessage({ id: event.data.id, task: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
