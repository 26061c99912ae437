// Running one "lay out again and save" (layout-jobs.ts): read the actors and ties it lays out,
// run fcose afresh on a worker thread (compute-positions-in-worker.ts, the start-up layout's own),
// then write every position in one transaction with one revision that holds the positions replaced.
// Progress goes to the job's row as it runs, so any app server can show it. Whatever fails, the
// job says why and the positions stay as they were: nothing is written before the last step, and
// that step is one transaction.
import 'server-only';
import { getDb, type Tx } from '../../db/client';
import { hasPosition, type Position } from '../../graph/place-beside-neighbours';
import { layoutQueryOf, type LayoutScope } from '../../validation/layout-jobs';
import { AppError } from '../errors';
import { loadView } from '../network/load-view';
import type { Principal } from '../principal';
import { recordRevision } from '../revisions';
import type { LayoutEdge, LayoutNode } from './compute-positions';
import { computePositionsInWorker } from './compute-positions-in-worker';
import { writePositions } from './write-positions';

export type ComputeLayout = (nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]) => Promise<Map<string, Position>>;

export interface RunLayoutOptions {
  /** Tests replace the layout (to fail it, or to skip fcose); the app runs fcose on a worker. */
  compute?: ComputeLayout;
  /** How often the row's progress and heartbeat are written while fcose runs. */
  tickMs?: number;
}

/** What a revision of entityType "layout" stores, before and after: [actor id, x, y] rows. */
export interface LayoutPositionsState {
  scope: LayoutScope;
  query: string;
  positions: [string, number | null, number | null][];
}

/** About how long fcose takes on n actors (measured by bench/relayout-bench.ts), for the progress bar. */
export function expectedLayoutMs(actors: number): number {
  return Math.max(1_500, actors * 3);
}

const PROGRESS = { read: 0.05, compute: 0.15, save: 0.9 } as const;

/** The person who asked, as the revision names them; a run with no person is Powermap's own. */
function principalOf(job: { requestedById: string | null; requestedByName: string | null }): Principal {
  if (!job.requestedById) return { type: 'system', origin: 'cli' };
  return { type: 'user', userId: job.requestedById, role: 'analyst', name: job.requestedByName ?? '' };
}

/** The actors and ties the run lays out: every live one, or the view the address names, uncapped. */
async function readLayoutInput(principal: Principal, scope: LayoutScope, query: string) {
  const db = await getDb();
  const actors = await db.actor.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, x: true, y: true }, orderBy: { slug: 'asc' } });
  if (scope === 'all') {
    const ties = await db.tie.findMany({
      where: { deletedAt: null, source: { deletedAt: null }, target: { deletedAt: null } },
      select: { sourceId: true, targetId: true },
      orderBy: { id: 'asc' },
    });
    return { actors, edges: ties.map((t) => ({ source: t.sourceId, target: t.targetId })) };
  }
  const parsed = layoutQueryOf(query);
  if (!parsed.ok) throw new AppError('invalid', `The view's address is not one of the map's: ${parsed.errors.join('; ')}`);
  const view = await loadView(principal, parsed.query, { hubLimit: Infinity });
  const idOfNode = new Map(actors.map((a) => [`actor:${a.slug}`, a.id]));
  const inView = new Set(view.nodes.map((n) => n.id));
  return {
    actors: actors.filter((a) => inView.has(`actor:${a.slug}`)),
    edges: view.edges.flatMap((e) => {
      const [source, target] = [idOfNode.get(e.source), idOfNode.get(e.target)];
      return source && target ? [{ source, target }] : [];
    }),
  };
}

/** A view laid out on its own keeps its place in the network: its centre stays where it was. */
function keepCentre(positions: Map<string, Position>, previous: readonly { id: string; x: number | null; y: number | null }[]): Map<string, Position> {
  const placed = previous.filter(hasPosition);
  if (placed.length === 0 || positions.size === 0) return positions;
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const was = { x: mean(placed.map((p) => p.x)), y: mean(placed.map((p) => p.y)) };
  const now = { x: mean([...positions.values()].map((p) => p.x)), y: mean([...positions.values()].map((p) => p.y)) };
  const round = (v: number) => Math.round(v * 10) / 10;
  return new Map([...positions].map(([id, p]) => [id, { x: round(p.x - now.x + was.x), y: round(p.y - now.y + was.y) }]));
}

/** Words for a failure, for the analyst who started the run; details stay in the server's log. */
function failureMessage(error: unknown): string {
  if (error instanceof AppError) return `${error.message} Positions are unchanged.`;
  return 'The layout failed on the server, so nothing was saved: positions are unchanged. Try again; if it fails again, the server log says why.';
}

/**
 * Runs a queued job to its end: done, or failed with a message. Claims it first (queued → running),
 * so a job is run once even when two servers are told to. Never throws.
 */
