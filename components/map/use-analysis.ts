'use client';
// Asks the map's Web Worker (analysis-worker.ts) for a metric of the view on screen, or for one
// actor's metric through time. One worker per map, created on first use and ended on unmount;
// a newer question supersedes an older one, whose answer is dropped.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisInput, MetricOptions, MetricResult } from '@/lib/graph/analysis/metrics';
import { buffersOf, packInput, unpackResult, type PackedInput } from '@/lib/graph/analysis/packed-input';
import type { RobustnessResult } from '@/lib/graph/analysis/robustness';
import { RESULT_MARK } from './analysis-result-mark';
import type { AnalysisRequest, AnalysisResponse, TimelinePoint } from './analysis-worker';

/** A question as the hooks hold it: the view's input unpacked; it is packed on its way to the worker. */
type Pending =
  | { task: 'metric'; input: AnalysisInput; options: MetricOptions; samples?: number }
  | { task: 'timeline'; actorId: string; steps: { asOf: string; input: AnalysisInput }[]; options: MetricOptions };

const tieBuffers = (input: PackedInput) => buffersOf(input.source, input.target, input.strength, input.confidence);

/**
 * Posts a question with its ties' buffers transferred (each post packs afresh, so nothing held is
 * detached). A metric of the view the worker was last asked about goes without the view: packing
 * it again (a long task at thousands of actors) only to say the same is what choosing another
 * metric cost, while it computed. `sent` is the view this worker last received.
 */
function post(worker: Worker, request: Pending, id: number, sent: { current: AnalysisInput | null }): void {
  if (request.task === 'metric') {
    if (sent.current === request.input) {
      const message: AnalysisRequest = { ...request, id, input: 'as-before' };
      worker.postMessage(message);
      return;
    }
    const input = packInput(request.input);
    const message: AnalysisRequest = { ...request, id, input };
    worker.postMessage(message, tieBuffers(input));
    sent.current = request.input;
    return;
  }
  const steps = request.steps.map((step) => ({ asOf: step.asOf, input: packInput(step.input) }));
  const message: AnalysisRequest = { ...request, id, steps };
  worker.postMessage(message, steps.flatMap((step) => tieBuffers(step.input)));
}

function useWorkerTask<T>(request: Pending | null, pick: (response: AnalysisResponse, request: Pending) => T | undefined) {
  const worker = useRef<Worker | null>(null);
  const sent = useRef<AnalysisInput | null>(null);
  const latest = useRef(0);
  // The last answer and the question it answers: pending while the question on hand is newer.
  const [answer, setAnswer] = useState<{ question: Pending; value: T | null; error: string | null } | null>(null);
  const pickRef = useRef(pick);
  useEffect(() => {
    pickRef.current = pick;
  });

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (!request) return;
    worker.current ??= new Worker(new URL('./analysis-worker.ts', import.meta.url));
    const id = ++latest.current;
    const onMessage = (event: MessageEvent<AnalysisResponse>) => {
      if (event.data.id !== latest.current || id !== latest.current) return;
      performance.mark(RESULT_MARK);
      if (event.data.task === 'error') setAnswer({ question: request, value: null, error: event.data.message });
      else setAnswer({ question: request, value: pickRef.current(event.data, request) ?? null, error: null });
    };
    const current = worker.current;
    current.addEventListener('message', onMessage);
    post(current, request, id, sent);
    return () => current.removeEventListener('message', onMessage);
  }, [request]);

  if (!request) return { value: null, pending: false, error: null };
  return { value: answer?.value ?? null, pending: answer?.question !== request, error: answer?.question === request ? answer.error : null };
}

export function useMetric(input: AnalysisInput | null, options: MetricOptions | null, samples: number | undefined) {
  const request = useMemo<Pending | null>(
    () => (input && options ? { task: 'metric', input, options, ...(samples ? { samples } : {}) } : null),
    [input, options, samples],
  );
  return useWorkerTask<MetricResult | RobustnessResult>(request, (r, question) => {
    if (r.task !== 'metric' || question.task !== 'metric') return undefined;
    return 'packedRows' in r.result ? unpackResult(r.result, question.input.nodes) : r.result;
  });
}

export function useTimeline(actorId: string | null, steps: { asOf: string; input: AnalysisInput }[] | null, options: MetricOptions | null) {
  const request = useMemo<Pending | null>(
    () => (actorId && steps && options ? { task: 'timeline', actorId, steps, options } : null),
    [actorId, steps, options],
  );
  return useWorkerTask<TimelinePoint[]>(request, (r) => (r.task === 'timeline' ? r.points : undefined));
}

/** What GET /api/graph/metrics answers: the result's facts beside the rows. */
interface MetricsBody {
  data?: Omit<RobustnessResult, 'rows'> & { asOf: string; actors: number; note: string };
  rows?: RobustnessResult['rows'];
  error?: { message?: string };
}

/**
 * Asks GET /api/graph/metrics for the robustness of a view too large to resample here: the server
 * resamples it on a worker thread (32 sampled sources a sample for path metrics) and answers once.
 * `search` is the route's query (the shown view's address with metric, weight, resolution,
 * samples); a newer one aborts the request on its way.
 */
export function useServerMetric(search: string | null) {
  const [answer, setAnswer] = useState<{ search: string; value: RobustnessResult | null; error: string | null } | null>(null);
  useEffect(() => {
    if (search === null) return;
    const controller = new AbortController();
    void (async () => {
      try {
        const response = await fetch(`/api/graph/metrics?${search}`, { signal: controller.signal, headers: { accept: 'application/json' } });
        const body = (await response.json()) as MetricsBody;
        performance.mark(RESULT_MARK);
        if (!response.ok || !body.data || !body.rows) {
          setAnswer({ search, value: null, error: body.error?.message ?? `the server answered ${response.status}` });
          return;
        }
        const { asOf: _asOf, actors: _actors, note: _note, ...facts } = body.data;
        setAnswer({ search, value: { ...facts, rows: body.rows }, error: null });
      } catch (error) {
        if (controller.signal.aborted) return;
        setAnswer({ search, value: null, error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => controller.abort();
  }, [search]);
  if (search === null) return { value: null, pending: false, error: null };
  return { value: answer?.value ?? null, pending: answer?.search !== search, error: answer?.search === search ? answer.error : null };
}
