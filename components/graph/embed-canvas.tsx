'use client';
// The picture of one embed frame: its payload drawn by the map's own canvases (NetworkCanvas for
// actors and ties, CytoscapeCanvas for an overview's groups), then its saved places and camera put
// back and its highlights lit while the rest fades. Read-only: nothing here changes the payload.
import type { Core } from 'cytoscape';
import { useCallback, useMemo } from 'react';
import type { DecodedMap } from '@/lib/graph/map-payload';
import { overviewElements } from '@/lib/graph/overview-elements';
import type { GraphQuery } from '@/lib/graph/types';
import { createViewMaterialiser, graphColumns, viewMask } from '@/lib/graph/view-columns';
import type { ViewCamera, ViewPositions } from '@/lib/validation/view-state';
import { CytoscapeCanvas } from './cytoscape-canvas';
import { NetworkCanvas } from './network-canvas';
import { markChanges, type ChangeMarks } from './change-marks';
import { applyPicture, highlightOnly } from './saved-picture';
import './graph.css';

interface Props {
  map: DecodedMap;
  positions: ViewPositions;
  camera: ViewCamera | null;
  /** Element ids (actor:slug, tie:id) to light. */
  highlight: readonly string[];
  /** A comparison of two dates: what began and what ended between them (the rest is drawn continuing). */
  marks?: ChangeMarks | null;
  label: string;
  exposeTestHook: boolean;
  className?: string;
}

export function EmbedCanvas({ map, positions, camera, highlight, marks = null, label, exposeTestHook, className }: Props) {
  const { graph, overview } = map;
  const columns = useMemo(() => graphColumns(graph), [graph]);
  // The server cut the view: the mask only marks what is past on its day, as the map does for a cut view.
  const mask = useMemo(() => {
    const query: GraphQuery = { showEnded: true, hops: 1, ...(map.asOf ? { asOf: map.asOf } : {}) };
    return viewMask(columns, query, map.asOf ?? undefined);
  }, [columns, map.asOf]);
  const view = useMemo(() => createViewMaterialiser(graph)(mask), [graph, mask]);
  const groups = useMemo(() => (overview ? overviewElements(overview, view) : null), [overview, view]);
  const hasPlaces = Object.keys(positions).length > 0;
  const onInstance = useCallback(
    (cy: Core | null) => {
      if (!cy) return;
      if (hasPlaces || camera) applyPicture(cy, { positions, camera });
      highlightOnly(cy, highlight);
      markChanges(cy, marks);
    },
    [positions, camera, hasPlaces, highlight, marks],
  );
  if (groups) {
    return <CytoscapeCanvas elements={groups} onInstance={onInstance} exposeTestHook={exposeTestHook} className={className} label={label} />;
  }
  return <NetworkCanvas graph={graph} columns={columns} mask={mask} onInstance={onInstance} exposeTestHook={exposeTestHook} className={className} label={label} />;
}
