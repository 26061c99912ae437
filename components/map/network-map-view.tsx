'use client';
// The network map: the canvas, the controls that shape what it shows, the details of what is
// selected and the same picture in words. The address is the single source of the view's state
// (use-map-address). What to draw comes from GET /api/graph/map (use-map-payload):
// - a network small enough to draw whole arrives whole, once, and is turned into columns; each
//   address then gives a mask over them (lib/graph/view-columns, which agrees with buildView),
//   the canvas shows what the mask shows, and the panels read the same view as plain objects;
// - a larger one arrives as the server cut it for the address: an overview of groups (opened one
//   at a time, by a click or by zooming in), or the neighbourhoods of a focus or a traced path;
//   search asks the server.
import Link from 'next/link';
import type { Core, EventObject, NodeSingular, Position } from 'cytoscape';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLatest } from '@/components/use-latest';
import { useSameContent } from '@/components/use-same-content';
import { centreOn, fitAll, fitIfCut, groupAtCentre, isLive, showSelection, ZOOM_STEP, zoomAboutCentre, zoomLevel } from '@/components/graph/camera';
import { CytoscapeCanvas } from '@/components/graph/cytoscape-canvas';
import { ExportLinks } from './export-links';
import { markChanges } from '@/components/graph/change-marks';
import { markPath } from '@/components/graph/highlight';
import { LAYOUT_LABELS, runFirstLayout, runLayout } from '@/components/graph/layouts';
import { hasBoxes, makeRoomForBoxes } from '@/components/graph/nested-layout';
import { NetworkCanvas } from '@/components/graph/network-canvas';
import { useCytoscapeEvents, type HoveredNode } from '@/components/graph/use-cytoscape-events';
import { ACTOR_KIND_LABELS, type ActorKind } from '@/lib/domain/vocabulary';
import { actorNodeId } from '@/lib/graph/build-view';
import { mapPayloadPath, type DecodedMap } from '@/lib/graph/map-payload';
import { groupLabel, overviewChangeMarks, overviewElements } from '@/lib/graph/overview-elements';
import { allTimeQuery, tieDates } from '@/lib/graph/overview';
import { analysisInput, type MetricOptions } from '@/lib/graph/analysis/metrics';
import { tracedPaths, type TracedPaths } from '@/lib/graph/traced-paths';
import type { GraphNode, GraphQuery, GraphView } from '@/lib/graph/types';
import { createViewMaterialiser, graphColumns, viewMask } from '@/lib/graph/view-columns';
import { GRAPH_LAYOUTS, serializeGraphQuery, shownQuery, type GraphLayout, type GraphViewState } from '@/lib/validation/graph-queries';
import { MAX_VIEW_POSITIONS, viewStateOf } from '@/lib/validation/view-state';
import { applyPicture, highlightOnly, readPicture } from '@/components/graph/saved-picture';
import { highlightCandidates, SaveViewPanel, type MapPublishing, type SavedPicture } from '@/components/views/save-view-panel';
import { ActorCombobox } from './actor-combobox';
import { ChangeList } from './change-list';
import { CompareControls } from './compare-controls';
import { KnowledgeControls } from './knowledge-controls';
import { AnalysisActor } from './analysis-actor';
import { AnalysisPanel } from './analysis-panel';
import { AnalysisTable } from './analysis-table';
import { useMetric } from './use-analysis';
import { useMainThreadAnalysisHook } from './use-map-analysis';
import { analysisOf, withAnalysis, withoutAnalysis, type AnalysisAddress } from './analysis-address';
import { AnalysisAddressContext, MapAnalysisHost, WithMapAnalysis, type AnalysisAddressState } from './map-analysis-context';
import { DetailsPanel } from './details-panel';
import { collapseNesting } from '@/lib/graph/collapse-nesting';
import { toCytoscapeElements } from '@/lib/graph/cytoscape-elements';
import { nestingChildren, nestingParents } from '@/lib/graph/nesting';
import { nestOverview } from '@/lib/graph/nesting-overview';
import { ElementList } from './element-list';
import { FilterControls, type FilterPatch } from './filter-controls';
import { GroupList } from './group-list';
import { Legend } from './legend';
import { PathPanel, type PathChoices } from './path-panel';
import { RelayoutPanel } from './relayout-panel';
import { ReportExports, type ReportExportsProps } from './report-exports';
import { TimeControls, type PlayRange } from './time-controls';
import { changeInputOf, changeMarkIds, diffNetwork } from '@/lib/graph/changes';
import { useMapAddress, type MapAddress } from './use-map-address';
import { useMapPayload } from './use-map-payload';
import { changesPath, useChanges } from './use-changes';
import '@/components/graph/graph.css';
import { addMonths, earliestTieYearStart, formatPartialDate } from '@/lib/domain/dates';


export interface NetworkMapProps {
  /** Today as the server sees it (ISO day), so server and browser agree on "now". */
  today: string;
  /** The network is too large to draw whole: the server cuts each view (see lib/data/network/load-map.ts). */
  large: boolean;
  /** Sets window.__cy to the live instance; only when the server runs with POWERMAP_TEST_HOOKS=1. */
  exposeTestHook?: boolean;
  /** A saved view or story step opened here: its places and camera, put back while the address is the one it saved. */
  picture?: SavedPicture | null;
  /** A story step's highlighted elements (actor:… and tie:… ids); the rest fades. */
  highlight?: readonly string[];
  /** Presenting a story: the canvas alone, full-screen. */
  presenting?: boolean;
  /** Saving this view or adding it to a story (signed-in readers); the page passes its server actions. */
  publishing?: MapPublishing;
  /** A story step being presented: its exports carry this title (story, step, caption) and file name. */
  stepExport?: { title: string; fileBase: string };
  /** "Lay out again and save" (analysts): the page says whether the reader may. */
  layoutRuns?: boolean;
}

