// Creating, changing, deleting and restoring ties, each with its revision in one transaction.
import type { Tx } from '../../db/client';
import { deleteRecordSchema } from '../../domain/records/define-record';
import { createTieSchema, tieRules, updateTieSchema } from '../../domain/records/tie';
import { AppError, assertRules, notFound, parseInput } from '../errors';
import { assertVersion, deleteTieWithin, inTransaction, restoreTieWithin, tieInclude } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { tieColumns, tieState, type TieState } from '../records';
import { recordRevision } from '../revisions';
import { refreshTieSummaries } from './refresh-tie-summaries';
import { refreshActorTieCounts } from '../actors/refresh-actor-tie-counts';

export interface TieRecord extends TieState {
  id: string;
  version: number;
}

async function actorIdFor(tx: Tx, slug: string, field: 'source' | 'target'): Promise<string> {
  const row = await tx.actor.findFirst({ where: { slug, deletedAt: null }, select: { id: true } });
  if (!row) throw new AppError('invalid', `${field}: no actor "${slug}"`, { fieldErrors: { [field]: [`No actor "${slug}"`] } });
  return row.id;
}

async function columns(tx: Tx, state: TieState) {
  return { ...tieColumns(state), sourceId: await actorIdFor(tx, state.source, 'source'), targetId: await actorIdFor(tx, state.target, 'target') };
}

async function liveTie(tx: Tx, id: string) {
  const row = await tx.tie.findFirst({ where: { id, deletedAt: null }, include: tieInclude });
  if (!row) throw notFound(`Tie "${id}"`);
  return row;
}

export async function createTie(principal: Principal, input: unknown): Promise<TieRecord> {
  requireRole(principal, 'analyst');
  const state: TieState = parseInput(createTieSchema, input, 'Tie');
  assertRules(tieRules(state));
  return inTransaction(async (tx) => {
    const row = await tx.tie.create({ data: await columns(tx, state) });
    await refreshActorTieCounts(tx, [row.sourceId, row.targetId]);
    await recordRevision(tx, principal, { entityType: 'tie', entityId: row.id, version: 1, action: 'create', before: null, after: state });
    await refreshTieSummaries(tx, [row.id]);
    return { id: row.id, version: 1, ...state };
  });
}

export async function updateTie(principal: Principal, id: string, input: unknown): Promise<TieRecord> {
  requireRole(principal, 'analyst');
  const { version, reason, ...changes } = parseInput(updateTieSchema, input, 'Tie change');
  return inTransaction((tx) => changeTieWithin(tx, principal, id, version, changes, reason));
}

/** One tie changed inside the caller's transaction: version check, rules, row, counts, revision, summary. */
export async function changeTieWithin(
  tx: Tx,
  principal: Principal,
  id: string,
  version: number,
  changes: Partial<TieState>,
  reason: string | undefined,
): Promise<TieRecord> {
  const row = await liveTie(tx, id);
  const before = tieState(row);
  assertVersion('This tie', row, version, { id, version: row.version, ...before });
  const after: TieState = { ...before, ...changes };
  assertRules(tieRules(after));
  const saved = await tx.tie.update({ where: { id, version: row.version }, data: { ...(await columns(tx, after)), version: row.version + 1 } });
  // Either end may have moved: the old ends lose the tie, the new ones gain it.
  await refreshActorTieCounts(tx, [row.sourceId, row.targetId, saved.sourceId, saved.targetId]);
  await recordRevision(tx, principal, { entityType: 'tie', entityId: id, version: row.version + 1, action: 'update', before, after, reason });
  await refreshTieSummaries(tx, [id]);
  return { id, version: row.version + 1, ...after };
}

export async function deleteTie(principal: Principal, id: string, input: unknown): Promise<void> {
  requireRole(principal, 'analyst');
  const { version, reason = '' } = parseInput(deleteRecordSchema, input, 'Delete');
  await inTransaction(async (tx) => {
    const row = await liveTie(tx, id);
    assertVersion('This tie', row, version, { id, version: row.version, ...tieState(row) });
    await deleteTieWithin(tx, principal, id, new Date(), reason);
    await refreshActorTieCounts(tx, [row.sourceId, row.targetId]);
  });
}

export async function restoreTie(principal: Principal, id: string): Promise<TieRecord> {
  requireRole(principal, 'admin');
  return inTransaction(async (tx) => {
    const row = await tx.tie.findUnique({ where: { id }, include: tieInclude });
    if (!row || !row.deletedAt) throw notFound(`Deleted tie "${id}"`);
    await restoreTieWithin(tx, principal, id, row.deletedAt);
    await refreshActorTieCounts(tx, [row.sourceId, row.targetId]);
    return { id, version: row.version + 1, ...tieState(row) };
  });
}
