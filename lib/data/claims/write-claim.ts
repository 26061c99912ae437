// Adding evidence: claims that tie a source to a tie or to an actor fact, and changes to their
// status (with the reason recorded in the revision).
import type { Tx } from '../../db/client';
import { createClaimSchema, updateClaimSchema } from '../../domain/records/claim';
import { deleteRecordSchema } from '../../domain/records/define-record';
import { AppError, notFound, parseInput } from '../errors';
import { assertVersion, claimInclude, inTransaction } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { claimColumns, claimState, type ClaimState } from '../records';
import { recordRevision } from '../revisions';
import { refreshTieSummaries } from '../ties/refresh-tie-summaries';

export interface ClaimRecord extends ClaimState {
  id: string;
  version: number;
}

async function columns(tx: Tx, state: ClaimState) {
  const source = await tx.source.findFirst({ where: { id: state.source, deletedAt: null }, select: { id: true } });
  if (!source) throw new AppError('invalid', `source: no source "${state.source}"`, { fieldErrors: { source: [`No source "${state.source}"`] } });
  let actorId: string | null = null;
  if (state.actor) {
    const actor = await tx.actor.findFirst({ where: { slug: state.actor, deletedAt: null }, select: { id: true } });
    if (!actor) throw new AppError('invalid', `actor: no actor "${state.actor}"`, { fieldErrors: { actor: [`No actor "${state.actor}"`] } });
    actorId = actor.id;
  }
  if (state.tie && !(await tx.tie.findFirst({ where: { id: state.tie, deletedAt: null }, select: { id: true } }))) {
    throw new AppError('invalid', `tie: no tie "${state.tie}"`, { fieldErrors: { tie: [`No tie "${state.tie}"`] } });
  }
  return { ...claimColumns(state), actorId };
}

async function liveClaim(tx: Tx, id: string) {
  const row = await tx.claim.findFirst({ where: { id, deletedAt: null }, include: claimInclude });
  if (!row) throw notFound(`Claim "${id}"`);
  return row;
}

export async function createClaim(principal: Principal, input: unknown): Promise<ClaimRecord> {
  requireRole(principal, 'analyst');
  const state: ClaimState = parseInput(createClaimSchema, input, 'Claim');
  return inTransaction(async (tx) => {
    const row = await tx.claim.create({ data: await columns(tx, state) });
    await recordRevision(tx, principal, { entityType: 'claim', entityId: row.id, version: 1, action: 'create', before: null, after: state });
    await refreshTieSummaries(tx, [state.tie]);
    return { id: row.id, version: 1, ...state };
  });
}

export async function updateClaim(principal: Principal, id: string, input: unknown): Promise<ClaimRecord> {
  requireRole(principal, 'analyst');
  const { version, reason, ...changes } = parseInput(updateClaimSchema, input, 'Claim change');
  return inTransaction(async (tx) => {
    const { record, ties } = await changeClaimWithin(tx, principal, id, version, changes, reason);
    await refreshTieSummaries(tx, ties);
    return record;
  });
}

/**
 * One claim changed inside the caller's transaction: the version check, the row, its revision.
 * Returns the ties it was and is about, whose summaries the caller refreshes (once, for a batch).
 */
export async function changeClaimWithin(
  tx: Tx,
  principal: Principal,
  id: string,
  version: number,
  changes: Partial<ClaimState>,
  reason: string | undefined,
): Promise<{ record: ClaimRecord; ties: (string | null)[] }> {
  const row = await liveClaim(tx, id);
  const before = claimState(row);
  assertVersion('This claim', row, version, { id, version: row.version, ...before });
  if (changes.status && changes.status !== before.status && !reason) {
    throw new AppError('invalid', 'reason: say why the status changes', { fieldErrors: { reason: ['Say why the status changes'] } });
  }
  const after: ClaimState = { ...before, ...changes };
  await tx.claim.update({ where: { id, version: row.version }, data: { ...(await columns(tx, after)), version: row.version + 1 } });
  await recordRevision(tx, principal, { entityType: 'claim', entityId: id, version: row.version + 1, action: 'update', before, after, reason });
  return { record: { id, version: row.version + 1, ...after }, ties: [before.tie, after.tie] };
}

export async function deleteClaim(principal: Principal, id: string, input: unknown): Promise<void> {
  requireRole(principal, 'analyst');
  const { version, reason = '' } = parseInput(deleteRecordSchema, input, 'Delete');
  await inTransaction(async (tx) => {
    const { tie } = await deleteClaimWithin(tx, principal, id, version, reason);
    await refreshTieSummaries(tx, [tie]);
  });
}

/** One claim soft-deleted inside the caller's transaction; returns the tie whose summary the caller refreshes. */
export async function deleteClaimWithin(tx: Tx, principal: Principal, id: string, version: number, reason: string): Promise<{ tie: string | null }> {
  const row = await liveClaim(tx, id);
  const before = claimState(row);
  assertVersion('This claim', row, version, { id, version: row.version, ...before });
  await tx.claim.update({ where: { id, version: row.version }, data: { deletedAt: new Date(), version: row.version + 1 } });
  await recordRevision(tx, principal, { entityType: 'claim', entityId: id, version: row.version + 1, action: 'delete', before, after: null, reason });
  return { tie: before.tie };
}