const EMPTY_VIEW: GraphView = { asOf: '', nodes: [], edges: [] };

/** Zooming in this far past the first fit opens the group under the middle of the canvas. */
const OPEN_ZOOM_FACTOR = 2.5;
const ZOOM_SETTLE_MS = 300;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function NetworkMapView({ today, large, exposeTestHook = false, picture, ...saved }: NetworkMapProps) {
  const { query, view: fullView, errors, navigate } = useMapAddress();
  const payload = useMapPayload(mapPayloadPath(large, shownQuery(query, fullView), fullView));
  // The map's view and the analysis's part of the address apart, each the same object while its
  // content is: choosing a metric hands the map screen (memo) the same props, so it is not rendered
  // again; only the analysis below AnalysisAddressContext follows (analysis-address.ts says why).
  const view = useSameContent(withoutAnalysis(fullView));
  const analysisAddress = useSameContent(analysisOf(fullView));
  const current = useLatest({ query, view: fullView });
  // The map's moves keep the analysis the address has, unless they say otherwise.
  const mapNavigate = useCallback<MapScreenAddress['navigate']>(
    (next, { analysis, ...how } = {}) => navigate({ query: next.query, view: withAnalysis(next.view, analysis ?? analysisOf(current().view)) }, how),
    [navigate, current],
  );
  const changeAnalysis = useCallback(
    (patch: AnalysisAddress) => {
      const { query: nowQuery, view: nowView } = current();
      navigate({ query: nowQuery, view: withAnalysis(nowView, { ...analysisOf(nowView), ...patch }) });
    },
    [navigate, current],
  );
  const analysisState = useMemo<AnalysisAddressState>(() => ({ address: analysisAddress, change: changeAnalysis }), [analysisAddress, changeAnalysis]);
  const address = useMemo<MapScreenAddress>(() => ({ query, view, errors, navigate: mapNavigate }), [query, view, errors, mapNavigate]);
  // The one analysis field the map's layout reads: concentric by a metric ("PageRank in the middle").
  const { metric, weight } = analysisAddress;
  const concentricBy = useSameContent(view.layout === 'concentric' && metric && metric !== 'communities' ? { metric, weight: weight ?? 'none' } : null);
  // A saved picture holds while the map shows the address it was saved at; any change of view (a metric too) leaves it.
  const shownPicture = picture && picture.search === serializeGraphQuery(query, fullView).toString() ? picture : null;
  if (!payload.data) {
    return payload.error ? (
      <div className="network-map-loading" role="alert">
        Could not load the map: {payload.error}
      </div>
    ) : (
      <div className="network-map-loading" aria-busy="true">
        Loading the map…
      </div>
    );
  }
  return (
    <AnalysisAddressContext value={analysisState}>
      <MapScreen
        data={payload.data}
        loading={payload.loading}
        address={address}
        concentricBy={concentricBy}
        picture={shownPicture}
        today={today}
        large={large}
        exposeTestHook={exposeTestHook}
        {...saved}
      />
    </AnalysisAddressContext>
  );
}

/** The address as the map screen sees it: its view without the analysis fields (AnalysisAddressContext holds those). */
interface MapScreenAddress {
  query: GraphQuery;
  view: GraphViewState;
  /** Problems with the address as typed; the map then shows the default view. */
  errors: string[];
  /** As useMapAddress's navigate, keeping the address's analysis fields unless `analysis` gives others. */
  navigate: (next: MapAddress, how?: { mode?: 'push' | 'replace'; coalesce?: string; analysis?: AnalysisAddress }) => void;
}

interface MapScreenProps extends Pick<NetworkMapProps, 'picture' | 'highlight' | 'presenting' | 'publishing' | 'stepExport' | 'layoutRuns'> {
  data: DecodedMap;
  /** A newer payload is on its way; `data` is the last one. */
  loading: boolean;
  address: MapScreenAddress;
  /** Concentric layout by this metric (computed apart from the analysis panel's), or null. */
  concentricBy: MetricOptions | null;
  today: string;
  large: boolean;
  exposeTestHook: boolean;
}

/**
 * The map itself. Memoised: its parent renders again on every change of address, and a change of
 * the analysis alone (or Next's search params catching up) leaves its props as they were.
 */
