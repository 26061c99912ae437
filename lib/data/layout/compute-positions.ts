// Where each actor sits on the map's force layout, computed once on the server (fcose, headless)
// so opening the map never waits for a simulation. Actors already placed stay where they are;
// new ones start beside their neighbours and settle around them.
import 'server-only';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

export interface Position {
  x: number;
  y: number;
}

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

const hasPosition = (n: LayoutNode): n is LayoutNode & Position =>
  typeof n.x === 'number' && typeof n.y === 'number' && Number.isFinite(n.x) && Number.isFinite(n.y);

/** A stable offset from the id, so placements repeat and never stack exactly. */
function offset(id: string, radius: number): Position {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const angle = ((h >>> 0) % 3600) * (Math.PI / 1800);
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

/** Mean of the placed neighbours, nudged aside; undefined when no neighbour is placed yet. */
function besideNeighbours(id: string, edges: readonly LayoutEdge[], placed: ReadonlyMap<string, Position>): Position | undefined {
  const around: Position[] = [];
  for (const e of edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null;
    const at = other ? placed.get(other) : undefined;
    if (at) around.push(at);
  }
  if (around.length === 0) return undefined;
  const nudge = offset(id, 70);
  return {
    x: around.reduce((s, p) => s + p.x, 0) / around.length + nudge.x,
    y: around.reduce((s, p) => s + p.y, 0) / around.length + nudge.y,
  };
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

  // Incremental start: each new node beside its placed neighbours (two passes reach chains of
  // new nodes), the rest around the centre of what is already there.
  if (!fresh) {
    for (let pass = 0; pass < 2; pass++) {
      for (const n of missing) {
        if (placed.has(n.id)) continue;
        const near = besideNeighbours(n.id, liveEdges, placed);
        if (near) placed.set(n.id, near);
      }
    }
    const xs = [...placed.values()].map((p) => p.x);
    const ys = [...placed.values()].map((p) => p.y);
    const centre = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
    for (const n of missing) {
      if (placed.has(n.id)) continue;
      const o = offset(n.id, 200);
      placed.set(n.id, { x: centre.x + o.x, y: centre.y + o.y });
    }
    // A big network keeps the neighbour placement: an incremental fcose over it costs too much.
    if (large) return new Map(missing.map((n) => [n.id, placed.get(n.id)!]));
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
