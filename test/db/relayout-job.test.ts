// "Lay out again and save" (lib/data/layout/layout-jobs.ts, run-layout-job.ts, undo-layout-job.ts):
// a run is a row in the database that any server can read, one at a time across servers; it writes
// every position in one transaction with one revision holding what it replaced; a failure leaves
// positions as they were and says why; undo puts the old positions back exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { findLayoutJobs, getLayoutJob, releaseStaleJobs, STALE_AFTER_MS, startLayoutJob } from '../../lib/data/layout/layout-jobs';
import { runLayoutJob, type ComputeLayout } from '../../lib/data/layout/run-layout-job';
import { undoLayoutJob } from '../../lib/data/layout/undo-layout-job';
import { getNetworkRevision } from '../../lib/data/network/network-revision';
import { findRecentChanges } from '../../lib/data/revisions/find-revisions';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { setRevisionFaultForTests } from '../../lib/data/revisions';
import { loadSeed } from '../../lib/data/seed';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

/** Every actor's stored place, by id. */
async function positions(): Promise<Map<string, [number | null, number | null]>> {
  const rows = await (await getDb()).actor.findMany({ select: { id: true, x: true, y: true }, orderBy: { id: 'asc' } });
  return new Map(rows.map((r) => [r.id, [r.x, r.y]]));
}

/** A layout that puts actors on a line, in a known place: fast, and easy to tell from fcose's. */
const onALine: ComputeLayout = async (nodes) => new Map(nodes.map((n, i) => [n.id, { x: i * 10, y: 5 }]));