const MapScreen = memo(function MapScreen({
  data,
  loading,
  address,
  concentricBy,
  today,
  large,
  exposeTestHook,
  picture,
  highlight,
  presenting = false,
  publishing,
  stepExport,
  layoutRuns = false,
}: MapScreenProps) {
  const { query: addressQuery, view: viewState, errors, navigate } = address;
  // The parent passes the saved picture only while the address is the one it saved.
  const shownPicture = picture ?? null;
  const compare = viewState.compare;
  const query = useMemo(() => shownQuery(addressQuery, viewState), [addressQuery, viewState]);
  const [cy, setCy] = useState<Core | null>(null);
  const { graph, mode, overview } = data;
  // Effects below check isLive(cy): when the overview's canvas gives way to a neighbourhood's, the
  // old instance is destroyed before this component hears of the new one.

  const columns = useMemo(() => graphColumns(graph), [graph]);
  const materialise = useMemo(() => createViewMaterialiser(graph), [graph]);
  // A whole network is cut here by the address; a view the server cut only needs its marks (ended, past).
  // Keyed by its content: one change of address arrives twice (at once, then when Next's search
  // params catch up), and a new mask object would redo the canvas and every mark on it for nothing.
  const maskKey = JSON.stringify(mode === 'whole' ? query : { showEnded: true, hops: 1, asOf: data.asOf ?? query.asOf ?? today });
  const maskQuery = useMemo(() => JSON.parse(maskKey) as GraphQuery, [maskKey]);
  const mask = useMemo(() => viewMask(columns, maskQuery, today), [columns, maskQuery, today]);
  const view = useMemo(() => materialise(mask), [materialise, mask]);
  // Institutions inside their superiors (nest=1): the elements are transformed before Cytoscape sees
  // them (lib/graph/collapse-nesting.ts says why), and drawn by the diffing canvas, not the masked one.
  // In a large network's overview the open group's members nest among themselves (lib/graph/nesting-overview.ts).
  const nestOn = Boolean(viewState.nest);
  const parents = useMemo(() => (nestOn ? nestingParents(view) : null), [nestOn, view]);
  const collapsedKey = (viewState.collapsed ?? []).join(',');
  const collapsedIds = useMemo(() => new Set(collapsedKey ? collapsedKey.split(',').map(actorNodeId) : []), [collapsedKey]);
  const overviewPlain = useMemo(() => (overview ? overviewElements(overview, view) : null), [overview, view]);
  const overviewNested = useMemo(
    () => (overviewPlain && parents && parents.size > 0 ? nestOverview(overviewPlain, parents, collapsedIds) : null),
    [overviewPlain, parents, collapsedIds],
  );
  const nested = useMemo(() => {
    if (!parents) return null;
    if (overview) return overviewNested?.nested ?? null;
    return collapseNesting(toCytoscapeElements(view), parents, collapsedIds);
  }, [parents, overview, overviewNested, view, collapsedIds]);
  const nestChildren = useMemo(() => (parents ? nestingChildren(parents) : null), [parents]);
  const overviewDrawn = overviewNested?.elements ?? overviewPlain;
  const openGroup = overview?.open ? overview.groups.find((g) => g.key === overview.open) : undefined;
  // The list beside the canvas follows a beat behind, once the canvas has drawn its first frame:
  // sorting and rendering thousands of rows between that frame and the next delayed the map.
  const firstDrawn = useFirstDrawn(cy);
  const listView = useDeferredValue(firstDrawn ? view : EMPTY_VIEW, EMPTY_VIEW);
  const stored = useMemo(() => {
    const positions = new Map<string, Position>();
    for (const n of graph.nodes) if (n.x !== null && n.y !== null) positions.set(n.id, { x: n.x, y: n.y });
    return positions;
  }, [graph]);
  // The slider's first year: an overview holds no ties, but knows the first date of its view's.
  const overviewFirst = overview?.dated?.first;
  const earliest = useMemo(
    () => earliestTieYearStart(overview ? [overviewFirst] : graph.edges.map((e) => e.start?.date), '1991-01-01'),
    [graph, overview, overviewFirst],
  );
  // Analysis (metric=… in the address) over the view on screen; not over the overview's groups.
  const [robustnessBrowserLimit] = useState(() => (exposeTestHook ? testRobustnessLimit() : undefined));
  const analysisPlace = useMemo(() => ({ query, browserLimit: robustnessBrowserLimit }), [query, robustnessBrowserLimit]);
  const analysisEnabled = !overview || Boolean(openGroup);
  useMainThreadAnalysisHook(view, exposeTestHook);
  const viewAt = useMemo(
    () => (mode === 'whole' ? (asOf: string) => materialise(viewMask(columns, { ...query, asOf }, today)) : null),
    [mode, materialise, columns, query, today],
  );
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.label])), [graph]);
  const tracedPath = viewState.path;
  // A traced path's options and which path is highlighted live in the address, so a shared address
  // restores them; options chosen before tracing are held here until the trace writes them.
  const [draftChoices, setDraftChoices] = useState<PathChoices>({ avoid: [] });
  const tracedChoices = viewState.pathOptions;
  const pathChoices = useMemo(() => (tracedPath ? (tracedChoices ?? { avoid: [] }) : draftChoices), [tracedPath, tracedChoices, draftChoices]);
  const shownPath = viewState.pathShown ?? 0;
  const { paths, timeless } = useMemo(
    (): TracedPaths => (tracedPath ? tracedPaths(view, tracedPath, pathChoices, data.hidden) : { paths: [], timeless: null }),
    [view, tracedPath, pathChoices, data.hidden],
  );
  const path = paths[shownPath] ?? paths[0] ?? null;

  const go = useCallback(
    (next: { query?: GraphQuery; view?: GraphViewState }, how: Parameters<MapScreenAddress['navigate']>[1] = {}) => {
      const address: MapAddress = { query: next.query ?? addressQuery, view: next.view ?? viewState };
      navigate(address, how);
    },
    [navigate, addressQuery, viewState],
  );

  // Two dates compared: the changes come from the server (the same answer on a whole or a cut network).
  const changes = useChanges(compare ? changesPath(addressQuery, compare) : null);
  const changeMarks = useMemo(() => {
    if (!compare || !changes.data) return null;
    return changeMarkIds(changes.data);
  }, [compare, changes.data]);
  // Play marks what changed at each step: from the network the browser holds, or on an overview
  // from the payload of the day before (the step from one overview to the next).
  const [playStep, setPlayStep] = useState<PlayRange | null>(null);
  const diffInput = useMemo(() => changeInputOf(graph), [graph]);
  const [payloads, setPayloads] = useState<{ shown: DecodedMap; before: DecodedMap | null }>({ shown: data, before: null });
  if (payloads.shown !== data) setPayloads({ shown: data, before: payloads.shown });
  const before = payloads.shown === data ? payloads.before : payloads.shown;
  const stepMarks = useMemo(() => {
    // Only while the map still shows the step's day: moving the date by hand drops the marks.
    if (!playStep || playStep.to !== query.asOf || playStep.from >= playStep.to) return null;
    if (!overview) return changeMarkIds(diffNetwork(diffInput.ties, diffInput.actors, playStep));
    const was = before?.overview;
    if (data.asOf !== playStep.to || before?.asOf !== playStep.from || !was || was.open !== overview.open) return null;
    return overviewChangeMarks({ overview: was, members: before.graph }, { overview, members: graph });
  }, [playStep, query.asOf, diffInput, overview, before, data.asOf, graph]);
  const marks = changeMarks ?? stepMarks;
  useEffect(() => {
    if (isLive(cy)) markChanges(cy, marks);
  }, [cy, marks, mask]);
  // Play runs from the first dated tie in view to the last, on any date under the view's filters
  // (the compared dates when comparing). An overview holds no ties: the server sends their dates.
  const filtersKey = JSON.stringify(allTimeQuery(query));
  const datedAllTime = useMemo(() => {
    if (mode !== 'whole') return null;
    return tieDates(materialise(viewMask(columns, JSON.parse(filtersKey) as GraphQuery, today)).edges);
  }, [mode, materialise, columns, filtersKey, today]);
  const dated = overview ? overview.dated : mode === 'whole' ? datedAllTime : tieDates(graph.edges);
  const datedRange = useMemo(
    (): PlayRange => (dated ? { from: dated.first, to: dated.last < today ? dated.last : today } : { from: today, to: today }),
    [dated, today],
  );
  const setCompare = (next: typeof compare) => {
    const nextView: GraphViewState = { ...viewState };
    if (next) nextView.compare = next;
    else delete nextView.compare;
    go({ view: nextView });
  };

  const select = useCallback(
    (id: string | undefined, options: { centre?: boolean } = {}) => {
      const nextView: GraphViewState = { ...viewState };
      if (id) nextView.select = id;
      else delete nextView.select;
      go({ view: nextView });
      if (id && options.centre && isLive(cy)) centreOn(cy, id);
    },
    [go, viewState, cy],
  );

  // One function while the selection's is: the ranked table (memo) is not rebuilt for a new one.
  const selectAndCentre = useCallback((id: string) => select(id, { centre: true }), [select]);

  const openGroupByKey = useCallback(
    (key: string | undefined) => {
      const nextView: GraphViewState = { ...viewState };
      delete nextView.select;
      if (key) nextView.group = key;
      else delete nextView.group;
      go({ view: nextView });
    },
    [go, viewState],
  );

  // Zooming well into the overview opens the group under the middle of the canvas.
  const firstZoom = useRef<number | null>(null);
  const zoomTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(zoomTimer.current), []);
  const onZoom = (zoom: number) => {
    if (!overview || overview.open || firstZoom.current === null || zoom < firstZoom.current * OPEN_ZOOM_FACTOR) return;
    clearTimeout(zoomTimer.current);
    zoomTimer.current = setTimeout(() => {
      const key = isLive(cy) ? groupAtCentre(cy) : null;
      if (key) openGroupByKey(key);
    }, ZOOM_SETTLE_MS);
  };

  const [hovered, setHovered] = useState<HoveredNode | null>(null);
  useCytoscapeEvents(cy, {
    onHover: setHovered,
    onTapNode: (node) => (node.data('group') ? openGroupByKey(String(node.data('key'))) : select(node.id())),
    // An overview's counted line stands for no tie of its own; a collapsed institution's merged tie lists its ties.
    onTapEdge: (edge) => (edge.data('aggregate') && !edge.data('tieIds') ? undefined : select(edge.id())),
    onTapBackground: () => select(undefined),
    onZoom,
  });

  const toggleCollapsed = (slug: string) => {
    const current = viewState.collapsed ?? [];
    const collapsed = current.includes(slug) ? current.filter((s) => s !== slug) : [...current, slug];
    go({ view: { ...viewState, collapsed: collapsed.length ? collapsed : undefined } });
  };
  const toggleLatest = useLatest(toggleCollapsed);
  // A double tap on an institution with units inside collapses or expands it (the details panel's button does the same).
  useEffect(() => {
    if (!isLive(cy) || !nested) return;
    const onDouble = (event: EventObject) => {
      const node = event.target as NodeSingular;
      if (node.data('compound')) toggleLatest()(String(node.data('slug')));
    };
    cy.on('dbltap', 'node', onDouble);
    return () => {
      if (isLive(cy)) cy.off('dbltap', 'node', onDouble);
    };
  }, [cy, nested, toggleLatest]);

  // The address's selection is the map's selection, whichever side changed it.
  useEffect(() => {
    if (isLive(cy)) showSelection(cy, viewState.select);
  }, [cy, viewState.select, mask]);

  useEffect(() => {
    if (!isLive(cy)) return;
    markPath(cy, path?.nodeIds ?? [], path?.edgeIds ?? []);
  }, [cy, path, mask]);

  // Concentric by the address's metric (lib/graph/analysis), when one is chosen: "PageRank in the middle".
  // Computed in the analysis Web Worker, not here: betweenness of a large view would hold the page for seconds.
  const centralityOptions = concentricBy;
  const centralityMetric = concentricBy?.metric ?? null;
  const centralityInput = useMemo(() => (centralityOptions && view.nodes.length > 0 ? analysisInput(view) : null), [centralityOptions, view]);
  const centralityAnswer = useMetric(centralityInput, centralityOptions, undefined);
  const centralityResult = centralityAnswer.pending ? null : centralityAnswer.value;
  const centrality = useMemo(
    () => (centralityResult && centralityResult.metric === centralityMetric ? new Map(centralityResult.rows.map((row) => [row.id, row.value])) : undefined),
    [centralityResult, centralityMetric],
  );
  // Concentric by a metric waits for the worker's answer rather than laying out twice.
  const centralityWaiting = Boolean(centralityInput) && !centrality;

  // The first layout is instant (stored positions need none); later changes animate.
  const layoutShown = useRef<{ cy: Core; layout: GraphLayout; centrality: ReadonlyMap<string, number> | undefined; picture: SavedPicture | null } | null>(null);
  useEffect(() => {
    if (!isLive(cy) || (centralityWaiting && !shownPicture && !overview)) return;
    const shown = layoutShown.current;
    layoutShown.current = { cy, layout: viewState.layout, centrality, picture: shownPicture };
    // A saved view's places and camera instead of a layout, once for each instance and picture.
    if (shownPicture) {
      if (shown?.cy !== cy || shown.picture !== shownPicture) applyPicture(cy, shownPicture);
      return;
    }
    // The overview places its groups itself; layouts arrange actors. An open group's boxes still need room.
    if (overview) {
      if (shown?.cy !== cy && hasBoxes(cy)) void makeRoomForBoxes(cy, { animate: false });
      return;
    }
    // With institutions nested, every layout is followed by making room for the boxes (nested-layout.ts says why).
    const boxes = (animate: boolean) => () => (isLive(cy) ? makeRoomForBoxes(cy, { animate }) : undefined);
    if (shown?.cy === cy) {
      if (shown.layout !== viewState.layout || shown.centrality !== centrality) void runLayout(cy, viewState.layout, { animate: true, stored, centrality }).then(boxes(true));
      return;
    }
    void runFirstLayout(cy, viewState.layout, stored, centrality).then(boxes(false));
  }, [cy, viewState.layout, stored, overview, centrality, centralityWaiting, shownPicture]);

  // A new date or filter redraws the nested elements into the same instance (while the nesting holds):
  // actors it brings are placed beside their neighbours, so the boxes are given room again, in place.
  const nestedShown = useRef<{ cy: Core; nested: typeof nested } | null>(null);
  useEffect(() => {
    if (!isLive(cy) || !nested || overview || shownPicture) return;
    const before = nestedShown.current;
    nestedShown.current = { cy, nested };
    if (before?.cy === cy && before.nested !== nested) void makeRoomForBoxes(cy, { animate: false, fit: false });
  }, [cy, nested, overview, shownPicture]);

  // A story step's highlights, over whatever the mask shows.
  useEffect(() => {
    if (isLive(cy)) highlightOnly(cy, highlight ?? []);
  }, [cy, highlight, mask]);

  // A change of filter fits the picture when something shown is off-screen (a date move does not: Play would jump).
  const filterShown = useRef<string | null>(null);
  const filterKey = JSON.stringify([query.kinds, query.factions, query.types, query.minGrade, query.showEnded]);
  useEffect(() => {
    if (!isLive(cy)) return;
    const before = filterShown.current;
    filterShown.current = filterKey;
    if (before === null || before === filterKey || shownPicture) return;
    fitIfCut(cy);
  }, [cy, filterKey, mask, shownPicture]);

  // A new focus zooms to its neighbourhood; leaving it zooms back out. Nodes keep their places.
  const focusShown = useRef<string | null>(null);
  const focusKey = `${query.focus ?? ''}:${query.hops}`;
  useEffect(() => {
    if (!isLive(cy)) return;
    const before = focusShown.current;
    focusShown.current = focusKey;
    if (before === null || before === focusKey || shownPicture) return;
    fitAll(cy);
  }, [cy, focusKey, shownPicture]);

  // Path ends being chosen; they follow the address when it changes (back, forward, a link).
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({ from: tracedPath?.[0], to: tracedPath?.[1] });
  const [draftFollows, setDraftFollows] = useState(tracedPath?.join(','));
  if ((tracedPath?.join(',') ?? undefined) !== draftFollows) {
    setDraftFollows(tracedPath?.join(','));
    if (tracedPath) setDraft({ from: tracedPath[0], to: tracedPath[1] });
  }
  /** The view state with the path's options (and the highlighted path back to the first). */
  const withPathChoices = (base: GraphViewState, choices: PathChoices | undefined): GraphViewState => {
    const next = { ...base };
    delete next.pathShown;
    if (choices) next.pathOptions = choices;
    else delete next.pathOptions;
    return next;
  };
  const trace = (from: string, to: string) => {
    go({ view: withPathChoices({ ...viewState, path: [from, to] }, pathChoices) });
  };
  const showPath = (index: number) => {
    const next = { ...viewState };
    if (index > 0) next.pathShown = index;
    else delete next.pathShown;
    go({ view: next });
  };
  const changePathChoices = (next: PathChoices) => {
    setDraftChoices(next);
    if (tracedPath) go({ view: withPathChoices(viewState, next) }, { coalesce: 'path-options' });
  };
  const setEnd = (end: 'from' | 'to', slug: string | undefined) => {
    const next = { ...draft, [end]: slug };
    setDraft(next);
    return next;
  };
  const clearPath = () => {
    setDraft({});
    setDraftChoices(pathChoices);
    const nextView = withPathChoices(viewState, undefined);
    delete nextView.path;
    go({ view: nextView });
  };

  const patchQuery = (patch: FilterPatch | Partial<GraphQuery>, how?: { mode?: 'push' | 'replace'; coalesce?: string }, nextView?: GraphViewState) => {
    const next = { ...addressQuery, ...patch } as GraphQuery;
    for (const key of Object.keys(next) as (keyof GraphQuery)[]) if (next[key] === undefined) delete next[key];
    go({ query: next, view: nextView }, how);
  };
  /** Moving the date leaves a comparison: the map then shows that one day again. */
  const withoutCompare = (): GraphViewState | undefined => {
    if (!compare) return undefined;
    const nextView = { ...viewState };
    delete nextView.compare;
    return nextView;
  };

  const exportBase = `powermap-${view.asOf}${query.focus ? `-${query.focus}` : ''}`;

  const asOfLabel = formatPartialDate({ date: view.asOf, precision: 'day' });
  // Names of actors met through the server's search, for ends of a path not (yet) on the map.
  const [knownNames, setKnownNames] = useState<Record<string, string>>({});
  const focusLabel = query.focus ? (graph.nodes.find((n) => n.slug === query.focus)?.label ?? knownNames[query.focus] ?? query.focus) : null;

  /** A search hit on a large network: shown here if it is on the map, else its neighbourhood is fetched. */
  const findActor = (node: GraphNode) => {
    setKnownNames((names) => ({ ...names, [node.slug]: node.label }));
    if (!large || view.nodes.some((n) => n.id === node.id)) return select(node.id, { centre: true });
    // A fresh neighbourhood: the view starts over (its analysis too), keeping only the layout.
    const nextView: GraphViewState = { layout: viewState.layout, select: node.id };
    go({ query: { ...query, focus: node.slug, hops: 1 }, view: nextView }, { analysis: {} });
  };
  const toWholeNetwork = () => {
    const nextView: GraphViewState = { ...viewState };
    delete nextView.path;
    delete nextView.group;
    const nextQuery = { ...query, hops: 1 };
    delete nextQuery.focus;
    setDraft({});
    go({ query: nextQuery, view: nextView });
  };
  const totalActors = overview ? overview.groups.reduce((n, g) => n + g.members, 0) : 0;
  const summary = overview
    ? `${plural(totalActors, 'actor', 'actors')} in ${plural(overview.groups.length, 'group', 'groups')} as of ${asOfLabel}` +
      (openGroup ? `; ${groupLabel(openGroup)} open: ${plural(view.nodes.length, 'actor', 'actors')}${overview.omitted ? ` of ${openGroup.members}, the most tied` : ''}, ${plural(view.edges.length, 'tie', 'ties')} among them` : '')
    : `${plural(view.nodes.length, 'actor', 'actors')}, ${plural(view.edges.length, 'tie', 'ties')} as of ${asOfLabel}` +
      (focusLabel ? ` within ${plural(query.hops, 'hop', 'hops')} of ${focusLabel}` : '') +
      (mode === 'view' && !query.focus && tracedPath ? ' around both ends of the path' : '') +
    (query.known ? `, as known on ${formatPartialDate({ date: query.known, precision: 'day' })}` : '');

  // What the exports describe: the map's view, with a story step's own title when one is presented.
  const reportExports: ReportExportsProps = {
    cy,
    view,
    query: addressQuery,
    viewState,
    names: {
      focus: focusLabel ?? undefined,
      path: tracedPath ? [names.get(actorNodeId(tracedPath[0])) ?? tracedPath[0], names.get(actorNodeId(tracedPath[1])) ?? tracedPath[1]] : undefined,
      group: openGroup ? groupLabel(openGroup) : undefined,
    },
    groups: overview?.groups,
    fileBase: stepExport?.fileBase ?? exportBase,
    title: stepExport?.title,
  };

  const map = (
    <div className={presenting ? 'network-map presenting' : 'network-map'}>
      <div className="map-controls">
        <h1>Network map</h1>
        <p className="map-summary" role="status">
          {summary}
        </p>
        {(large ? Boolean(query.focus || tracedPath || viewState.group) : Boolean(focusLabel)) && (
          <button type="button" onClick={large ? toWholeNetwork : () => patchQuery({ focus: undefined, hops: 1 })}>
            Whole network
          </button>
        )}
        <ActorCombobox
          label="Find an actor"
          nodes={view.nodes}
          searchServer={large}
          placeholder="Any name, any script"
          clearOnChoose
          onChoose={findActor}
        />
        <TimeControls
          asOf={view.asOf}
          pinned={Boolean(query.asOf)}
          min={earliest < today ? earliest : today}
          today={today}
          showEnded={query.showEnded}
          onDateChange={(asOf, how) => patchQuery({ asOf }, how, withoutCompare())}
          onShowEndedChange={(showEnded) => patchQuery({ showEnded })}
          playRange={compare ?? datedRange}
          onPlayStep={setPlayStep}
          waiting={loading}
        />
        {/* The timeline shares the map's address: its cursor is this date, its filters these. */}
        <p className="map-timeline-link">
          <Link href={`/timeline${serializeGraphQuery(addressQuery).size ? `?${serializeGraphQuery(addressQuery)}` : ''}`}>Posts on the timeline at this date</Link>
        </p>
        <CompareControls
          compare={compare}
          suggest={{ from: addMonths(view.asOf, -24), to: view.asOf }}
          onChange={setCompare}
        />
        <KnowledgeControls known={addressQuery.known} today={today} onChange={(known) => patchQuery({ known })} />
        {!overview && (
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
        )}
        <label className="field field-inline">
          <input
            type="checkbox"
            checked={Boolean(viewState.nest)}
            onChange={(e) => go({ view: { ...viewState, nest: e.target.checked || undefined, collapsed: e.target.checked ? viewState.collapsed : undefined } })}
          />
          <span>Nest institutions</span>
        </label>
        {layoutRuns && !presenting && <RelayoutPanel viewQuery={serializeGraphQuery(addressQuery).toString()} />}
        <FilterControls query={query} onChange={(patch) => patchQuery(patch)} />
        <PathPanel
          view={view}
          nodes={mode === 'whole' ? graph.nodes : view.nodes}
          from={draft.from}
          to={draft.to}
          onFromChange={(slug) => setEnd('from', slug)}
          onToChange={(slug) => setEnd('to', slug)}
          traced={tracedPath}
          paths={paths}
          timeless={timeless}
          shown={paths[shownPath] ? shownPath : 0}
          onShow={showPath}
          choices={pathChoices}
          onChoicesChange={changePathChoices}
          onTrace={trace}
          onClear={clearPath}
          searchServer={large}
        />
        <WithMapAnalysis>
          {(analysis, analysisAddress) => (
            <AnalysisPanel
              analysis={analysis}
              address={analysisAddress.address}
              onChange={analysisAddress.change}
              unavailable={overview && !openGroup ? 'Open a group (or focus on an actor) to rank its actors: the overview shows groups, not actors.' : null}
            />
          )}
        </WithMapAnalysis>
        {publishing && (
          <SaveViewPanel
            publishing={publishing}
            snapshot={() => (isLive(cy) ? { state: viewStateOf(addressQuery, viewState), ...readPicture(cy, MAX_VIEW_POSITIONS) } : null)}
            candidates={highlightCandidates(view, viewState.select, query.focus, path)}
          />
        )}
        <section className="map-export" aria-labelledby="export-heading">
          <h2 id="export-heading">Export this view</h2>
          <ReportExports {...reportExports} />
          <ExportLinks query={query} internalNotes={publishing?.mayPublish ?? false} />
        </section>
      </div>

      <div className="map-stage">
        {presenting && stepExport && (
          <details className="story-export">
            <summary>Export this step</summary>
            <section aria-label="Export this step">
              <ReportExports {...reportExports} />
            </section>
          </details>
        )}
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
        {overview && overviewDrawn ? (
          <CytoscapeCanvas
            // A new instance per open group: the picture is a new arrangement, fitted afresh.
            key={`${overview.open ?? 'groups'}${overviewNested ? `|nest:${[...parents!].join(';')}|${collapsedKey}` : ''}`}
            elements={overviewDrawn}
            onInstance={(instance) => {
              firstZoom.current = instance ? zoomLevel(instance) : null;
              setCy(instance);
            }}
            exposeTestHook={exposeTestHook}
            testHookName="__cy"
            className="map-canvas"
            label={`Overview of the network: ${summary}. Click a group, or zoom into it, to open it; the list beside names each group.`}
          />
        ) : nested && parents ? (
          <CytoscapeCanvas
            // Cytoscape cannot move a node into another parent through its data: a new instance per nesting.
            key={`nest:${[...parents].join(';')}|${(viewState.collapsed ?? []).join(',')}`}
            elements={nested}
            onInstance={setCy}
            placement={viewState.layout === 'force' ? 'stored-first' : 'neighbours-first'}
            exposeTestHook={exposeTestHook}
            testHookName="__cy"
            className="map-canvas"
            label={`Network map with institutions nested: ${plural(nested.nodes.length, 'actor', 'actors')} and ${plural(nested.edges.length, 'tie', 'ties')} as of ${asOfLabel}. The lists beside it name each one.`}
          />
        ) : (
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
        )}
        <div className="map-zoom" role="group" aria-label="Zoom">
          <button type="button" aria-label="Zoom in" title="Zoom in" disabled={!cy} onClick={() => isLive(cy) && zoomAboutCentre(cy, ZOOM_STEP)}>
            +
          </button>
          <button type="button" aria-label="Zoom out" title="Zoom out" disabled={!cy} onClick={() => isLive(cy) && zoomAboutCentre(cy, 1 / ZOOM_STEP)}>
            −
          </button>
          <button type="button" aria-label="Fit to screen" title="Fit to screen" disabled={!cy} onClick={() => isLive(cy) && fitAll(cy)}>
            ⤢
          </button>
        </div>
        {hovered && (
          <div className="map-hover" role="tooltip" style={{ left: hovered.x, top: hovered.y }}>
            <strong>{hovered.label}</strong>
            {hovered.kind && <span>{ACTOR_KIND_LABELS[hovered.kind as ActorKind] ?? hovered.kind}</span>}
          </div>
        )}
        {loading && (
          <p className="map-loading" role="status" aria-live="polite">
            Loading…
          </p>
        )}
        {!overview && view.nodes.length === 0 && <p className="map-empty">Nothing matches these filters on this date.</p>}
      </div>

      <aside className="map-side" aria-label="Details and lists">
        <DetailsPanel
          select={viewState.select}
          view={view}
          focus={query.focus}
          hops={query.hops}
          onClose={() => select(undefined)}
          onFocus={(slug, hops) => patchQuery({ focus: slug, hops })}
          hidden={data.hidden}
          nesting={nested && parents && nestChildren ? { parents, children: nestChildren, nested, collapsed: viewState.collapsed ?? [], onToggle: toggleCollapsed, onSelect: (id) => select(id) } : undefined}
          onTraceFrom={(slug) => {
            const next = setEnd('from', slug);
            if (next.to && next.to !== slug) trace(slug, next.to);
          }}
          onTraceTo={(slug) => {
            const next = setEnd('to', slug);
            if (next.from && next.from !== slug) trace(next.from, slug);
          }}
        />
        <WithMapAnalysis>
          {(analysis) => (
            <AnalysisActor analysis={analysis} select={viewState.select} asOf={view.asOf} viewAt={viewAt} fromYear={Number(earliest.slice(0, 4))} names={names} />
          )}
        </WithMapAnalysis>
        {overview && (
          <section className="map-overview-help" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{openGroup ? groupLabel(openGroup) : 'Overview'}</h2>
            <p className="muted">
              {openGroup
                ? 'Its members at their places in the network, their ties among themselves, and lines counting their ties to each other group.'
                : 'Too many actors to draw at once: each circle is the actors of one faction and kind, sized by how many they are; a line between two counts their ties. Click a group or zoom into it to open it.'}
            </p>
            {viewState.nest && (
              <p className="muted" id="overview-nesting">
                {!openGroup
                  ? 'Institutions nest inside an open group: open one to see its institutions drawn as boxes around their units. Groups themselves do not nest: a group is a faction and a kind.'
                  : overviewNested
                  ? 'Institutions nested among this group’s members: a box holds the members subordinate to it on this date. A superior in another group (another faction or kind) or not among the members drawn is not drawn, so its units stand alone; a collapsed institution’s counted lines to other groups include its units’ ties.'
                  : 'No institution of this group has a unit among its members drawn on this date, so nothing is nested here.'}
              </p>
            )}
            {openGroup && (
              <button type="button" onClick={() => openGroupByKey(undefined)}>
                Close {groupLabel(openGroup)}
              </button>
            )}
          </section>
        )}
        {overview && <GroupList overview={overview} onOpen={(key) => openGroupByKey(key === overview.open ? undefined : key)} />}
        {compare && <ChangeList changes={changes.data} error={changes.error} onSelect={(id) => select(id, { centre: true })} />}
        <WithMapAnalysis>
          {(analysis) => <AnalysisTable result={analysis.drawn} asOf={view.asOf} select={viewState.select} onChoose={selectAndCentre} />}
        </WithMapAnalysis>
        <Legend view={view} groups={overview?.groups} nested={Boolean(nested)} />
        {(!overview || openGroup) && <ElementList view={listView} select={viewState.select} onChoose={(id) => select(id, { centre: true })} />}
      </aside>
    </div>
  );
  // The analysis renders apart from the map it is shown in (map-analysis-context.tsx says why).
  return (
    <MapAnalysisHost cy={cy} view={view} enabled={analysisEnabled} place={analysisPlace}>
      {map}
    </MapAnalysisHost>
  );
});

/**
 * Whether the canvas has drawn its first frame: true from the frame after Cytoscape's first
 * render of the instance (or, should no render be reported, a few seconds after it exists).
 */
function useFirstDrawn(cy: Core | null): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (drawn || !isLive(cy)) return;
    let frame = 0;
    const done = () => {
      clearTimeout(fallback);
      cy.off('render', afterRender);
      frame = requestAnimationFrame(() => setDrawn(true));
    };
    const afterRender = () => done();
    const fallback = setTimeout(done, 5000);
    cy.one('render', afterRender);
    return () => {
      clearTimeout(fallback);
      cancelAnimationFrame(frame);
      if (isLive(cy)) cy.off('render', afterRender);
    };
  }, [cy, drawn]);
  return drawn;
}

/** Test builds only: a spec lowers the size above which robustness is asked of the server (window.__robustnessBrowserLimit), so the seed can take that path. */
function testRobustnessLimit(): number | undefined {
  const limit = typeof window === 'undefined' ? undefined : (window as unknown as { __robustnessBrowserLimit?: unknown }).__robustnessBrowserLimit;
  return typeof limit === 'number' ? limit : undefined;
}
