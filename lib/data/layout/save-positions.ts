// Storing map positions in Actor.x / Actor.y. Positions are presentation, not content: saving
// them writes no revision, bumps no version and leaves updatedAt alone, so history and edit
// conflicts only ever concern what the network says. They do bump the network revision, which
// keys the map's caches, so readers get the new places.
import 'server-only';
import { getDb } from '../../db/client';
import { bumpNetworkRevision } from '../network/network-revision';
import { AppError } from '../errors';
import type { Principal } from '../principal';
import type { Position } from './compute-positions';
import { computePositionsInWorker } from './compute-positions-in-worker';
import { writePositions } from './write-positions';

/** Only the operator's scripts place actors: positions are shared by every reader's map. */
function requireSystem(principal: Principal): void {
  if (principal.type !== 'system') throw new AppError('forbidden', 'Only Powermap itself stores map positions');
}

/**
 * Writes positions by actor id in one transaction, as set-based updates, to actors that still
 * have none: the layout ran on a snapshot, and an actor placed meanwhile keeps its place.
 * Returns how many actors were updated.
 */
export async function savePositions(principal: Principal, positions: ReadonlyMap<string, Position>): Promise<number> {
  requireSystem(principal);
  if (positions.size === 0) return 0;
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const updated = await writePositions(tx, positions);
      if (updated > 0) await bumpNetworkRevision(tx);
      return updated;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Gives every live actor without a position one: the whole network laid out on a fresh
 * database, or new actors placed among their neighbours later. fcose runs on a worker thread;
 * the result is written in one transaction. Returns how many were placed.
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
  const positions = await computePositionsInWorker(
    actors,
    ties.map((t) => ({ source: t.sourceId, target: t.targetId })),
  );
  return savePositions(principal, positions);
}
