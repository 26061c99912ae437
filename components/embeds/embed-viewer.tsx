'use client';
// A published view or story, read-only, as a page in someone else's article: the frozen document
// (GET /api/embed/{views|stories}/{id}, revalidated by ETag, sent without cookies) drawn one frame
// at a time, a story stepped through with buttons or the arrow keys, each step's date, caption and
// the grades of the ties it highlights, and a link back to the full record on Powermap. Every link
// opens outside the frame: the article stays where it is.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { EmbedCanvas, embedViewOf } from '@/components/graph/embed-canvas';
import { CHANGE_COLOURS } from '@/components/graph/graph-style';
import { GradeBadge } from '@/components/grade-badge';
import { CaptionText } from '@/components/views/caption-text';
import { formatPartialDate } from '@/lib/domain/dates';
import { TIE_TYPE_INFO, type TieType } from '@/lib/domain/vocabulary';
import { changeInputOf, changeMarkIds, diffNetwork } from '@/lib/graph/changes';
import { frameDateWords, type EmbedDocument, type EmbedKind } from '@/lib/graph/embed-snapshot';
import { decodeMapPayload } from '@/lib/graph/map-payload';
import { tracedPaths } from '@/lib/graph/traced-paths';
import { parseGraphQuery } from '@/lib/validation/graph-queries';
import './embeds.css';

interface Props {
  kind: EmbedKind;
  /** Where the document is read: /api/embed/views/<id> or /api/embed/stories/<id>. */
  source: string;
  exposeTestHook: boolean;
}

type Loaded = { doc: EmbedDocument; error: null } | { doc: null; error: string } | null;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function EmbedViewer({ kind, source, exposeTestHook }: Props) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetch(source, { signal: controller.signal, credentials: 'omit', headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
        setLoaded({ doc: body as EmbedDocument, error: null });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setLoaded({ doc: null, error: error.message });
      });
    return () => controller.abort();
  }, [source]);

  const doc = loaded?.doc ?? null;
  const count = doc?.frames.length ?? 0;
  const go = useCallback((next: number) => setIndex(Math.max(0, Math.min(next, count - 1))), [count]);

  useEffect(() => {
    if (kind !== 'story') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') {
        event.preventDefault();
        go(index + 1);
      } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
        event.preventDefault();
        go(index - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [kind, go, index]);

  const frame = doc?.frames[index];
  const map = useMemo(() => (frame ? decodeMapPayload(frame.payload) : null), [frame]);
  const highlight = useMemo(() => (frame ? [...frame.highlight.actors.map((a) => `actor:${a}`), ...frame.highlight.ties.map((t) => `tie:${t}`)] : []), [frame]);
  // Two dates compared: the marks come from the frozen payload itself, which holds the later day with its ended ties.
  const cut = useMemo(() => (map ? embedViewOf(map) : null), [map]);
  // A traced path, as the map traces it from the same address on the same (frozen) view.
  const path = useMemo(() => {
    if (!frame || !map || !cut || map.overview) return null;
    const parsed = parseGraphQuery(frame.params);
    if (!parsed.ok || !parsed.view.path) return null;
    const { paths } = tracedPaths(cut.view, parsed.view.path, parsed.view.pathOptions ?? { avoid: [] }, map.hidden);
    return paths[parsed.view.pathShown ?? 0] ?? paths[0] ?? null;
  }, [frame, map, cut]);
  const span = useMemo(() => {
    const dates = frame?.params.compare?.split('..');
    return dates?.length === 2 && dates[0]! < dates[1]! ? { from: dates[0]!, to: dates[1]! } : null;
  }, [frame]);
  const marks = useMemo(() => {
    if (!map || map.overview || !span) return null;
    const { ties, actors } = changeInputOf(map.graph);
    return changeMarkIds(diffNetwork(ties, actors, span));
  }, [map, span]);

  if (!loaded) return <p className="embed-message" aria-busy="true">Loading…</p>;
  if (!doc || !frame || !map || !cut) {
    return <p className="embed-message" role="alert">{loaded.error ?? 'This embed has nothing to show.'}</p>;
  }
  const evidence = new Map(frame.ties.map((t) => [t.id, t]));
  const published = formatPartialDate({ date: doc.publishedAt.slice(0, 10), precision: 'day' });
  const drawn = map.overview
    ? `${plural(map.overview.groups.length, 'group', 'groups')} of actors`
    : `${plural(map.graph.nodes.length, 'actor', 'actors')} and ${plural(map.graph.edges.length, 'tie', 'ties')}`;

  return (
    <div className="embed">
      <EmbedCanvas
        // A new picture per step: each frame is its own arrangement.
        key={index}
        map={map}
        cut={cut}
        path={path}
        positions={frame.positions}
        camera={frame.camera}
        highlight={highlight}
        marks={marks}
        exposeTestHook={exposeTestHook}
        className="embed-canvas"
        label={`${doc.title}: ${drawn}, ${frameDateWords(frame)}`}
      />
      <section className="embed-caption" aria-label={kind === 'story' ? 'Story step' : 'View'}>
        <h1>{doc.title}</h1>
        {kind === 'story' && <p className="muted">Step {index + 1} of {count}</p>}
        <p className="embed-date">{frameDateWords(frame)}</p>
        {kind === 'view' && doc.description && <p>{doc.description}</p>}
        {marks && span && (
          <ul className="embed-compare-legend" aria-label="Compared">
            <li><span className="change-swatch" style={{ background: CHANGE_COLOURS.new }} aria-hidden="true" /> New: begun between the dates ({marks.added.size})</li>
            <li><span className="change-swatch" style={{ background: CHANGE_COLOURS.gone }} aria-hidden="true" /> Gone: over by {formatPartialDate({ date: span.to, precision: 'day' })} ({marks.ended.size})</li>
            <li><span className="change-swatch change-swatch-faded" aria-hidden="true" /> Faded: continuing</li>
          </ul>
        )}
        {path && (
          <p className="embed-path">
            Path: {path.nodeIds.map((id) => map.graph.nodes.find((n) => n.id === id)?.label ?? id).join(' → ')} ({plural(path.edgeIds.length, 'tie', 'ties')})
          </p>
        )}
        {frame.caption && <CaptionText text={frame.caption} />}
        {frame.highlight.ties.length > 0 && (
          <ul aria-label="Highlighted ties">
            {frame.highlight.ties.map((id) => {
              const tie = evidence.get(id);
              if (!tie) return null;
              return (
                <li key={id}>
                  <a href={`/ties/${encodeURIComponent(id)}`} target="_blank" rel="noopener">
                    {tie.source.name} {TIE_TYPE_INFO[tie.type as TieType]?.label ?? tie.type} {tie.target.name}
                  </a>{' '}
                  <GradeBadge grade={tie.grade} /> <span className="muted">{plural(tie.claimCount, 'claim', 'claims')}</span>
                </li>
              );
            })}
          </ul>
        )}
        {kind === 'story' && (
          <div className="embed-nav">
            <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
              ← Previous
            </button>
            <button type="button" onClick={() => go(index + 1)} disabled={index === count - 1}>
              Next →
            </button>
          </div>
        )}
        <p className="embed-footer muted">
          Published {published}
          {doc.ownerName ? ` by ${doc.ownerName}` : ''} ·{' '}
          <a href={doc.link} target="_blank" rel="noopener">
            Open the full record on Powermap
          </a>
        </p>
      </section>
    </div>
  );
}
