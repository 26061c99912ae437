// The start-up layout job: fcose on a worker thread over the seed, written in one bulk update
// that bumps the network revision (so map caches refresh) and touches nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { loadGraph } from '../../lib/data/graph';
import { placeUnpositionedActors, savePositions } from '../../lib/data/layout/save-positions';
import { getNetworkRevision } from '../../lib/data/network/network-revision';
import { SEED, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { withProvisionalPositions } from '../../lib/graph/place-beside-neighbours';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const SYSTEM: Principal = { type: 'system', origin: 'cli' };

describe.skipIf(!available)(`the layout job on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
  });

  it('before it runs, the map (app/page.tsx) still has a place for every actor', async () => {
    const db = await getDb();
    expect(await db.actor.count({ where: { x: null } })).toBeGreaterThan(0);
    const graph = withProvisionalPositions(await loadGraph(SEED));
    expect(graph.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
  });

  it('places every actor in one bulk update that bumps the network revision once and leaves history alone', async () => {
    const db = await getDb();
    const before = {
      revision: await getNetworkRevision(),
      revisions: await db.revision.count(),
      actors: await db.actor.findMany({ select: { id: true, updatedAt: true, version: true }, orderBy: { id: 'asc' } }),
    };
    const placed = await placeUnpositionedActors(SYSTEM);
    expect(placed).toBe(before.actors.length);
    expect(await db.actor.count({ where: { OR: [{ x: null }, { y: null }] } })).toBe(0);
    expect(await getNetworkRevision()).toBe(before.revision + 1);
    expect(await db.revision.count()).toBe(before.revisions);
    expect(await db.actor.findMany({ select: { id: true, updatedAt: true, version: true }, orderBy: { id: 'asc' } })).toEqual(before.actors);

    // Spread out as fcose leaves it, not piled up where the provisional places were.
    const points = await db.actor.findMany({ select: { x: true, y: true } });
    const keys = new Set(points.map((p) => `${Math.round(p.x!)}:${Math.round(p.y!)}`));
    expect(keys.size).toBe(points.length);
  });

  it('with nothing left to place, places nothing and bumps nothing', async () => {
    const revision = await getNetworkRevision();
    expect(await placeUnpositionedActors(SYSTEM)).toBe(0);
    expect(await getNetworkRevision()).toBe(revision);
  });

  it('never moves an actor that has a place, and refuses anyone but Powermap itself', async () => {
    const db = await getDb();
    const one = await db.actor.findFirstOrThrow({ select: { id: true, x: true, y: true } });
    expect(await savePositions(SYSTEM, new Map([[one.id, { x: 1, y: 2 }]]))).toBe(0);
    expect(await db.actor.findUniqueOrThrow({ where: { id: one.id }, select: { id: true, x: true, y: true } })).toEqual(one);
    const admin: Principal = { type: 'user', userId: 'u', role: 'admin', name: 'An Admin' };
    await expect(savePositions(admin, new Map([[one.id, { x: 1, y: 2 }]]))).rejects.toThrow('Only Powermap itself stores map positions');
  });
});
