'use client';
// Fetching what the map draws (GET /api/graph/map, lib/graph/map-payload) for the payload address
// of the current map address. The browser keeps each answer and revalidates it by ETag, so a
// return visit to an unchanged network costs a 304. While a new payload loads the last one stays
// on screen; a newer address cancels the older request.
import { useEffect, useState } from 'react';
import { decodeMapPayload, type DecodedMap, type MapPayload } from '@/lib/graph/map-payload';

export interface MapPayloadState {
  data: DecodedMap | null;
  /** A payload for the current address is on its way (`data` is an older one, or none). */
  loading: boolean;
  error: string | null;
}

interface Loaded {
  data: DecodedMap | null;
  /** The payload address `data` came from. */
  from: string | null;
  failed: { path: string; message: string } | null;
}

export function useMapPayload(path: string): MapPayloadState {
  const [loaded, setLoaded] = useState<Loaded>({ data: null, from: null, failed: null });
  useEffect(() => {
    const controller = new AbortController();
    fetch(path, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        performance.mark('powermap:payload-response');
        const body = await response.json();
        performance.mark('powermap:payload-parsed');
        if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
        const data = decodeMapPayload(body as MapPayload);
        performance.mark('powermap:payload-decoded');
        setLoaded({ data, from: path, failed: null });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setLoaded((s) => ({ ...s, failed: { path, message: error.message } }));
      });
    return () => controller.abort();
  }, [path]);
  const error = loaded.failed?.path === path ? loaded.failed.message : null;
  return { data: loaded.data, loading: loaded.from !== path && error === null, error };
}