export async function runLayoutJob(jobId: string, options: RunLayoutOptions = {}): Promise<void> {
  const compute = options.compute ?? computePositionsInWorker;
  const db = await getDb();
  const claimed = await db.layoutJob.updateMany({
    where: { id: jobId, status: 'queued' },
    data: { status: 'running', startedAt: new Date(), heartbeatAt: new Date(), phase: 'Reading the network', progress: PROGRESS.read },
  });
  if (claimed.count === 0) return;
  const job = await db.layoutJob.findUniqueOrThrow({ where: { id: jobId } });
  const principal = principalOf(job);
  const scope = job.scope as LayoutScope;
  let ticker: ReturnType<typeof setInterval> | null = null;
  try {
    const { actors, edges } = await readLayoutInput(principal, scope, job.query);
    if (actors.length === 0) throw new AppError('invalid', 'The view has no actors to lay out.');
    const count = actors.length.toLocaleString('en-GB');
    const startedAt = Date.now();
    const expected = expectedLayoutMs(actors.length);
    await db.layoutJob.update({
      where: { id: jobId },
      data: { phase: `Laying out ${count} actors`, progress: PROGRESS.compute, actorCount: actors.length, heartbeatAt: new Date() },
    });
    // fcose gives no progress of its own: the bar moves by the time it usually takes, never reaching the save.
    ticker = setInterval(() => {
      const share = 1 - Math.exp(-(Date.now() - startedAt) / expected);
      const progress = PROGRESS.compute + (PROGRESS.save - PROGRESS.compute - 0.02) * share;
      void db.layoutJob.update({ where: { id: jobId }, data: { progress, heartbeatAt: new Date() } }).catch(() => undefined);
    }, options.tickMs ?? 1_000);
    // Every actor unplaced: fcose lays the network out afresh rather than around the old places.
    const fresh = await compute(actors.map((a) => ({ id: a.id, x: null, y: null })), edges);
    clearInterval(ticker);
    ticker = null;
    const positions = scope === 'view' ? keepCentre(fresh, actors) : fresh;
    await db.layoutJob.update({ where: { id: jobId }, data: { phase: `Saving ${count} positions`, progress: PROGRESS.save, heartbeatAt: new Date() } });
    await savePositionsAsRevision(jobId, principal, { scope, query: job.query }, positions);
  } catch (error) {
    if (ticker) clearInterval(ticker);
    if (!(error instanceof AppError)) console.error(`layout job ${jobId} failed:`, error);
    await db.layoutJob
      .update({ where: { id: jobId }, data: { status: 'failed', message: failureMessage(error), activeLock: null, finishedAt: new Date(), phase: 'Failed' } })
      .catch((e: unknown) => console.error(`layout job ${jobId}: could not record its failure:`, e));
  }
}

/** Stored positions of some actors, read a chunk of ids at a time (no bound-parameter limit is reached). */
export async function readPositions(tx: Tx, ids: readonly string[]) {
  const out: [string, number | null, number | null][] = [];
  for (let at = 0; at < ids.length; at += 5_000) {
    const rows = await tx.actor.findMany({ where: { id: { in: ids.slice(at, at + 5_000) } }, select: { id: true, x: true, y: true } });
    for (const r of rows) out.push([r.id, r.x, r.y]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * The result in one transaction: the positions it replaces read, the new ones written in bulk, one
 * revision with both (so history shows it and undo can put the old ones back), the network's
 * revision bumped (map caches refresh), the job marked done and its lock released.
 */
async function savePositionsAsRevision(jobId: string, principal: Principal, what: Omit<LayoutPositionsState, 'positions'>, positions: Map<string, Position>) {
  const db = await getDb();
  await db.$transaction(
    async (tx) => {
      const before = await readPositions(tx, [...positions.keys()]);
      const moved = await writePositions(tx, positions, { replace: true });
      const after = before.map(([id]) => {
        const p = positions.get(id)!;
        return [id, p.x, p.y] as [string, number, number];
      });
      await recordRevision(tx, principal, {
        entityType: 'layout',
        entityId: jobId,
        version: 1,
        action: 'update',
        before: { ...what, positions: before } satisfies LayoutPositionsState,
        after: { ...what, positions: after } satisfies LayoutPositionsState,
        reason: what.scope === 'all' ? 'Laid out the whole network again' : `Laid out the view ${what.query || '(whole network)'} again`,
      });
      await tx.layoutJob.update({
        where: { id: jobId },
        data: { status: 'done', movedCount: moved, progress: 1, phase: 'Done', activeLock: null, finishedAt: new Date(), heartbeatAt: new Date() },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Starts a queued run without waiting for it: the request that asked has already been answered. */
export function runLayoutJobInBackground(jobId: string, options: RunLayoutOptions = {}): void {
  void runLayoutJob(jobId, options).catch((error: unknown) => console.error(`layout job ${jobId}:`, error));
}