describe.skipIf(!available)(`lay out again and save on ${TEST_KIND}`, () => {
  let analyst: Principal;
  const viewer: Principal = { type: 'user', userId: 'viewer', role: 'viewer', name: 'A Viewer' };

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const user = await db.user.create({ data: { name: 'Layout analyst', email: 'layout-analyst@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
    // Half the actors placed, half not: a run and its undo must keep both kinds exact.
    const actors = await db.actor.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    for (const [i, a] of actors.entries()) if (i % 2 === 0) await db.actor.update({ where: { id: a.id }, data: { x: i, y: -i } });
  });

  it('is for analysts only, and checks its input with zod', async () => {
    await expect(startLayoutJob(ANONYMOUS, { scope: 'all' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(startLayoutJob(viewer, { scope: 'all' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startLayoutJob(analyst, { scope: 'everything' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(startLayoutJob(analyst, { scope: 'all', extra: 1 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(startLayoutJob(analyst, { scope: 'view', query: 'kinds=robot' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(getLayoutJob(viewer, 'x')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await (await getDb()).layoutJob.count()).toBe(0);
  });

  it('runs the whole network with fcose on a worker, saves every position in one transaction and one revision, and undo puts them back', async () => {
    const db = await getDb();
    const before = await positions();
    const revision = await getNetworkRevision();
    const versions = await db.actor.findMany({ select: { id: true, version: true, updatedAt: true }, orderBy: { id: 'asc' } });

    const job = await startLayoutJob(analyst, { scope: 'all' });
    expect(job).toMatchObject({ status: 'queued', scope: 'all', canUndo: false });
    // One at a time, whoever asks and on whichever server: the lock is in the database.
    await expect(startLayoutJob(analyst, { scope: 'all' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already running') });
    await runLayoutJob(job.id);

    const done = await getLayoutJob(analyst, job.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, actorCount: before.size, movedCount: before.size, canUndo: true, requestedBy: 'Layout analyst' });
    const after = await positions();
    expect([...after.values()].every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(new Set([...after.values()].map(([x, y]) => `${Math.round(x!)}:${Math.round(y!)}`)).size).toBe(after.size);
    expect(await getNetworkRevision()).toBeGreaterThan(revision);
    // Positions are presentation: no actor's version or updatedAt moves; the run's own revision says what changed.
    expect(await db.actor.findMany({ select: { id: true, version: true, updatedAt: true }, orderBy: { id: 'asc' } })).toEqual(versions);
    const revisions = await db.revision.findMany({ where: { entityType: 'layout', entityId: job.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: 'update', authorName: 'Layout analyst', origin: 'user' });
    expect(new Map(JSON.parse(revisions[0]!.before!).positions.map(([id, x, y]: [string, number | null, number | null]) => [id, [x, y]]))).toEqual(before);

    const undone = await undoLayoutJob(analyst, job.id);
    expect(undone).toMatchObject({ status: 'undone', canUndo: false });
    expect(await positions()).toEqual(before);
    expect(await db.revision.count({ where: { entityType: 'layout', entityId: job.id, action: 'restore' } })).toBe(1);

    // Recorded in the work history like any change: the run and its undo, newest first, linked to the map.
    const layouts = await findRecentChanges(analyst, { type: 'layout' });
    expect(layouts.revisions.map((r) => `${r.action} ${r.label} by ${r.author}`)).toEqual([
      'restore the whole network by Layout analyst',
      'update the whole network by Layout analyst',
    ]);
    expect(layouts.revisions[0]).toMatchObject({ type: 'layout', key: '', reason: expect.stringContaining('Undid a layout') });
    expect(layouts.revisions[1]!.changes.map((c) => c.label)).toEqual([`Positions of ${before.size} actors`]);
    expect((await findRecentChanges(analyst, {})).revisions[0]).toMatchObject({ type: 'layout', action: 'restore', entityId: job.id });
    expect((await findRecentChanges(analyst, { type: 'actor' })).revisions.some((r) => r.type === 'layout')).toBe(false);
    await expect(undoLayoutJob(analyst, job.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(await positions()).toEqual(before);
  });

  it('lays out a view on its own, keeping its centre, and leaves every other actor where it was', async () => {
    const db = await getDb();
    const before = await positions();
    const job = await startLayoutJob(analyst, { scope: 'view', query: 'focus=ivan-tertel&hops=1' });
    await runLayoutJob(job.id, { compute: onALine });
    const done = await getLayoutJob(analyst, job.id);
    expect(done.status).toBe('done');
    expect(done.actorCount).toBeGreaterThan(1);
    expect(done.actorCount).toBeLessThan(before.size);
    const after = await positions();
    const moved = [...after].filter(([id, p]) => before.get(id)![0] !== p[0] || before.get(id)![1] !== p[1]).map(([id]) => id);
    expect(moved.length).toBeLessThanOrEqual(done.actorCount);
    expect(moved).toContain((await db.actor.findUniqueOrThrow({ where: { slug: 'ivan-tertel' } })).id);
    // On a line, as laid out, at the same height: shifted as one piece.
    expect(new Set(moved.map((id) => after.get(id)![1])).size).toBe(1);
    await undoLayoutJob(analyst, job.id);
    expect(await positions()).toEqual(before);
  });

  it('fails with a clear message and leaves positions unchanged when the layout or the save fails', async () => {
    const db = await getDb();
    const before = await positions();
    const revisions = await db.revision.count();

    const broken = await startLayoutJob(analyst, { scope: 'all' });
    await runLayoutJob(broken.id, { compute: async () => Promise.reject(new Error('worker ran out of memory')) });
    expect(await getLayoutJob(analyst, broken.id)).toMatchObject({ status: 'failed', message: expect.stringContaining('positions are unchanged'), canUndo: false });

    const unsaved = await startLayoutJob(analyst, { scope: 'all' });
    setRevisionFaultForTests(() => {
      throw new Error('disk full');
    });
    try {
      await runLayoutJob(unsaved.id, { compute: onALine });
    } finally {
      setRevisionFaultForTests(null);
    }
    expect(await getLayoutJob(analyst, unsaved.id)).toMatchObject({ status: 'failed', message: expect.stringContaining('positions are unchanged') });

    const gone = await startLayoutJob(analyst, { scope: 'view', query: 'focus=no-such-actor' });
    await runLayoutJob(gone.id, { compute: onALine });
    expect(await getLayoutJob(analyst, gone.id)).toMatchObject({ status: 'failed', message: expect.stringContaining('Positions are unchanged') });

    expect(await positions()).toEqual(before);
    expect(await db.revision.count()).toBe(revisions);
    // Failed runs release the lock: the next one may start.
    expect(await db.layoutJob.count({ where: { activeLock: { not: null } } })).toBe(0);
  });

  it('fails a run whose server stopped, so it never blocks layouts, and lists runs newest first', async () => {
    const db = await getDb();
    const lost = await startLayoutJob(analyst, { scope: 'all' });
    await db.layoutJob.update({ where: { id: lost.id }, data: { status: 'running', heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1_000) } });
    expect(await releaseStaleJobs()).toBe(1);
    expect(await getLayoutJob(analyst, lost.id)).toMatchObject({ status: 'failed', message: expect.stringContaining('stopped') });
    const next = await startLayoutJob(analyst, { scope: 'all' });
    await runLayoutJob(next.id, { compute: onALine });
    const jobs = await findLayoutJobs(analyst);
    expect(jobs[0]!.id).toBe(next.id);
    expect(jobs.filter((j) => j.canUndo).map((j) => j.id)).toEqual([next.id]);
    // A run is claimed once: telling a second server to run it does nothing.
    await runLayoutJob(next.id, { compute: async () => Promise.reject(new Error('must not run')) });
    expect((await getLayoutJob(analyst, next.id)).status).toBe('done');
    await undoLayoutJob(analyst, next.id);
  });
});
