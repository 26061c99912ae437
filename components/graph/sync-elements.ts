// Bringing a live Cytoscape instance up to date with a new set of elements by id: the missing
// are removed, the new are added, the changed get new data. Nothing is re-created, so nodes that
// stay keep their place and a filter or date change never makes the picture jump.
import type { Core, NodeSingular, Position } from 'cytoscape';

/**
 * Elements by id with flat data: the map's actors and ties (lib/graph/cytoscape-elements) or an
 * overview's groups and counted ties (lib/graph/overview-elements).
 */
export interface CanvasElements {
  nodes: { data: { id: string }; position?: Position }[];
  edges: { data: { id: string; source: string; target: string } }[];
}

export type Placement = 'stored-first' | 'neighbours-first';

export interface SyncOptions {
  /**
   * Where nodes were when they last left the map, by id. Updated in place: removed nodes are
   * written here so they come back where they were.
   */
  remembered?: Map<string, Position>;
  /**
   * 'stored-first' puts a new node at its stored position (the computed force layout), falling
   * back to its neighbours; 'neighbours-first' (for the other layouts, whose coordinates the
   * stored ones do not match) puts it beside its neighbours first.
   */
  placement?: Placement;
}

export interface SyncResult {
  added: string[];
  removed: string[];
  updated: string[];
}

/** Shallow equality over data values; arrays (the names list) compare by content. */
function sameData(current: Record<string, unknown>, next: Record<string, unknown>): boolean {
  for (const key of Object.keys(next)) {
    const a = current[key];
    const b = next[key];
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) return false;
    } else if (a !== b) return false;
  }
  return true;
}

/** A small, stable offset from the id, so a new node never lands exactly on its neighbour. */
export function jitter(id: string, radius: number): Position {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const angle = ((h >>> 0) % 3600) * (Math.PI / 1800);
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

export function viewportCentre(cy: Core): Position {
  const extent = cy.extent();
  return Number.isFinite(extent.x1) && extent.w > 0 ? { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 } : { x: 0, y: 0 };
}

/** Applies the next elements to cy in one batch and says what changed. */
export function syncElements(cy: Core, next: CanvasElements, options: SyncOptions = {}): SyncResult {
  const remembered = options.remembered ?? new Map<string, Position>();
  const placement = options.placement ?? 'stored-first';
  const nextNodes = new Map(next.nodes.map((n) => [n.data.id, n]));
  const nextEdges = new Map(next.edges.map((e) => [e.data.id, e]));
  const result: SyncResult = { added: [], removed: [], updated: [] };

  cy.batch(() => {
    // Remove what left, and edges whose ends changed (Cytoscape cannot move an edge's ends).
    const leaving = cy.elements().filter((ele) => {
      if (ele.isNode()) return !nextNodes.has(ele.id());
      const edge = nextEdges.get(ele.id());
      return !edge || edge.data.source !== ele.data('source') || edge.data.target !== ele.data('target');
    });
    leaving.nodes().forEach((node) => {
      remembered.set(node.id(), { ...node.position() });
    });
    result.removed = leaving.map((ele) => ele.id());
    cy.remove(leaving);

    for (const [id, item] of [...nextNodes, ...nextEdges]) {
      const ele = cy.getElementById(id);
      if (ele.empty()) continue;
      if (!sameData(ele.data() as Record<string, unknown>, item.data as unknown as Record<string, unknown>)) {
        ele.data(item.data);
        result.updated.push(id);
      }
    }

    const newNodes = next.nodes.filter((n) => cy.getElementById(n.data.id).empty());
    const placed = new Map<string, Position>();
    const positionOf = (id: string): Position | undefined => {
      const ele = cy.getElementById(id);
      return ele.nonempty() ? (ele as NodeSingular).position() : placed.get(id);
    };
    const nearNeighbours = (id: string): Position | undefined => {
      const around: Position[] = [];
      for (const edge of next.edges) {
        const other = edge.data.source === id ? edge.data.target : edge.data.target === id ? edge.data.source : null;
        const at = other ? positionOf(other) : undefined;
        if (at) around.push(at);
      }
      if (around.length === 0) return undefined;
      const mean = {
        x: around.reduce((s, p) => s + p.x, 0) / around.length,
        y: around.reduce((s, p) => s + p.y, 0) / around.length,
      };
      const offset = jitter(id, 60);
      return { x: mean.x + offset.x, y: mean.y + offset.y };
    };
    // Nodes with a known place first, so the rest can sit beside them.
    const fallback = viewportCentre(cy);
    const pending: typeof newNodes = [];
    for (const node of newNodes) {
      const id = node.data.id;
      const known = placement === 'stored-first' ? (remembered.get(id) ?? node.position) : remembered.get(id);
      if (known) placed.set(id, known);
      else pending.push(node);
    }
    // Two passes let a chain of new nodes find each other's places.
    for (let pass = 0; pass < 2; pass++) {
      for (const node of pending) {
        const id = node.data.id;
        if (placed.has(id)) continue;
        const near = nearNeighbours(id);
        if (near) placed.set(id, near);
      }
    }
    for (const node of pending) {
      const id = node.data.id;
      if (placed.has(id)) continue;
      const offset = jitter(id, 120);
      placed.set(id, node.position ?? { x: fallback.x + offset.x, y: fallback.y + offset.y });
    }

    const additions = [
      ...newNodes.map((n) => ({ group: 'nodes' as const, data: { ...n.data }, position: { ...placed.get(n.data.id)! } })),
      ...next.edges
        .filter((e) => cy.getElementById(e.data.id).empty())
        .map((e) => ({ group: 'edges' as const, data: { ...e.data } })),
    ];
    if (additions.length > 0) cy.add(additions);
    result.added = additions.map((a) => a.data.id);
  });
  return result;
}
