'use client';
// The map's whole view lives in its address: filters, date, focus, selection, path, layout.
// Reading goes through parseGraphQuery and writing through serializeGraphQuery, both in
// lib/validation/graph-queries.ts. Changes use the History API directly (Next keeps useSearchParams in
// step with it), so a filter change is a new history entry without a trip to the server.
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLatest } from '@/components/use-latest';
import { useSameContent } from '@/components/use-same-content';
import {
  DEFAULT_HOPS,
  DEFAULT_LAYOUT,
  parseGraphQuery,
  serializeGraphQuery,
  type GraphViewState,
} from '@/lib/validation/graph-queries';
import { searchParamsRecord } from '@/lib/validation/shared-queries';
import type { GraphQuery } from '@/lib/graph/types';

export interface MapAddress {
  query: GraphQuery;
  view: GraphViewState;
}

export interface MapAddressState extends MapAddress {
  /** Problems with the address as typed; the map then shows the default view. */
  errors: string[];
  /**
   * Moves to a new view. 'push' makes a history entry (back returns here); 'replace' rewrites
   * the current one, for steps of a running animation. Pushes of the same kind within a
   * moment of each other (a slider drag) share one entry.
   */
  navigate: (next: MapAddress, options?: { mode?: 'push' | 'replace'; coalesce?: string }) => void;
}

export const DEFAULT_ADDRESS: MapAddress = { query: { showEnded: true, hops: DEFAULT_HOPS }, view: { layout: DEFAULT_LAYOUT } };

export function addressHref(next: MapAddress): string {
  const qs = serializeGraphQuery(next.query, next.view).toString();
  return qs ? `?${qs}` : window.location.pathname;
}

const COALESCE_MS = 1000;
/** One empty list, so an address without problems hands the map the same one each render. */
const NO_ERRORS: string[] = [];

export function useMapAddress(): MapAddressState {
  const searchParams = useSearchParams();
  const parsed = useMemo(() => parseGraphQuery(searchParamsRecord(searchParams)), [searchParams]);
  const lastPush = useRef<{ key: string; at: number } | null>(null);
  // The address just navigated to, shown at once: Next updates useSearchParams a render later,
  // and controls (a ticked box) must not flick back meanwhile. Dropped when the params catch up.
  const [optimistic, setOptimistic] = useState<{ base: typeof searchParams; address: MapAddress } | null>(null);
  const currentParams = useLatest(searchParams);

  const navigate = useCallback<MapAddressState['navigate']>((next, options = {}) => {
    const href = addressHref(next);
    if (href === window.location.search || (href === window.location.pathname && window.location.search === '')) return;
    // Read back through the parser, so the view shown now is exactly what the address will give.
    const reparsed = parseGraphQuery(searchParamsRecord(new URLSearchParams(href.startsWith('?') ? href.slice(1) : '')));
    if (reparsed.ok) setOptimistic({ base: currentParams(), address: { query: reparsed.query, view: reparsed.view } });
    const now = Date.now();
    const coalesce = options.coalesce && lastPush.current?.key === options.coalesce && now - lastPush.current.at < COALESCE_MS;
    const mode = options.mode === 'replace' || coalesce ? 'replace' : 'push';
    lastPush.current = options.coalesce ? { key: options.coalesce, at: now } : null;
    // Next's router syncs useSearchParams with these calls only when the state is null.
    if (mode === 'push') window.history.pushState(null, '', href);
    else window.history.replaceState(null, '', href);
  }, [currentParams]);

  const shown: MapAddress & { errors: string[] } =
    optimistic && optimistic.base === searchParams
      ? { ...optimistic.address, errors: NO_ERRORS }
      : parsed.ok
        ? { query: parsed.query, view: parsed.view, errors: NO_ERRORS }
        : { ...DEFAULT_ADDRESS, errors: parsed.errors };
  // One change of address arrives twice (at once, then when Next's search params catch up), and
  // changing the metric alone leaves the query as it was: without these each arrival gave the map
  // new objects, and everything keyed on them (the view's mask, the elements) was worked out again.
  const query = useSameContent(shown.query);
  const view = useSameContent(shown.view);
  return { query, view, errors: shown.errors, navigate };
}
