// Bringing a live instance that knows the whole network up to date with a view mask
// (lib/graph/view-columns): elements leaving the view are removed and kept, elements coming back
// are restored as they were (same object, data and position), elements never shown are created
// the first time they are. Only rows whose state changed are touched, so a filter or date change
// costs what bare Cytoscape's own remove and restore of the same elements cost.
import type { CollectionArgument, CollectionReturnValue, Core, EdgeSingular, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import { edgeElementData, nodeElementData } from '@/lib/graph/cytoscape-elements';
import type { GraphData } from '@/lib/graph/types';
import { HIDDEN, MARKED, type GraphColumns, type ViewMask } from '@/lib/graph/view-columns';
import { LONE_TIE_CLASS } from './graph-style';
import { jitter, viewportCentre, type Placement } from './sync-elements';

/** What one instance holds: an element per row once created, and the state each row is drawn in. */
export interface MaskedElements {
  graph: GraphData;
  columns: GraphColumns;
  nodes: (NodeSingular | undefined)[];
  edges: (EdgeSingular | undefined)[];
  /** The mask state each row is drawn in now (HIDDEN for rows not in the graph). */
  drawnNodes: Uint8Array;
  drawnEdges: Uint8Array;
  /** Per edge row: 1 when it is the only tie of the network between its two actors (loneTies). */
  lone: Uint8Array;
}

export function maskedElements(graph: GraphData, columns: GraphColumns): MaskedElements {
  return {
    graph,
    columns,
    nodes: new Array(columns.nodeCount),
    edges: new Array(columns.edgeCount),
    drawnNodes: new Uint8Array(columns.nodeCount),
    drawnEdges: new Uint8Array(columns.edgeCount),
    lone: loneTies(columns),
  };
}

/**
 * Per edge row, 1 when no other tie of the network joins the same two actors (either way round)
 * and it is not a self-tie. Such ties are drawn 'straight' (LONE_TIE_CLASS in graph-style.ts):
 * Cytoscape draws a lone bezier straight anyway, but to find out that it is lone it walks the
 * ties of an end for every pair, again after every change of node size, and around hubs of
 * thousands of ties that walk was most of the time a restyle of the large map took.
 */
export function loneTies(columns: GraphColumns): Uint8Array {
  const { edgeSource, edgeTarget, edgeCount, nodeCount } = columns;
  const lone = new Uint8Array(edgeCount);
  // Ties per unordered pair, keyed as smaller row × nodeCount + larger (exact far past any network we hold).
  const perPair = new Map<number, number>();
  const pairOf = (e: number) => {
    const a = edgeSource[e]!;
    const b = edgeTarget[e]!;
    return a < b ? a * nodeCount + b : b * nodeCount + a;
  };
  const drawable = (e: number) => edgeSource[e]! >= 0 && edgeTarget[e]! >= 0 && edgeSource[e] !== edgeTarget[e];
  for (let e = 0; e < edgeCount; e++) if (drawable(e)) perPair.set(pairOf(e), (perPair.get(pairOf(e)) ?? 0) + 1);
  for (let e = 0; e < edgeCount; e++) if (drawable(e) && perPair.get(pairOf(e)) === 1) lone[e] = 1;
  return lone;
}

export interface MaskChange {
  shown: number;
  hidden: number;
  /** Rows that stayed but changed mark (an actor ended, a tie became past). */
  remarked: number;
}

/** cy.collection takes live elements as well as JSON; its type definitions only name the JSON. */
function collectionOf(cy: Core, elements: (NodeSingular | EdgeSingular)[]): CollectionReturnValue {
  return cy.collection(elements as unknown as CollectionArgument);
}

function nodeData(graph: GraphData, i: number, ended: boolean) {
  return nodeElementData({ ...graph.nodes[i]!, ended });
}

/**
 * Places nodes shown for the first time: at their stored position ('stored-first'), else beside
 * their neighbours already on the map, else near the middle of the viewport.
 */
function placeNew(cy: Core, store: MaskedElements, fresh: number[], placement: Placement): Map<number, Position> {
  const { graph, columns } = store;
  const placed = new Map<number, Position>();
  const pending: number[] = [];
  for (const i of fresh) {
    const node = graph.nodes[i]!;
    if (placement === 'stored-first' && node.x !== null && node.y !== null) placed.set(i, { x: node.x, y: node.y });
    else pending.push(i);
  }
  const positionOf = (i: number): Position | undefined => {
    const ele = store.nodes[i];
    return ele && ele.inside() ? ele.position() : placed.get(i);
  };
  // Two passes let a chain of new nodes find each other's places.
  for (let pass = 0; pass < 2; pass++) {
    for (const i of pending) {
      if (placed.has(i)) continue;
      let x = 0;
      let y = 0;
      let n = 0;
      for (let k = columns.adjacencyStart[i]!; k < columns.adjacencyStart[i + 1]!; k++) {
        const e = columns.adjacencyEdges[k]!;
        const other = columns.edgeSource[e] === i ? columns.edgeTarget[e]! : columns.edgeSource[e]!;
        const at = other === i ? undefined : positionOf(other);
        if (!at) continue;
        x += at.x;
        y += at.y;
        n++;
      }
      if (n === 0) continue;
      const offset = jitter(graph.nodes[i]!.id, 60);
      placed.set(i, { x: x / n + offset.x, y: y / n + offset.y });
    }
  }
  const centre = viewportCentre(cy);
  for (const i of pending) {
    if (placed.has(i)) continue;
    const node = graph.nodes[i]!;
    const offset = jitter(node.id, 120);
    placed.set(i, node.x !== null && node.y !== null ? { x: node.x, y: node.y } : { x: centre.x + offset.x, y: centre.y + offset.y });
  }
  return placed;
}

/** Applies the mask to cy in one batch and says how much changed. */
export function applyMask(cy: Core, store: MaskedElements, mask: ViewMask, placement: Placement = 'stored-first'): MaskChange {
  const { graph, columns, drawnNodes, drawnEdges } = store;
  const change: MaskChange = { shown: 0, hidden: 0, remarked: 0 };
  cy.batch(() => {
    const leaving: (NodeSingular | EdgeSingular)[] = [];
    for (let e = 0; e < columns.edgeCount; e++) if (drawnEdges[e] !== HIDDEN && mask.edges[e] === HIDDEN) leaving.push(store.edges[e]!);
    for (let i = 0; i < columns.nodeCount; i++) if (drawnNodes[i] !== HIDDEN && mask.nodes[i] === HIDDEN) leaving.push(store.nodes[i]!);
    if (leaving.length > 0) cy.remove(collectionOf(cy, leaving));
    change.hidden = leaving.length;

    const returningNodes: NodeSingular[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < columns.nodeCount; i++) {
      const next = mask.nodes[i]!;
      const drawn = drawnNodes[i]!;
      if (next === drawn) continue;
      if (next === HIDDEN) {
        drawnNodes[i] = HIDDEN;
        continue;
      }
      const ele = store.nodes[i];
      if (!ele) fresh.push(i);
      else {
        if (drawn === HIDDEN) returningNodes.push(ele);
        else change.remarked++;
        // A node shown again may come back with another mark than it left with.
        if (Boolean(ele.data('ended')) !== (next === MARKED)) {
          const { ended, displayLabel } = nodeData(graph, i, next === MARKED);
          ele.data({ ended, displayLabel });
        }
      }
      drawnNodes[i] = next;
    }
    if (returningNodes.length > 0) collectionOf(cy, returningNodes).restore();
    if (fresh.length > 0) {
      const places = placeNew(cy, store, fresh, placement);
      const added = cy.add(
        fresh.map((i): ElementDefinition => ({ group: 'nodes', data: nodeData(graph, i, mask.nodes[i] === MARKED), position: { ...places.get(i)! } })),
      );
      fresh.forEach((i, k) => (store.nodes[i] = added[k] as NodeSingular));
    }

    const returningEdges: EdgeSingular[] = [];
    const freshEdges: number[] = [];
    for (let e = 0; e < columns.edgeCount; e++) {
      const next = mask.edges[e]!;
      const drawn = drawnEdges[e]!;
      if (next === drawn) continue;
      drawnEdges[e] = next;
      if (next === HIDDEN) continue;
      const ele = store.edges[e];
      if (!ele) {
        freshEdges.push(e);
        continue;
      }
      if (drawn === HIDDEN) returningEdges.push(ele);
      else change.remarked++;
      if (Boolean(ele.data('past')) !== (next === MARKED)) ele.data('past', next === MARKED);
    }
    if (returningEdges.length > 0) collectionOf(cy, returningEdges).restore();
    if (freshEdges.length > 0) {
      const added = cy.add(
        freshEdges.map(
          (e): ElementDefinition => ({
            group: 'edges',
            data: edgeElementData({ ...graph.edges[e]!, past: mask.edges[e] === MARKED }),
            ...(store.lone[e] ? { classes: LONE_TIE_CLASS } : {}),
          }),
        ),
      );
      freshEdges.forEach((e, k) => (store.edges[e] = added[k] as EdgeSingular));
    }
    change.shown = returningNodes.length + fresh.length + returningEdges.length + freshEdges.length;
  });
  return change;
}
