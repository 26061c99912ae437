// Room for the boxes of nested institutions (lib/graph/nesting.ts) after any layout has run. The
// map's layouts place actors as if there were no boxes (circle and concentric put a unit and its
// ministry on different rings; stored force positions were computed without nesting), and
// Cytoscape then draws each box around wherever its units landed, over unrelated actors. This
// pass keeps every box the layout left clear as it is and, for the others, packs the units
// together and moves the box to the nearest place where it overlaps nothing. Pure geometry over
// plain numbers: components/graph/nested-layout.ts reads the instance and applies the result.
import { packInRows, type Point } from './layout-grouping';

/** A drawn node that is not a box: where the layout put it, and its extent around that point (label included). */
export interface PlacedLeaf {
  id: string;
  x: number;
  y: number;
  /** Extent relative to (x, y): left and top are negative. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface NestedPlacementOptions {
  /** Space between a box's edge and what it contains (graph-style's padding). */
  padding?: number;
  /** Room above a box for its label (graph-style puts it at the top). */
  labelRoom?: number;
  /** Space between two things packed inside a box. */
  gap?: number;
  /** Space kept clear around a box. */
  margin?: number;
}

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const intersects = (a: Rect, b: Rect) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;
const grow = (r: Rect, by: number): Rect => ({ x1: r.x1 - by, y1: r.y1 - by, x2: r.x2 + by, y2: r.y2 + by });
const union = (a: Rect | null, b: Rect): Rect => (a ? { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) } : b);
const leafRect = (l: PlacedLeaf): Rect => ({ x1: l.x + l.left, y1: l.y + l.top, x2: l.x + l.right, y2: l.y + l.bottom });

/** Rectangles bucketed on a grid, so a search asks only the cells it touches. */
class RectIndex {
  private readonly cells = new Map<string, Rect[]>();
  constructor(private readonly size: number) {}
  private keys(r: Rect): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(r.x1 / this.size); i <= Math.floor(r.x2 / this.size); i++) {
      for (let j = Math.floor(r.y1 / this.size); j <= Math.floor(r.y2 / this.size); j++) keys.push(`${i},${j}`);
    }
    return keys;
  }
  add(r: Rect): void {
    for (const key of this.keys(r)) {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    }
  }
  hits(r: Rect): boolean {
    for (const key of this.keys(r)) for (const other of this.cells.get(key) ?? []) if (intersects(r, other)) return true;
    return false;
  }
}

/** A box packed tightly: its size, and each leaf's offset from the box's centre. */
interface PackedBox {
  width: number;
  height: number;
  offsets: Map<string, Point>;
}

/**
 * Leaf positions with no box overlapping anything outside it. `parents` is the drawn compound
 * relation (child → parent, both drawn; a parent is never a leaf). Leaves outside every box keep
 * their places. A top-level box whose units the layout already put clear of everything else (the
 * hierarchy's dagre usually does) keeps its units' places; any other is packed in rows (units in
 * the layout's reading order, top to bottom then left to right) and placed, largest first, at the
 * free spot nearest to where its units were, on a spiral outward.
 */
