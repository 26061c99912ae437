'use client';
// The network map: the canvas, the controls that shape what it shows, the details of what is
// selected and the same picture in words. The address is the single source of the view's state
// (use-map-address). The network is turned into columns once; each address then gives a mask over
// them (lib/graph/view-columns, which agrees with buildView), the canvas shows what the mask shows,
// and the panels read the same view as plain objects.
import type { Core, Position } from 'cytoscape';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { centreOn, fitAll, showSelection } from '@/components/graph/camera';
import { download, exportCytoscapeJson, exportPng, exportSvg } from '@/components/graph/export';
import { markPath } from '@/components/graph/highlight';
import { LAYOUT_LABELS, runFirstLayout, runLayout } from '@/components/graph/layouts';
import { NetworkCanvas } from '@/components/graph/network-canvas';
import { useCytoscapeEvents } from '@/components/graph/use-cytoscape-events';
import { actorNodeId } from '@/lib/graph/build-view';
import { GRAPH_LAYOUTS, type GraphLayout, type GraphViewState } from '@/lib/validation/graph-queries';
import { shortestPath } from '@/lib/graph/path';
import type { GraphData, GraphQuery } from '@/lib/graph/types';
import { createViewMaterialiser, graphColumns, viewMask } from '@/lib/graph/view-columns';
import { ActorCombobox } from './actor-combobox';
import { DetailsPanel } from './details-panel';
import { ElementList } from './element-list';
import { FilterControls, type FilterPatch } from './filter-controls';
import { Legend } from './legend';
import { PathPanel } from './path-panel';
import { TimeControls } from './time-controls';
import { useMapAddress, type MapAddress } from './use-map-address';
import '@/components/graph/graph.css';
import { earliestTieYearStart, formatPartialDate } from '@/lib/domain/dates';

