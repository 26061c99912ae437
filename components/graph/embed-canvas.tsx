'use client';
// The picture of one embed frame: its payload drawn by the map's own canvases (NetworkCanvas for
// actors and ties, CytoscapeCanvas for an overview's groups), then its saved places and camera put
// back and its highlights lit while the rest fades. Read-only: nothing here changes the payload.
import type { Core } from 'cytoscape';
import { useCallback, useMemo } from 'react';
import type { DecodedMap } from '@/lib/graph/map-payload';
import { overviewElements } from '@/lib/graph/overview-elements';
import type { GraphQuery, GraphView } from '@/lib/graph/types';
import { createViewMaterialiser, graphColumns, viewMask, type GraphColumns, type ViewMask } from '@/lib/graph/view-columns';
import type { ViewCamera, ViewPositions } from '@/lib/validation/view-state';
import { CytoscapeCanvas } from './cytoscape-canvas';
import { NetworkCanvas } from './network-canvas';
import { markChanges, type ChangeMarks } from './change-marks';
import { markPath } from './highlight';
import { applyPicture, highlightOnly } from './saved-picture';
import './graph.css';

interface Props {
  map: DecodedMap;
  /** embedViewOf(map), made once by the caller, who also traces paths on its view. */
  cut: ReturnType<typeof embedViewOf>;
  positions: ViewPositions;
  camera: ViewCamera | null;
  /** Element ids (actor:slug, tie:id) to light. */
  highlight: readonly string[];
  /** A comparison of two dates: what began and what ended between them (the rest is drawn continuing). */
  marks?: ChangeMarks | null;
  /** A traced path to light (its actors and ties); the rest fades. */
  path?: { nodeIds: readonly string[]; edgeIds: readonly string[] } | null;
  label: string;
  exposeTestHook: boolean;
  className?: string;
}

/** A frame's view: the server cut it, so the mask only marks what is past on its day, as the map does for a cut view. */
export function embedViewOf(map: DecodedMap): { columns: GraphColumns; mask: ViewMask; view: GraphView } {
  const columns = graphColumns(map.graph);
  const query: GraphQuery = { showEnded: true, hops: 1, ...(map.asOf ? { asOf: map.asOf } : {}) };
  const mask = viewMask(columns, query, map.asOf ?? undefined);
  return { columns, mask, view: createViewMaterialiser(map.graph)(mask) };
}

export function EmbedCanvas({ map, cut, positions, camera, highlight, marks = null, path = null, label, exposeTestHook, className }: Props) {
  const { graph, overview } = map;
  const { columns, mask, view } = cut;
  const groups = useMemo(() => (overview ? overviewElements(overview, view) : null), [overview, view]);
  const hasPlaces = Object.keys(positions).length > 0;
  const onInstance = useCallback(
    (cy: Core | null) => {
      if (!cy) return;
      if (hasPlaces || camera) applyPicture(cy, { positions, camera });
      highlightOnly(cy, highlight);
      markChanges(cy, marks);
      if (path) markPath(cy, path.nodeIds, path.edgeIds);
    },
    [positions, camera, hasPlaces, highlight, marks, path],
  );
  if (groups) {
    return <CytoscapeCanvas elements={groups} onInstance={onInstance} exposeTestHook={exposeTestHook} className={className} label={label} />;
  }
  return <NetworkCanvas graph={graph} columns={columns} mask={mask} onInstance={onInstance} exposeTestHook={exposeTestHook} className={className} label={label} />;
}
