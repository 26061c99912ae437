// The pure geometry behind the map's grouped layouts (components/graph/layouts.ts runs them on
// Cytoscape): a circle whose arcs are factions and, within each, kinds; the connected parts of a network, so a hierarchy is laid out part by part; and the
// packing of those parts' boxes into rows, so the whole stays near square instead of a strip.
import { ACTOR_KINDS, FACTIONS, type ActorKind, type Faction } from '../domain/vocabulary';
import { compareText } from './adjacency';

export interface Point {
  x: number;
  y: number;
}

export interface GroupedItem {
  id: string;
  faction: Faction;
  kind: ActorKind;
  label: string;
}

/** Faction (in the vocabulary's order), then kind, then label, then id. */
export function compareByFactionThenKind(a: GroupedItem, b: GroupedItem): number {
  return (
    FACTIONS.indexOf(a.faction) - FACTIONS.indexOf(b.faction) ||
    ACTOR_KINDS.indexOf(a.kind) - ACTOR_KINDS.indexOf(b.kind) ||
    compareText(a.label, b.label) ||
    compareText(a.id, b.id)
  );
}

export interface CircleOptions {
  /** Distance between neighbours on the circle. */
  spacing?: number;
  centre?: Point;
}

/**
 * Places items evenly round one circle, starting at the top, clockwise, in faction then kind
 * order: each faction one arc, its kinds contiguous within it. (Evenly, with no gaps between
 * groups, so the circle's centre stays the actors' centroid and the colours mark the arcs.)
 */
export function circleByFactionAndKind(items: readonly GroupedItem[], options: CircleOptions = {}): Map<string, Point> {
  const { spacing = 60, centre = { x: 0, y: 0 } } = options;
  const sorted = [...items].sort(compareByFactionThenKind);
  const n = Math.max(sorted.length, 1);
  const radius = Math.max(spacing, (n * spacing) / (2 * Math.PI));
  const positions = new Map<string, Point>();
  sorted.forEach((item, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    positions.set(item.id, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
  return positions;
}

/** The connected parts of a graph, ignoring direction: largest first, then by their smallest id; ids sorted within each. */
export function connectedComponents(nodeIds: readonly string[], edges: readonly { source: string; target: string }[]): string[][] {
  const parent = new Map(nodeIds.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const { source, target } of edges) {
    if (!parent.has(source) || !parent.has(target)) continue;
    const a = find(source);
    const b = find(target);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, string[]>();
  for (const id of nodeIds) {
    const root = find(id);
    const list = groups.get(root);
    if (list) list.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()]
    .map((ids) => ids.sort(compareText))
    .sort((a, b) => b.length - a.length || compareText(a[0]!, b[0]!));
}

export interface Box {
  id: string;
  width: number;
  height: number;
}

/**
 * Top-left corners for boxes packed in rows (shelves), in the order given, each row no wider
 * than the widest box or the side of a square of the boxes' total area, whichever is larger.
 */
export function packInRows(boxes: readonly Box[], gap = 80): Map<string, Point> {
  const area = boxes.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0);
  const rowWidth = Math.max(Math.sqrt(area), ...boxes.map((b) => b.width));
  const corners = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    corners.set(box.id, { x, y });
    x += box.width + gap;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return corners;
}
