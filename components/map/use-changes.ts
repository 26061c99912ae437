'use client';
// What changed between the compared dates in the map's view, from GET /api/graph/changes
// (lib/data/network/load-changes.ts), asked again when the dates, filters or focus change.
import { useEffect, useState } from 'react';
import type { LabelledChanges } from '@/lib/graph/changes';
import type { GraphQuery } from '@/lib/graph/types';
import type { CompareWindow } from '@/lib/validation/change-queries';
import { serializeGraphQuery } from '@/lib/validation/graph-queries';

export interface ChangesState {
  data: LabelledChanges | null;
  error: string | null;
}

/** The API's address for a comparison: the map's filters and focus, and the two dates. */
export function changesPath(query: GraphQuery, window: CompareWindow): string {
  const params = serializeGraphQuery({ ...query, asOf: undefined, showEnded: true });
  params.set('from', window.from);
  params.set('to', window.to);
  return `/api/graph/changes?${params.toString()}`;
}

export function useChanges(path: string | null): ChangesState {
  const [state, setState] = useState<{ path: string | null } & ChangesState>({ path: null, data: null, error: null });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    fetch(path, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
        setState({ path, data: body.data as LabelledChanges, error: null });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ path, data: null, error: error.message });
      });
    return () => controller.abort();
  }, [path]);
  return state.path === path && path ? { data: state.data, error: state.error } : { data: null, error: null };
}
