// Where each actor sits on the map's force layout, computed once on the server (fcose, headless)
// so opening the map never waits for a simulation. Actors already placed stay where they are;
// new ones start beside their neighbours and settle around them.
import 'server-only';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { hasPosition, placeBesideNeighbours, type Position } from '../../graph/place-beside-neighbours';

export type { Position };

export interface LayoutNode {
  id: string;
  x: number | null;
  y: number | null;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

/** Above this many actors fcose runs its fast spectral pass only ('draft'). */
export const DRAFT_QUALITY_ABOVE = 1000;

let registered = false;
function ensureFcose(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

/**
 * Positions for the nodes that have none. With no node placed, the whole network is laid out;
 * otherwise placed nodes are fixed and only the new ones move. Returns new positions by id.
 */
export function computePositions(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, Position> {
  const missing = nodes.filter((n) => !hasPosition(n));
  if (missing.length === 0) return new Map();
  ensureFcose();

  const ids = new Set(nodes.map((n) => n.id));
  const liveEdges = edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  const placed = new Map<string, Position>(nodes.filter(hasPosition).map((n) => [n.id, { x: n.x, y: n.y }]));
  const fresh = placed.size === 0;
  const large = nodes.length > DRAFT_QUALITY_ABOVE;

  // Incremental start: each new node beside its placed neighbours (the same places the map
  // shows until this layout is stored), groups that reach no placed node outside the rest.
  if (!fresh) {
    const start = placeBesideNeighbours(missing.map((n) => n.id), liveEdges, placed);
    for (const [id, p] of start) placed.set(id, p);
    // A big network keeps the neighbour placement: an incremental fcose over it costs too much.
    if (large) return start;
  }

  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    // Nodes are given the room their labels take, so fcose keeps labels apart too.
    style: [{ selector: 'node', style: { width: 90, height: 56 } }],
    // Without 'preset' Cytoscape runs its default grid layout at creation, wiping the start positions.
    layout: { name: 'preset' },
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id }, position: placed.get(n.id) ?? { x: 0, y: 0 } })),
      ...liveEdges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  try {
    const missingIds = new Set(missing.map((n) => n.id));
    cy.layout({
      name: 'fcose',
      quality: large ? 'draft' : 'default',
      randomize: fresh,
      animate: false,
      fit: false,
      // Generous spacing: labels sit under the nodes and need the room.
      nodeSeparation: 160,
      nodeRepulsion: () => 60000,
      idealEdgeLength: () => 120,
      gravity: 0.2,
      // Positions already stored are presentation someone has seen: they stay put.
      fixedNodeConstraint: fresh
        ? undefined
        : nodes.filter((n) => !missingIds.has(n.id)).map((n) => ({ nodeId: n.id, position: placed.get(n.id)! })),
    } as cytoscape.LayoutOptions).run();
    const result = new Map<string, Position>();
    for (const n of missing) {
      const p = cy.getElementById(n.id).position();
      result.set(n.id, { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
    }
    return result;
  } finally {
    // Headless Cytoscape keeps a render loop alive until destroyed; a script would never exit.
    cy.destroy();
  }
}
