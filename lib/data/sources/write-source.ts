// Creating, changing, deleting and restoring sources, each with its revision in one transaction.
import type { Tx } from '../../db/client';
import { deleteRecordSchema } from '../../domain/records/define-record';
import { createSourceSchema, updateSourceSchema } from '../../domain/records/source';
import { notFound, parseInput } from '../errors';
import { assertVersion, claimInclude, inTransaction } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { claimState, sourceColumns, sourceState, type SourceState } from '../records';
import { recordRevision } from '../revisions';
import { refreshTieSummaries, tieIdsOfSource } from '../ties/refresh-tie-summaries';

export interface SourceRecord extends SourceState {
  id: string;
  version: number;
}

async function liveSource(tx: Tx, id: string) {
  const row = await tx.source.findFirst({ where: { id, deletedAt: null } });
  if (!row) throw notFound(`Source "${id}"`);
  return row;
}

export async function createSource(principal: Principal, input: unknown): Promise<SourceRecord> {
  requireRole(principal, 'analyst');
  const state: SourceState = parseInput(createSourceSchema, input, 'Source');
  return inTransaction(async (tx) => {
    const row = await tx.source.create({ data: sourceColumns(state) });
    await recordRevision(tx, principal, { entityType: 'source', entityId: row.id, version: 1, action: 'create', before: null, after: state });
    return { id: row.id, version: 1, ...state };
  });
}

export async function updateSource(principal: Principal, id: string, input: unknown): Promise<SourceRecord> {
  requireRole(principal, 'analyst');
  const { version, reason, ...changes } = parseInput(updateSourceSchema, input, 'Source change');
  return inTransaction(async (tx) => {
    const row = await liveSource(tx, id);
    const before = sourceState(row);
    assertVersion(`Source "${row.title}"`, row, version, { id, version: row.version, ...before });
    const after: SourceState = { ...before, ...changes };
    await tx.source.update({ where: { id, version: row.version }, data: { ...sourceColumns(after), version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'source', entityId: id, version: row.version + 1, action: 'update', before, after, reason });
    // Reliability is half of every grade this source gives.
    if (after.reliability !== before.reliability) await refreshTieSummaries(tx, await tieIdsOfSource(tx, id));
    return { id, version: row.version + 1, ...after };
  });
}

/** A claim cannot stand without its source: deleting a source deletes its claims with it. */
export async function deleteSource(principal: Principal, id: string, input: unknown): Promise<void> {
  requireRole(principal, 'analyst');
  const { version, reason = '' } = parseInput(deleteRecordSchema, input, 'Delete');
  await inTransaction(async (tx) => {
    const row = await liveSource(tx, id);
    assertVersion(`Source "${row.title}"`, row, version, { id, version: row.version, ...sourceState(row) });
    const at = new Date();
    await tx.source.update({ where: { id, version: row.version }, data: { deletedAt: at, version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'source', entityId: id, version: row.version + 1, action: 'delete', before: sourceState(row), after: null, reason });
    for (const claim of await tx.claim.findMany({ where: { sourceId: id, deletedAt: null }, include: claimInclude })) {
      await tx.claim.update({ where: { id: claim.id, version: claim.version }, data: { deletedAt: at, version: claim.version + 1 } });
      await recordRevision(tx, principal, { entityType: 'claim', entityId: claim.id, version: claim.version + 1, action: 'delete', before: claimState(claim), after: null, reason: reason || 'its source was deleted' });
    }
    await refreshTieSummaries(tx, await tieIdsOfSource(tx, id));
  });
}

export async function restoreSource(principal: Principal, id: string): Promise<SourceRecord> {
  requireRole(principal, 'admin');
  return inTransaction(async (tx) => {
    const row = await tx.source.findUnique({ where: { id } });
    if (!row || !row.deletedAt) throw notFound(`Deleted source "${id}"`);
    const state = sourceState(row);
    await tx.source.update({ where: { id, version: row.version }, data: { deletedAt: null, version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'source', entityId: id, version: row.version + 1, action: 'restore', before: null, after: state });
    for (const claim of await tx.claim.findMany({ where: { sourceId: id, deletedAt: row.deletedAt }, include: claimInclude })) {
      await tx.claim.update({ where: { id: claim.id, version: claim.version }, data: { deletedAt: null, version: claim.version + 1 } });
      await recordRevision(tx, principal, { entityType: 'claim', entityId: claim.id, version: claim.version + 1, action: 'restore', before: null, after: claimState(claim), reason: 'restored with its source' });
    }
    await refreshTieSummaries(tx, await tieIdsOfSource(tx, id));
    return { id, version: row.version + 1, ...state };
  });
}