export function nestedPlacement(leaves: readonly PlacedLeaf[], parents: ReadonlyMap<string, string>, options: NestedPlacementOptions = {}): Map<string, Point> {
  const padding = options.padding ?? 18;
  const labelRoom = options.labelRoom ?? 22;
  const gap = options.gap ?? 16;
  const margin = options.margin ?? 24;

  const leafById = new Map(leaves.map((l) => [l.id, l]));
  const children = new Map<string, string[]>();
  for (const [child, parent] of parents) {
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
  }
  const isBox = (id: string) => children.has(id);
  const roots = new Set<string>();
  for (const parent of children.keys()) {
    let top = parent;
    for (let up = parents.get(top); up !== undefined; up = parents.get(top)) top = up;
    roots.add(top);
  }

  // Every leaf under a box, and the box's rectangle where the layout left its units.
  const leavesUnder = new Map<string, string[]>();
  const under = (id: string): string[] => {
    const known = leavesUnder.get(id);
    if (known) return known;
    const out: string[] = [];
    for (const child of children.get(id) ?? []) {
      if (isBox(child)) out.push(...under(child));
      else if (leafById.has(child)) out.push(child);
    }
    leavesUnder.set(id, out);
    return out;
  };
  const layoutRect = (id: string): Rect | null => {
    let rect: Rect | null = null;
    for (const child of children.get(id) ?? []) {
      const r = isBox(child) ? layoutRect(child) : leafById.has(child) ? leafRect(leafById.get(child)!) : null;
      if (r) rect = union(rect, r);
    }
    return rect && { x1: rect.x1 - padding, y1: rect.y1 - padding - labelRoom, x2: rect.x2 + padding, y2: rect.y2 + padding };
  };
  const centreOf = (id: string): Point => {
    const ids = under(id);
    let x = 0;
    let y = 0;
    for (const leaf of ids) {
      x += leafById.get(leaf)!.x;
      y += leafById.get(leaf)!.y;
    }
    return ids.length ? { x: x / ids.length, y: y / ids.length } : { x: 0, y: 0 };
  };

  /** A box whose inner boxes, as laid out, hold nothing but their own units. */
  const cleanInside = (id: string): boolean => {
    const inside = under(id);
    for (const child of children.get(id) ?? []) {
      if (!isBox(child)) continue;
      const rect = layoutRect(child);
      const own = new Set(under(child));
      if (rect && inside.some((leaf) => !own.has(leaf) && intersects(rect, leafRect(leafById.get(leaf)!)))) return false;
      if (!cleanInside(child)) return false;
    }
    return true;
  };

  const packed = new Map<string, PackedBox>();
  const pack = (id: string): PackedBox => {
    const known = packed.get(id);
    if (known) return known;
    const items = (children.get(id) ?? [])
      .filter((child) => isBox(child) || leafById.has(child))
      .map((child) => {
        const at = isBox(child) ? centreOf(child) : { x: leafById.get(child)!.x, y: leafById.get(child)!.y };
        if (isBox(child)) {
          const inner = pack(child);
          return { id: child, at, width: inner.width, height: inner.height, box: inner, cx: inner.width / 2, cy: inner.height / 2 };
        }
        const leaf = leafById.get(child)!;
        return { id: child, at, width: leaf.right - leaf.left, height: leaf.bottom - leaf.top, box: null, cx: -leaf.left, cy: -leaf.top };
      })
      .sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x || (a.id < b.id ? -1 : 1));
    const corners = packInRows(items, gap);
    let innerWidth = 0;
    let innerHeight = 0;
    for (const item of items) {
      const c = corners.get(item.id)!;
      innerWidth = Math.max(innerWidth, c.x + item.width);
      innerHeight = Math.max(innerHeight, c.y + item.height);
    }
    const width = innerWidth + 2 * padding;
    const height = innerHeight + 2 * padding + labelRoom;
    // Offsets from the box's centre; the label's room is at the top.
    const originX = -width / 2 + padding;
    const originY = -height / 2 + padding + labelRoom;
    const offsets = new Map<string, Point>();
    for (const item of items) {
      const c = corners.get(item.id)!;
      const centre = { x: originX + c.x + item.cx, y: originY + c.y + item.cy };
      if (item.box) for (const [leaf, o] of item.box.offsets) offsets.set(leaf, { x: centre.x + o.x, y: centre.y + o.y });
      else offsets.set(item.id, centre);
    }
    const box = { width, height, offsets };
    packed.set(id, box);
    return box;
  };

  const positions = new Map<string, Point>();
  const obstacles = new RectIndex(200);
  for (const leaf of leaves) {
    if (parents.has(leaf.id)) continue;
    positions.set(leaf.id, { x: leaf.x, y: leaf.y });
    obstacles.add(leafRect(leaf));
  }

  // Largest first: a large box finds room more easily near its place while the map is emptier.
  const order = [...roots].map((id) => ({ id, rect: layoutRect(id) })).filter((r): r is { id: string; rect: Rect } => r.rect !== null);
  order.sort((a, b) => under(b.id).length - under(a.id).length || (a.id < b.id ? -1 : 1));
  for (const { id, rect } of order) {
    if (!obstacles.hits(grow(rect, margin)) && cleanInside(id)) {
      for (const leaf of under(id)) positions.set(leaf, { x: leafById.get(leaf)!.x, y: leafById.get(leaf)!.y });
      obstacles.add(rect);
      continue;
    }
    const box = pack(id);
    const at = freeSpot(obstacles, centreOf(id), box.width, box.height, margin);
    for (const [leaf, o] of box.offsets) positions.set(leaf, { x: at.x + o.x, y: at.y + o.y });
    obstacles.add({ x1: at.x - box.width / 2, y1: at.y - box.height / 2, x2: at.x + box.width / 2, y2: at.y + box.height / 2 });
  }
  return positions;
}

/** The nearest centre to `from`, on a square spiral, where a width × height box (plus margin) meets no obstacle. */
function freeSpot(obstacles: RectIndex, from: Point, width: number, height: number, margin: number): Point {
  const step = Math.max(24, Math.min(width, height) / 3);
  const fits = (p: Point) => !obstacles.hits({ x1: p.x - width / 2 - margin, y1: p.y - height / 2 - margin, x2: p.x + width / 2 + margin, y2: p.y + height / 2 + margin });
  if (fits(from)) return from;
  for (let ring = 1; ; ring++) {
    // The ring's points, nearest first, so the spot found is the closest on that ring.
    const points: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      points.push({ x: from.x + i * step, y: from.y - ring * step }, { x: from.x + i * step, y: from.y + ring * step });
      if (i > -ring && i < ring) points.push({ x: from.x - ring * step, y: from.y + i * step }, { x: from.x + ring * step, y: from.y + i * step });
    }
    points.sort((a, b) => Math.hypot(a.x - from.x, a.y - from.y) - Math.hypot(b.x - from.x, b.y - from.y));
    for (const p of points) if (fits(p)) return p;
  }
}
