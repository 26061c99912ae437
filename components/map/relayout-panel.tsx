'use client';
// "Lay out again and save", beside the map's layout control (analysts only): starts a run of the
// whole network or of this view (POST /api/layout-jobs), shows its progress while the server lays
// it out (polling GET /api/layout-jobs/{id}), and lists the latest runs, the newest finished one
// with an Undo. The run itself is the server's (lib/data/layout/run-layout-job.ts): leaving the page
// does not stop it, and any analyst's map shows it.
import { useCallback, useEffect, useState } from 'react';
import type { LayoutJobDto, LayoutScope } from '@/lib/validation/layout-jobs';
import './relayout.css';

const POLL_MS = 1_000;

interface Props {
  /** The map's address of the view shown (serializeGraphQuery's text), for a run of this view. */
  viewQuery: string;
}

async function call(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
  return body;
}

const active = (job: LayoutJobDto | null) => job !== null && (job.status === 'queued' || job.status === 'running');
const STATUS_WORDS: Record<LayoutJobDto['status'], string> = { queued: 'waiting', running: 'running', done: 'saved', failed: 'failed', undone: 'undone' };

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function RelayoutPanel({ viewQuery }: Props) {
  const [scope, setScope] = useState<LayoutScope>('all');
  const [jobs, setJobs] = useState<LayoutJobDto[]>([]);
  const [current, setCurrent] = useState<LayoutJobDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const { jobs: list } = (await call('/api/layout-jobs')) as { jobs: LayoutJobDto[] };
    setJobs(list);
    return list;
  }, []);

  // On opening the map: the history, and a run already under way (started here or by someone else).
  useEffect(() => {
    call('/api/layout-jobs')
      .then((body) => {
        const list = (body as { jobs: LayoutJobDto[] }).jobs;
        setJobs(list);
        const running = list.find((j) => active(j));
        if (running) setCurrent(running);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const runningId = active(current) ? current!.id : null;
  useEffect(() => {
    if (!runningId) return;
    const timer = setInterval(() => {
      call(`/api/layout-jobs/${runningId}`)
        .then((job) => {
          const next = job as LayoutJobDto;
          setCurrent(next);
          if (!active(next)) void refresh();
        })
        .catch((e: Error) => setError(e.message));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [runningId, refresh]);

  const start = async () => {
    setError(null);
    setUndone(false);
    setBusy(true);
    try {
      const job = (await call('/api/layout-jobs', { method: 'POST', body: JSON.stringify(scope === 'view' ? { scope, query: viewQuery } : { scope }) })) as LayoutJobDto;
      setCurrent(job);
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const undo = async (job: LayoutJobDto) => {
    setError(null);
    setBusy(true);
    try {
      setCurrent((await call(`/api/layout-jobs/${job.id}/undo`, { method: 'POST', body: '{}' })) as LayoutJobDto);
      setUndone(true);
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const running = active(current);
  const percent = current ? Math.round(current.progress * 100) : 0;
  return (
    <section className="map-relayout" aria-labelledby="relayout-heading">
      <h2 id="relayout-heading">Lay out again and save</h2>
      <p className="muted">A fresh force layout, saved as everyone’s map places. It runs on the server; you can keep working.</p>
      <fieldset className="field" disabled={running || busy}>
        <legend>What to lay out</legend>
        <label className="checkbox">
          <input type="radio" name="relayout-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole network
        </label>
        <label className="checkbox">
          <input type="radio" name="relayout-scope" checked={scope === 'view'} onChange={() => setScope('view')} /> The actors in this view
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={start} disabled={running || busy}>
          Lay out again
        </button>
      </div>
      {current && running && (
        <div className="map-relayout-progress">
          <progress aria-label="Layout progress" max={100} value={percent} />
          <p role="status">
            {current.phase || 'Starting'}… {percent}%
          </p>
        </div>
      )}
      {current?.status === 'done' && !undone && (
        <p role="status" className="form-saved">
          Saved new places for {current.movedCount.toLocaleString('en-GB')} actors.{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Show the new layout
          </button>
        </p>
      )}
      {current?.status === 'undone' && undone && (
        <p role="status" className="form-saved">
          Undone: the places before that layout are back.{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Show them
          </button>
        </p>
      )}
      {current?.status === 'failed' && (
        <p role="alert" className="form-error">
          The layout failed: {current.message}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {jobs.length > 0 && (
        <>
          <h3 id="relayout-history-heading">Recent layouts</h3>
          <ul className="map-relayout-history" aria-labelledby="relayout-history-heading">
            {jobs.map((job) => (
              <li key={job.id}>
                {when(job.createdAt)}: {job.scope === 'all' ? 'whole network' : 'a view'}, {job.actorCount.toLocaleString('en-GB')} actors
                {job.requestedBy ? `, by ${job.requestedBy}` : ''} — {STATUS_WORDS[job.status]}
                {job.canUndo && (
                  <>
                    {' '}
                    <button type="button" onClick={() => undo(job)} disabled={running || busy} aria-label={`Undo the layout of ${when(job.createdAt)}`}>
                      Undo
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
