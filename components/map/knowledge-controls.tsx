'use client';
// The knowledge date (the address's known=YYYY-MM-DD, lib/graph/knowledge.ts): the map counts
// only claims whose source had been published by then. Sources without a publication date never
// count under it; they are listed here, so an analyst sees what the cut leaves unjudged.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { formatPartialDate } from '@/lib/domain/dates';

export interface KnowledgeControlsProps {
  known: string | undefined;
  today: string;
  onChange: (known: string | undefined) => void;
}

interface UndatedSource {
  id: string;
  title: string;
  claimCount: number;
}

function useUndatedSources(active: boolean): { sources: UndatedSource[] | null; error: string | null } {
  const [state, setState] = useState<{ sources: UndatedSource[] | null; error: string | null }>({ sources: null, error: null });
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    fetch('/api/sources?published=unknown', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
        setState({ sources: (body.sources as UndatedSource[]).map(({ id, title, claimCount }) => ({ id, title, claimCount })), error: null });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ sources: null, error: error.message });
      });
    return () => controller.abort();
  }, [active]);
  return state;
}

export function KnowledgeControls({ known, today, onChange }: KnowledgeControlsProps) {
  const undated = useUndatedSources(Boolean(known));
  const claims = undated.sources?.reduce((n, s) => n + s.claimCount, 0) ?? 0;
  return (
    <fieldset className="map-time map-known">
      <legend>What was known when</legend>
      <div className="map-time-row">
        <label className="field">
          <span>Known as of</span>
          <input
            type="date"
            aria-label="Known as of"
            max={today}
            value={known ?? ''}
            onChange={(e) => {
              const iso = e.target.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) onChange(iso >= today ? undefined : iso);
              else if (iso === '') onChange(undefined);
            }}
          />
        </label>
        {known && (
          <button type="button" onClick={() => onChange(undefined)}>
            Known today
          </button>
        )}
      </div>
      {known ? (
        <div role="status">
          <p>
            As known on {formatPartialDate({ date: known, precision: 'day' })}: only claims from sources published by then count; ties
            reported only later are not shown, and grades and disputes are read from what was known.
          </p>
          {undated.error && <p role="alert">Could not list the undated sources: {undated.error}</p>}
          {undated.sources && undated.sources.length > 0 && (
            <details>
              <summary>
                {undated.sources.length} {undated.sources.length === 1 ? 'source has' : 'sources have'} no publication date ({claims}{' '}
                {claims === 1 ? 'claim' : 'claims'}): unknown, not counted
              </summary>
              <ul aria-label="Sources without a publication date">
                {undated.sources.map((s) => (
                  <li key={s.id}>
                    <Link href={`/sources/${s.id}`}>{s.title}</Link> <span className="muted">({s.claimCount})</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ) : (
        <p className="muted">Everything known today counts. Pick a day to see the network as it was reported by then.</p>
      )}
    </fieldset>
  );
}
