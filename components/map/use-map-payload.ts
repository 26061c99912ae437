'use client';
// Fetching what the map draws (GET /api/graph/map, lib/graph/map-payload) for the payload address
// of the current map address. The browser keeps each answer and revalidates it by ETag, so a
// return visit to an unchanged network costs a 304. While a new payload loads the last one stays
// on screen; a newer address cancels the older request.
import { useEffect, useState } from 'react';
import { decodeMapPayload, type DecodedMap, type MapPayload } from '@/lib/graph/map-payload';

export interface MapPayloadState {
  data: DecodedMap | null;
  /** The payload address `data` came from. */
  loadedFrom: string | null;
  loading: boolean;
  error: string | null;
}

export function useMapPayload(path: string): MapPayloadState {
  const [state, setState] = useState<MapPayloadState>({ data: null, loadedFrom: null, loading: true, error: null });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.loadedFrom === path && s.data ? s : { ...s, loading: true, error: null }));
    fetch(path, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
        setState({ data: decodeMapPayload(body as MapPayload), loadedFrom: path, loading: false, error: null });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState((s) => ({ ...s, loading: false, error: error.message }));
      });
    return () => controller.abort();
  }, [path]);
  return state;
}
