// The mechanics every change shares: one transaction for the change and its revision, the
// optimistic version check that keeps two analysts from overwriting each other, and soft
// deletes that cascade to what depends on the deleted record (and come back with it on restore).
import { getDb, type Tx } from '../db/client';
import { AppError } from './errors';
import { bumpingLast } from './network/network-revision';
import type { Principal } from './principal';
import { noteState, claimState, tieState } from './records';
import { NOTE_ENTITY_TYPE, recordRevision } from './revisions';
import { refreshTieSummaries } from './ties/refresh-tie-summaries';

export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.$transaction((tx) => bumpingLast(tx, () => fn(tx)), { timeout: 30_000, maxWait: 10_000 });
  } catch (error) {
    throw changedWhileSaving(error) ?? error;
  }
}

/**
 * Every versioned write updates `where: { id, version }` with the version it read, not by id alone:
 * PostgreSQL reads committed data, so two writers can both read version N and both pass
 * assertVersion; the second one's UPDATE then waits for the first to commit, finds the version
 * moved on and matches no row. Prisma reports that as P2025, which here can only mean the record
 * changed (or vanished) between the read and the write.
 */
function changedWhileSaving(error: unknown): AppError | null {
  if ((error as { code?: unknown } | null)?.code !== 'P2025') return null;
  return new AppError('conflict', 'The record was changed by someone else while you saved. Nothing was saved: reload it and apply your change again.');
}

/** Refuses a change made against an older version, handing back the current record so nothing typed is lost. */
export function assertVersion(what: string, row: { version: number }, expected: number, current: unknown): void {
  if (row.version === expected) return;
  throw new AppError(
    'conflict',
    `${what} was changed by someone else since you opened it (you edited version ${expected}, it is now version ${row.version}). Nothing was saved: compare with the current version and apply your change again.`,
    { current },
  );
}

const claimInclude = { actor: { select: { slug: true } } } as const;
const tieInclude = { source: { select: { slug: true } }, target: { select: { slug: true } } } as const;

/** Soft-deletes the claims and notes of a tie or an actor, with a revision each, stamped with the parent's deletion time. */
export async function cascadeDelete(tx: Tx, principal: Principal, owner: { tieId: string } | { actorId: string }, at: Date, reason: string) {
  const where = { ...owner, deletedAt: null };
  for (const claim of await tx.claim.findMany({ where, include: claimInclude })) {
    await tx.claim.update({ where: { id: claim.id, version: claim.version }, data: { deletedAt: at, version: claim.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'claim', entityId: claim.id, version: claim.version + 1, action: 'delete', before: claimState(claim), after: null, reason });
  }
  for (const note of await tx.note.findMany({ where, include: claimInclude })) {
    await tx.note.update({ where: { id: note.id, version: note.version }, data: { deletedAt: at, version: note.version + 1 } });
    await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: note.id, version: note.version + 1, action: 'delete', before: noteState(note), after: null, reason });
  }
}

/** Soft-deletes a tie and everything on it. The caller recounts its ends' ties (refreshActorTieCounts), once for all it deletes. */
export async function deleteTieWithin(tx: Tx, principal: Principal, tieId: string, at: Date, reason: string) {
  const tie = await tx.tie.findUniqueOrThrow({ where: { id: tieId }, include: tieInclude });
  await tx.tie.update({ where: { id: tieId, version: tie.version }, data: { deletedAt: at, version: tie.version + 1 } });
  await recordRevision(tx, principal, { entityType: 'tie', entityId: tieId, version: tie.version + 1, action: 'delete', before: tieState(tie), after: null, reason });
  await cascadeDelete(tx, principal, { tieId }, at, reason);
  await refreshTieSummaries(tx, [tieId]);
}

/** Brings back the claims and notes deleted together with their parent (same deletion time). */
export async function cascadeRestore(tx: Tx, principal: Principal, owner: { tieId: string } | { actorId: string }, at: Date) {
  const where = { ...owner, deletedAt: at };
  for (const claim of await tx.claim.findMany({ where, include: claimInclude })) {
    await tx.claim.update({ where: { id: claim.id, version: claim.version }, data: { deletedAt: null, version: claim.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'claim', entityId: claim.id, version: claim.version + 1, action: 'restore', before: null, after: claimState(claim), reason: 'restored with its parent' });
  }
  for (const note of await tx.note.findMany({ where, include: claimInclude })) {
    await tx.note.update({ where: { id: note.id, version: note.version }, data: { deletedAt: null, version: note.version + 1 } });
    await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: note.id, version: note.version + 1, action: 'restore', before: null, after: noteState(note), reason: 'restored with its parent' });
  }
}

/** Restores a tie and what was deleted with it; the caller recounts its ends' ties, as for deleteTieWithin. */
export async function restoreTieWithin(tx: Tx, principal: Principal, tieId: string, at: Date) {
  const tie = await tx.tie.findUniqueOrThrow({ where: { id: tieId }, include: tieInclude });
  await tx.tie.update({ where: { id: tieId, version: tie.version }, data: { deletedAt: null, version: tie.version + 1 } });
  await recordRevision(tx, principal, { entityType: 'tie', entityId: tieId, version: tie.version + 1, action: 'restore', before: null, after: tieState(tie), reason: 'restored' });
  await cascadeRestore(tx, principal, { tieId }, at);
  await refreshTieSummaries(tx, [tieId]);
}

export { claimInclude, tieInclude };
