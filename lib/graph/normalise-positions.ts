// A file's positions keep the scale and origin of the tool that laid it out (Gephi writes
// coordinates in the thousands, yEd and Cytoscape their own): taken as they are, an imported
// group lands on top of the map's actors or far from them, dwarfing or dwarfed. This fits the
// group to the map's scale and sets it beside what is placed, with one uniform scale and a
// translation, so the file's shape (what the other tool's layout meant) is kept.
import { NEIGHBOUR_DISTANCE, type Position } from './place-beside-neighbours';

/** The gap between the placed actors' box and the imported group's, in map units. */
export const IMPORT_GAP = 4 * NEIGHBOUR_DISTANCE;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(points: Iterable<Position>): Box | null {
  let box: Box | null = null;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (!box) box = { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
    else {
      box.minX = Math.min(box.minX, p.x);
      box.minY = Math.min(box.minY, p.y);
      box.maxX = Math.max(box.maxX, p.x);
      box.maxY = Math.max(box.maxY, p.y);
    }
  }
  return box;
}

/**
 * The span a group of `count` actors takes on the map when nothing placed gives a scale: a
 * square grid at the distance the map keeps between neighbours.
 */
const naturalSpan = (count: number) => Math.max(1, Math.ceil(Math.sqrt(count)) - 1) * NEIGHBOUR_DISTANCE * 2;

/**
 * The imported positions scaled and translated into the map's range: the group's longer side
 * becomes as long as the placed actors' (or, with fewer than two placed, a grid of the group's
 * size at the map's neighbour distance), and it sits to the right of the placed actors' box,
 * `IMPORT_GAP` away, top edges aligned; with nothing placed it starts at the origin. One scale for
 * both axes, so the file's shape is kept. Non-finite positions are dropped. Pure.
 */
export function normaliseImportedPositions<K>(
  imported: readonly (readonly [K, Position])[],
  placed: Iterable<Position>,
): [K, Position][] {
  const entries = imported.filter(([, p]) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const from = boxOf(entries.map(([, p]) => p));
  if (!from) return [];
  const to = boxOf(placed);
  const fromSpan = Math.max(from.maxX - from.minX, from.maxY - from.minY);
  const placedSpan = to ? Math.max(to.maxX - to.minX, to.maxY - to.minY) : 0;
  const span = placedSpan > 0 ? Math.max(placedSpan, naturalSpan(entries.length) / 2) : naturalSpan(entries.length);
  // A group whose actors share one point (or a single actor) has no scale of its own.
  const scale = fromSpan > 0 ? span / fromSpan : 1;
  const originX = to ? to.maxX + IMPORT_GAP : 0;
  const originY = to ? to.minY : 0;
  const round = (v: number) => Math.round(v * 10) / 10;
  return entries.map(([k, p]) => [k, { x: round(originX + (p.x - from.minX) * scale), y: round(originY + (p.y - from.minY) * scale) }]);
}
