// Undoing a "lay out again and save": the positions the run replaced (its revision's `before`) are
// written back in one transaction, with a revision of their own (action "restore"), and the run is
// marked undone. Only the latest finished run may be undone: an older one's "before" is no longer
// what the map showed before the newer run, and putting it back would silently undo that one too.
import 'server-only';
import { getConnection, getDb } from '../../db/client';
import { sql, sqlDialect } from '../../db/sql';
import { layoutJobIdSchema, undoLayoutJobSchema } from '../../validation/layout-jobs';
import { AppError, notFound, parseInput } from '../errors';
import { requireRole, type Principal } from '../principal';
import { recordRevision } from '../revisions';
import { ACTIVE_LOCK, latestDoneJobId, releaseStaleJobs, toLayoutJobDto, type LayoutJobDto } from './layout-jobs';
import { readPositions, type LayoutPositionsState } from './run-layout-job';
import { writePositions } from './write-positions';

const NULL_CHUNK = 5_000;

export async function undoLayoutJob(principal: Principal, id: unknown, body: unknown = {}): Promise<LayoutJobDto> {
  requireRole(principal, 'analyst');
  parseInput(undoLayoutJobSchema, body, 'The undo request');
  const jobId = parseInput(layoutJobIdSchema, id, 'The layout run id');
  const { kind } = await getConnection();
  const dialect = sqlDialect(kind);
  const db = await getDb();
  await releaseStaleJobs();
  const job = await db.layoutJob.findUnique({ where: { id: jobId } });
  if (!job) throw notFound('That layout run');
  if (job.status !== 'done') throw new AppError('conflict', job.status === 'undone' ? 'This layout was undone already.' : 'Only a finished layout can be undone.');
  if ((await latestDoneJobId()) !== job.id) throw new AppError('conflict', 'Only the latest layout can be undone: a later one has been saved since.');
  if (await db.layoutJob.findFirst({ where: { activeLock: ACTIVE_LOCK }, select: { id: true } })) {
    throw new AppError('conflict', 'A layout is running: wait for it to finish before undoing one.');
  }
  const revision = await db.revision.findFirst({ where: { entityType: 'layout', entityId: job.id, action: 'update' }, orderBy: { createdAt: 'desc' } });
  if (!revision?.before) throw new AppError('conflict', 'This layout has no record of the positions it replaced, so it cannot be undone.');
  const before = JSON.parse(revision.before) as LayoutPositionsState;

  const row = await db.$transaction(
    async (tx) => {
      // Claimed inside the transaction: a second undo of the same run finds it undone and stops.
      const claimed = await tx.layoutJob.updateMany({ where: { id: job.id, status: 'done' }, data: { status: 'undone', undoneAt: new Date(), phase: 'Undone' } });
      if (claimed.count === 0) throw new AppError('conflict', 'This layout was undone already.');
      const ids = before.positions.map(([actorId]) => actorId);
      const current = await readPositions(tx, ids);
      const placed = new Map(before.positions.flatMap(([actorId, x, y]) => (x === null || y === null ? [] : [[actorId, { x, y }] as const])));
      await writePositions(tx, placed, { replace: true });
      // Actors the run placed for the first time go back to having no place (the map puts them beside their neighbours).
      const unplaced = before.positions.filter(([, x, y]) => x === null || y === null).map(([actorId]) => actorId);
      for (let at = 0; at < unplaced.length; at += NULL_CHUNK) {
        await tx.$executeRaw(sql`UPDATE "Actor" SET "x" = NULL, "y" = NULL WHERE "id" IN ${dialect.textList(unplaced.slice(at, at + NULL_CHUNK))}`);
      }
      await recordRevision(tx, principal, {
        entityType: 'layout',
        entityId: job.id,
        version: 2,
        action: 'restore',
        before: { scope: before.scope, query: before.query, positions: current } satisfies LayoutPositionsState,
        after: before,
        reason: 'Undid a layout: the positions before it are back',
      });
      return tx.layoutJob.findUniqueOrThrow({ where: { id: job.id } });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return toLayoutJobDto(row, await latestDoneJobId());
}
