// "Lay out again and save": an analyst asks for a fresh force layout of the whole network or of
// the map's view, and every reader's map then opens on it. The run is a LayoutJob row, so its state
// (queued, running with a phase and progress, done, failed, undone) is in the database and any app
// server sharing it answers for it; the unique activeLock lets one run at a time across servers.
// The run itself (run-layout-job.ts) starts on the server that was asked, after the answer, with
// fcose on a worker thread; its result is one bulk update and one revision (entityType "layout")
// holding the positions it replaced, which undo-layout-job.ts puts back.
import 'server-only';
import { getDb } from '../../db/client';
import {
  layoutJobIdSchema,
  layoutQueryOf,
  startLayoutJobSchema,
  type LayoutJobDto,
  type LayoutJobStatus,
  type LayoutScope,
  type StartLayoutJobInput,
} from '../../validation/layout-jobs';
import { AppError, notFound, parseInput } from '../errors';
import { authorIdOf, authorNameOf, requireRole, type Principal } from '../principal';

export type { LayoutJobDto };

export const ACTIVE_LOCK = 'layout';
/** A running job's heartbeat is touched every second; one this much older lost its server. */
export const STALE_AFTER_MS = 60_000;
/** Runs shown in the history beside the map. */
const HISTORY_LIMIT = 10;

type LayoutJobRow = {
  id: string; scope: string; query: string; status: string; phase: string; progress: number; actorCount: number; movedCount: number;
  message: string; requestedByName: string | null; createdAt: Date; finishedAt: Date | null; undoneAt: Date | null;
};

export function toLayoutJobDto(row: LayoutJobRow, latestDoneId: string | null): LayoutJobDto {
  return {
    id: row.id,
    scope: row.scope as LayoutScope,
    query: row.query,
    status: row.status as LayoutJobStatus,
    phase: row.phase,
    progress: row.progress,
    actorCount: row.actorCount,
    movedCount: row.movedCount,
    message: row.message,
    requestedBy: row.requestedByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    canUndo: row.status === 'done' && row.id === latestDoneId,
  };
}

/** The id of the run undo would reverse: the latest that finished, unless it was undone already. */
export async function latestDoneJobId(): Promise<string | null> {
  const db = await getDb();
  const latest = await db.layoutJob.findFirst({ where: { status: { in: ['done', 'undone'] } }, orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }], select: { id: true, status: true } });
  return latest?.status === 'done' ? latest.id : null;
}

/**
 * Runs whose server stopped (no heartbeat for STALE_AFTER_MS) are failed and release the lock, so
 * a crash never blocks layouts for good. Their positions never changed: the save is one transaction.
 */
export async function releaseStaleJobs(now = new Date()): Promise<number> {
  const db = await getDb();
  const before = new Date(now.getTime() - STALE_AFTER_MS);
  const { count } = await db.layoutJob.updateMany({
    where: {
      status: { in: ['queued', 'running'] },
      OR: [{ heartbeatAt: { lt: before } }, { heartbeatAt: null, createdAt: { lt: before } }],
    },
    data: {
      status: 'failed',
      activeLock: null,
      finishedAt: now,
      message: 'The server running this layout stopped before it finished. Positions are unchanged; start it again.',
    },
  });
  return count;
}

/** Layout runs are an analyst's tool: they move what every reader sees. */
function requireAnalyst(principal: Principal): void {
  requireRole(principal, 'analyst');
}

/**
 * Records a run, queued, and returns it; the caller starts it (runLayoutJobInBackground) once it
 * has answered. Refused (409) while another run is queued or running anywhere.
 */
export async function startLayoutJob(principal: Principal, input: StartLayoutJobInput | unknown): Promise<LayoutJobDto> {
  requireAnalyst(principal);
  const { scope, query } = parseInput(startLayoutJobSchema, input, 'The layout request');
  if (scope === 'view') {
    const parsed = layoutQueryOf(query);
    if (!parsed.ok) throw new AppError('invalid', `The view's address is not one of the map's: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  }
  const db = await getDb();
  await releaseStaleJobs();
  try {
    const row = await db.layoutJob.create({
      data: {
        scope,
        query: scope === 'view' ? query.replace(/^\?/, '') : '',
        phase: 'Waiting to start',
        activeLock: ACTIVE_LOCK,
        requestedById: authorIdOf(principal),
        requestedByName: authorNameOf(principal),
        heartbeatAt: new Date(),
      },
    });
    return toLayoutJobDto(row, await latestDoneJobId());
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 'P2002') throw error;
    const active = await db.layoutJob.findFirst({ where: { activeLock: ACTIVE_LOCK } });
    throw new AppError(
      'conflict',
      `A layout is already running${active?.requestedByName ? ` (started by ${active.requestedByName})` : ''}. Wait for it to finish, then start another.`,
      { current: active ? toLayoutJobDto(active, null) : undefined },
    );
  }
}

/** One run, as its progress is polled. */
export async function getLayoutJob(principal: Principal, id: unknown): Promise<LayoutJobDto> {
  requireAnalyst(principal);
  const jobId = parseInput(layoutJobIdSchema, id, 'The layout run id');
  const db = await getDb();
  await releaseStaleJobs();
  const row = await db.layoutJob.findUnique({ where: { id: jobId } });
  if (!row) throw notFound('That layout run');
  return toLayoutJobDto(row, await latestDoneJobId());
}

/** The latest runs, newest first: the history beside the map's button. */
export async function findLayoutJobs(principal: Principal): Promise<LayoutJobDto[]> {
  requireAnalyst(principal);
  const db = await getDb();
  await releaseStaleJobs();
  const rows = await db.layoutJob.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: HISTORY_LIMIT });
  const latest = await latestDoneJobId();
  return rows.map((row) => toLayoutJobDto(row, latest));
}
