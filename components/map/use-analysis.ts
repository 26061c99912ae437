'use client';
// Asks the map's Web Worker (analysis-worker.ts) for a metric of the view on screen, or for one
// actor's metric through time. One worker per map, created on first use and ended on unmount;
// a newer question supersedes an older one, whose answer is dropped.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisInput, MetricOptions, MetricResult } from '@/lib/graph/analysis/metrics';
import type { RobustnessResult } from '@/lib/graph/analysis/robustness';
import type { AnalysisRequest, AnalysisResponse, TimelinePoint } from './analysis-worker';

type Pending = Omit<Extract<AnalysisRequest, { task: 'metric' }>, 'id'> | Omit<Extract<AnalysisRequest, { task: 'timeline' }>, 'id'>;

function useWorkerTask<T>(request: Pending | null, pick: (response: AnalysisResponse) => T | undefined) {
  const worker = useRef<Worker | null>(null);
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
      if (event.data.task === 'error') setAnswer({ question: request, value: null, error: event.data.message });
      else setAnswer({ question: request, value: pickRef.current(event.data) ?? null, error: null });
    };
    const current = worker.current;
    current.addEventListener('message', onMessage);
    current.postMessage({ ...request, id } as AnalysisRequest);
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
  return useWorkerTask<MetricResult | RobustnessResult>(request, (r) => (r.task === 'metric' ? r.result : undefined));
}

export function useTimeline(actorId: string | null, steps: { asOf: string; input: AnalysisInput }[] | null, options: MetricOptions | null) {
  const request = useMemo<Pending | null>(
    () => (actorId && steps && options ? { task: 'timeline', actorId, steps, options } : null),
    [actorId, steps, options],
  );
  return useWorkerTask<TimelinePoint[]>(request, (r) => (r.task === 'timeline' ? r.points : undefined));
}
