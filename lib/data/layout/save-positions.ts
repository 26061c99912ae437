// Storing map positions in Actor.x / Actor.y. Positions are presentation, not content: saving
// them writes no revision, bumps no version and leaves updatedAt alone, so history and edit
// conflicts only ever concern what the network says.
import 'server-only';
import { getDb } from '../../db/client';
import { AppError } from '../errors';
import type { Principal } from '../principal';
import { computePositions, type Position } from './compute-positions';

/** Only the operator's scripts place actors: positions are shared by every reader's map. */
function requireSystem(principal: Principal): void {
  if (principal.type !== 'system') throw new AppError('forbidden', 'Only Powermap itself stores map positions');
}

/** Writes positions by actor id, in one transaction. */
export async function savePositions(principal: Principal, positions: ReadonlyMap<string, Position>): Promise<number> {
  requireSystem(principal);
  if (positions.size === 0) return 0;
  const db = await getDb();
  const ids = [...positions.keys()];
  const rows = await db.actor.findMany({ where: { id: { in: ids } }, select: { id: true, updatedAt: true } });
  await db.$transaction(
    rows.map((row) => {
      const p = positions.get(row.id)!;
      // updatedAt is passed back unchanged: Prisma would otherwise stamp it as an edit.
      return db.actor.update({ where: { id: row.id }, data: { x: p.x, y: p.y, updatedAt: row.updatedAt } });
    }),
  );
  return rows.length;
}

/**
 * Gives every live actor without a position one: the whole network laid out on a fresh
 * database, or new actors placed among their neighbours later. Returns how many were placed.
 */
export async function placeUnpositionedActors(principal: Principal): Promise<number> {
  requireSystem(principal);
  const db = await getDb();
  const unplaced = await db.actor.count({ where: { deletedAt: null, OR: [{ x: null }, { y: null }] } });
  if (unplaced === 0) return 0;
  const [actors, ties] = await Promise.all([
    db.actor.findMany({ where: { deletedAt: null }, select: { id: true, x: true, y: true }, orderBy: { slug: 'asc' } }),
    db.tie.findMany({
      where: { deletedAt: null, source: { deletedAt: null }, target: { deletedAt: null } },
      select: { sourceId: true, targetId: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  const positions = computePositions(
    actors,
    ties.map((t) => ({ source: t.sourceId, target: t.targetId })),
  );
  return savePositions(principal, positions);
}