export interface NetworkMapProps {
  /** The whole network as loadGraph returns it; views are cut from it in the browser. */
  graph: GraphData;
  /** Today as the server sees it (ISO day), so server and browser agree on "now". */
  today: string;
  /** Sets window.__cy to the live instance; only when the server runs with POWERMAP_TEST_HOOKS=1. */
  exposeTestHook?: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function NetworkMapView({ graph, today, exposeTestHook = false }: NetworkMapProps) {
  const { query, view: viewState, errors, navigate } = useMapAddress();
  const [cy, setCy] = useState<Core | null>(null);

  const columns = useMemo(() => graphColumns(graph), [graph]);
  const materialise = useMemo(() => createViewMaterialiser(graph), [graph]);
  const mask = useMemo(() => viewMask(columns, query, today), [columns, query, today]);
  const view = useMemo(() => materialise(mask), [materialise, mask]);
  // The list beside the canvas follows a beat behind: on a large network the map redraws first.
  const listView = useDeferredValue(view);
  const stored = useMemo(() => {
    const positions = new Map<string, Position>();
    for (const n of graph.nodes) if (n.x !== null && n.y !== null) positions.set(n.id, { x: n.x, y: n.y });
    return positions;
  }, [graph]);
  const earliest = useMemo(() => earliestTieYearStart(graph.edges.map((e) => e.start?.date), '1991-01-01'), [graph]);
  const tracedPath = viewState.path;
  const path = useMemo(
    () => (tracedPath ? shortestPath(view, actorNodeId(tracedPath[0]), actorNodeId(tracedPath[1])) : null),
    [view, tracedPath],
  );

  const go = useCallback(
    (next: { query?: GraphQuery; view?: GraphViewState }, how: { mode?: 'push' | 'replace'; coalesce?: string } = {}) => {
      const address: MapAddress = { query: next.query ?? query, view: next.view ?? viewState };
      navigate(address, how);
    },
    [navigate, query, viewState],
  );

  const select = useCallback(
    (id: string | undefined, options: { centre?: boolean } = {}) => {
      const nextView: GraphViewState = { ...viewState };
      if (id) nextView.select = id;
      else delete nextView.select;
      go({ view: nextView });
      if (id && options.centre && cy) centreOn(cy, id);
    },
    [go, viewState, cy],
  );

  useCytoscapeEvents(cy, {
    onTapNode: (node) => select(node.id()),
    onTapEdge: (edge) => select(edge.id()),
    onTapBackground: () => select(undefined),
  });

  // The address's selection is the map's selection, whichever side changed it.
  useEffect(() => {
    if (cy) showSelection(cy, viewState.select);
  }, [cy, viewState.select, mask]);

  useEffect(() => {
    if (!cy) return;
    markPath(cy, path?.nodeIds ?? [], path?.edgeIds ?? []);
  }, [cy, path, mask]);

  // The first layout is instant (stored positions need none); later changes animate.
  const layoutShown = useRef<{ cy: Core; layout: GraphLayout } | null>(null);
  useEffect(() => {
    if (!cy) return;
    const shown = layoutShown.current;
    layoutShown.current = { cy, layout: viewState.layout };
    if (shown?.cy === cy) {
      if (shown.layout !== viewState.layout) void runLayout(cy, viewState.layout, { animate: true, stored });
      return;
    }
    void runFirstLayout(cy, viewState.layout, stored);
  }, [cy, viewState.layout, stored]);

  // A new focus zooms to its neighbourhood; leaving it zooms back out. Nodes keep their places.
  const focusShown = useRef<string | null>(null);
  const focusKey = `${query.focus ?? ''}:${query.hops}`;
  useEffect(() => {
    if (!cy) return;
    const before = focusShown.current;
    focusShown.current = focusKey;
    if (before === null || before === focusKey) return;
    fitAll(cy);
  }, [cy, focusKey]);

  // Path ends being chosen; they follow the address when it changes (back, forward, a link).
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({ from: tracedPath?.[0], to: tracedPath?.[1] });
  const [draftFollows, setDraftFollows] = useState(tracedPath?.join(','));
  if ((tracedPath?.join(',') ?? undefined) !== draftFollows) {
    setDraftFollows(tracedPath?.join(','));
    if (tracedPath) setDraft({ from: tracedPath[0], to: tracedPath[1] });
  }
  const trace = (from: string, to: string) => go({ view: { ...viewState, path: [from, to] } });
  const setEnd = (end: 'from' | 'to', slug: string | undefined) => {
    const next = { ...draft, [end]: slug };
    setDraft(next);
    return next;
  };
  const clearPath = () => {
    setDraft({});
    const nextView = { ...viewState };
    delete nextView.path;
    go({ view: nextView });
  };

  const patchQuery = (patch: FilterPatch | Partial<GraphQuery>, how?: { mode?: 'push' | 'replace'; coalesce?: string }) => {
    const next = { ...query, ...patch } as GraphQuery;
    for (const key of Object.keys(next) as (keyof GraphQuery)[]) if (next[key] === undefined) delete next[key];
    go({ query: next }, how);
  };

  const exportAs = async (format: 'png' | 'svg' | 'cyjs') => {
    if (!cy) return;
    const base = `powermap-${view.asOf}${query.focus ? `-${query.focus}` : ''}`;
    if (format === 'png') download(exportPng(cy), `${base}.png`);
    else if (format === 'svg') download(await exportSvg(cy), `${base}.svg`);
    else
      download(
        exportCytoscapeJson(cy, { name: `Powermap as of ${view.asOf}`, asOf: view.asOf, address: window.location.href }),
        `${base}.cyjs`,
      );
  };

  const asOfLabel = formatPartialDate({ date: view.asOf, precision: 'day' });
  const focusLabel = query.focus ? (graph.nodes.find((n) => n.slug === query.focus)?.label ?? query.focus) : null;

  return (
    <div className="network-map">
      <div className="map-controls">
        <h1>Network map</h1>
        <p className="map-summary" role="status">
          {plural(view.nodes.length, 'actor', 'actors')}, {plural(view.edges.length, 'tie', 'ties')} as of {asOfLabel}
          {focusLabel ? ` within ${plural(query.hops, 'hop', 'hops')} of ${focusLabel}` : ''}
        </p>
        {focusLabel && (
          <button type="button" onClick={() => patchQuery({ focus: undefined, hops: 1 })}>
            Whole network
          </button>
        )}
        <ActorCombobox
          label="Find an actor"
          nodes={view.nodes}
          placeholder="Any name, any script"
          clearOnChoose
          onChoose={(node) => select(node.id, { centre: true })}
        />
        <TimeControls
          asOf={view.asOf}
          pinned={Boolean(query.asOf)}
          min={earliest < today ? earliest : today}
          today={today}
          showEnded={query.showEnded}
          onDateChange={(asOf, how) => patchQuery({ asOf }, how)}
          onShowEndedChange={(showEnded) => patchQuery({ showEnded })}
        />
        <label className="field">
          <span>Layout</span>
          <select value={viewState.layout} onChange={(e) => go({ view: { ...viewState, layout: e.target.value as GraphLayout } })}>
            {GRAPH_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {LAYOUT_LABELS[layout]}
              </option>
            ))}
          </select>
        </label>
        <FilterControls query={query} onChange={(patch) => patchQuery(patch)} />
        <PathPanel
          view={view}
          from={draft.from}
          to={draft.to}
          onFromChange={(slug) => setEnd('from', slug)}
          onToChange={(slug) => setEnd('to', slug)}
          traced={tracedPath}
          path={path}
          onTrace={trace}
          onClear={clearPath}
        />
        <section className="map-export" aria-labelledby="export-heading">
          <h2 id="export-heading">Export this view</h2>
          <div className="button-row">
            <button type="button" onClick={() => void exportAs('png')} disabled={!cy}>
              PNG
            </button>
            <button type="button" onClick={() => void exportAs('svg')} disabled={!cy}>
              SVG
            </button>
            <button type="button" onClick={() => void exportAs('cyjs')} disabled={!cy}>
              Cytoscape JSON
            </button>
          </div>
        </section>
      </div>

      <div className="map-stage">
        {errors.length > 0 && (
          <div className="map-errors" role="alert">
            <p>This address could not be read, so the whole network is shown:</p>
            <ul>
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
        <NetworkCanvas
          graph={graph}
          columns={columns}
          mask={mask}
          onInstance={setCy}
          placement={viewState.layout === 'force' ? 'stored-first' : 'neighbours-first'}
          exposeTestHook={exposeTestHook}
          testHookName="__cy"
          className="map-canvas"
          label={`Network map: ${plural(view.nodes.length, 'actor', 'actors')} and ${plural(view.edges.length, 'tie', 'ties')} as of ${asOfLabel}. The lists beside it name each one.`}
        />
        {view.nodes.length === 0 && <p className="map-empty">Nothing matches these filters on this date.</p>}
      </div>

      <aside className="map-side" aria-label="Details and lists">
        <DetailsPanel
          select={viewState.select}
          view={view}
          focus={query.focus}
          hops={query.hops}
          onClose={() => select(undefined)}
          onFocus={(slug, hops) => patchQuery({ focus: slug, hops })}
          onTraceFrom={(slug) => {
            const next = setEnd('from', slug);
            if (next.to && next.to !== slug) trace(slug, next.to);
          }}
          onTraceTo={(slug) => {
            const next = setEnd('to', slug);
            if (next.from && next.from !== slug) trace(next.from, slug);
          }}
        />
        <Legend view={view} />
        <ElementList view={listView} select={viewState.select} onChoose={(id) => select(id, { centre: true })} />
      </aside>
    </div>
  );
}
