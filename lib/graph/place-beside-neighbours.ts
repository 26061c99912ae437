// Where an actor without a stored position is drawn until the layout job has placed it: beside
// the actors it is tied to. New actors therefore appear among their neighbours instead of in a
// pile, and the map never waits for a force simulation. Pure and deterministic (the same
// network gives the same places), so the server can send these places with the network and the
// layout can start its incremental run from them.
import type { GraphData, GraphNode } from './types';

export interface Position {
  x: number;
  y: number;
}

export interface PlacementEdge {
  source: string;
  target: string;
}

/** How far a placed actor sits from the mean of its neighbours. */
export const NEIGHBOUR_DISTANCE = 70;
/** Spacing of the spiral on which groups with no placed actor at all are started. */
const GROUP_SPACING = 160;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** A stable direction from the id, so places repeat from run to run and never stack exactly. */
export function offsetFor(id: string, radius: number): Position {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const angle = ((h >>> 0) % 3600) * (Math.PI / 1800);
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Places every id in `unplaced` that `placed` does not hold, and returns those places.
 * Outward from what is placed, wave by wave: each actor goes to the mean of its neighbours
 * placed in earlier waves, nudged aside, so chains of new actors follow each other. A group
 * with no placed actor is started on a spiral outside everything placed, then grows the same way.
 */
export function placeBesideNeighbours(
  unplaced: readonly string[],
  edges: readonly PlacementEdge[],
  placed: ReadonlyMap<string, Position>,
): Map<string, Position> {
  const result = new Map<string, Position>();
  const wanted = unplaced.filter((id) => !placed.has(id));
  if (wanted.length === 0) return result;
  const waiting = new Set(wanted);
  const at = (id: string) => placed.get(id) ?? result.get(id);

  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
  for (const { source, target } of edges) {
    if (source === target) continue;
    const known = (id: string) => waiting.has(id) || placed.has(id);
    if (!known(source) || !known(target)) continue;
    if (waiting.has(source)) link(source, target);
    if (waiting.has(target)) link(target, source);
  }

  /** Places one wave from the places before it, and returns the next wave. */
  const placeWave = (wave: readonly string[]): string[] => {
    const places = wave.map((id) => {
      const around = (neighbours.get(id) ?? []).map(at).filter((p): p is Position => p !== undefined);
      const nudge = offsetFor(id, NEIGHBOUR_DISTANCE);
      const mean = {
        x: around.reduce((s, p) => s + p.x, 0) / around.length,
        y: around.reduce((s, p) => s + p.y, 0) / around.length,
      };
      return { x: round(mean.x + nudge.x), y: round(mean.y + nudge.y) };
    });
    wave.forEach((id, i) => {
      result.set(id, places[i]!);
      waiting.delete(id);
    });
    const next = new Set<string>();
    for (const id of wave) for (const other of neighbours.get(id) ?? []) if (waiting.has(other)) next.add(other);
    return [...next];
  };

  const grow = (wave: string[]) => {
    while (wave.length > 0) wave = placeWave(wave);
  };

  grow(wanted.filter((id) => (neighbours.get(id) ?? []).some((other) => placed.has(other))));

  // Groups no placed actor reaches: one seed each on a spiral outside what is placed.
  const extent = boundsOf([...placed.values()]);
  const centre = extent ? { x: (extent.left + extent.right) / 2, y: (extent.top + extent.bottom) / 2 } : { x: 0, y: 0 };
  const inner = extent ? Math.hypot(extent.right - extent.left, extent.bottom - extent.top) / 2 + GROUP_SPACING : 0;
  let seeds = 0;
  for (const id of wanted) {
    if (!waiting.has(id)) continue;
    const radius = inner + GROUP_SPACING * Math.sqrt(seeds);
    const angle = seeds * GOLDEN_ANGLE;
    seeds++;
    result.set(id, { x: round(centre.x + radius * Math.cos(angle)), y: round(centre.y + radius * Math.sin(angle)) });
    waiting.delete(id);
    grow((neighbours.get(id) ?? []).filter((other) => waiting.has(other)));
  }
  return result;
}

function boundsOf(points: readonly Position[]) {
  if (points.length === 0) return null;
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    left = Math.min(left, p.x);
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y);
  }
  return { left, right, top, bottom };
}

export function hasPosition<T extends { x: number | null; y: number | null }>(n: T): n is T & Position {
  return typeof n.x === 'number' && typeof n.y === 'number' && Number.isFinite(n.x) && Number.isFinite(n.y);
}

/**
 * The network with a place for every actor: stored positions as they are, and actors the
 * layout job has not reached yet beside their neighbours. What the map and GET /api/graph send.
 */
export function withProvisionalPositions(graph: GraphData): GraphData {
  const missing = graph.nodes.filter((n) => !hasPosition(n));
  if (missing.length === 0) return graph;
  const placed = new Map<string, Position>();
  for (const n of graph.nodes) if (hasPosition(n)) placed.set(n.id, { x: n.x, y: n.y });
  const places = placeBesideNeighbours(
    missing.map((n) => n.id),
    graph.edges,
    placed,
  );
  const nodes: GraphNode[] = graph.nodes.map((n) => {
    const p = places.get(n.id);
    return p ? { ...n, x: p.x, y: p.y } : n;
  });
  return { ...graph, nodes };
}
