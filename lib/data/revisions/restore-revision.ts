// Going back in history without rewriting it. Restoring an earlier version is an ordinary
// update (same checks, a new revision, reason "Restored version N"); bringing back a deleted
// record is an admin's restore, which brings back what was deleted together with it.
import 'server-only';
import { getDb } from '../../db/client';
import { RECORDS } from '../../domain/records/all-records';
import type { HistoryType } from '../../history/diff';
import { restoreDeletedSchema, restoreVersionSchema } from '../../validation/history-queries';
import { restoreActor, updateActor } from '../actors/write-actor';
import { updateNote } from '../notes/write-note';
import { updateClaim } from '../claims/write-claim';
import { AppError, notFound, parseInput } from '../errors';
import { claimInclude, inTransaction } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { noteState, claimState } from '../records';
import { NOTE_ENTITY_TYPE, recordRevision } from '../revisions';
import { restoreSource, updateSource } from '../sources/write-source';
import { refreshTieSummaries } from '../ties/refresh-tie-summaries';
import { restoreTie, updateTie } from '../ties/write-tie';
import { getEditableRecord } from '../editing/get-editable-record';
import { getRevisionState } from './find-revisions';

type State = Record<string, unknown>;

function pick(state: State, fields: readonly string[]): State {
  return Object.fromEntries(fields.filter((k) => k in state).map((k) => [k, state[k]]));
}

export interface RestoredVersion {
  type: HistoryType;
  /** How addresses name the record now (an actor's slug may have come back too). */
  key: string;
  version: number;
}

/** Makes the record as it was at `version`, as a new revision. */
export async function restoreVersion(principal: Principal, input: unknown): Promise<RestoredVersion> {
  requireRole(principal, 'analyst');
  const { type, id, version, currentVersion } = parseInput(restoreVersionSchema, input, 'Restore');
  const current = await getEditableRecord(principal, { type, id });
  const target = await getRevisionState(principal, type, current.id, version);
  if (!target) {
    throw new AppError('invalid', `version: there is no version ${version} of this ${type} to restore`, { fieldErrors: { version: [`No version ${version} to restore`] } });
  }
  if (version === current.version) {
    throw new AppError('invalid', `version: version ${version} is the current version`, { fieldErrors: { version: ['This is the current version'] } });
  }
  // Only the fields an update may set (a claim's or note's subject never moves); notes record no reason.
  const record = RECORDS[type];
  const changes = { ...pick(target, record.updatable), version: currentVersion, ...(record.reasoned ? { reason: `Restored version ${version}` } : {}) };
  switch (type) {
    case 'actor': {
      const saved = await updateActor(principal, (current.state as { slug: string }).slug, changes);
      return { type, key: saved.slug, version: saved.version };
    }
    case 'tie': {
      const saved = await updateTie(principal, current.id, changes);
      return { type, key: saved.id, version: saved.version };
    }
    case 'source': {
      const saved = await updateSource(principal, current.id, changes);
      return { type, key: saved.id, version: saved.version };
    }
    case 'claim': {
      const saved = await updateClaim(principal, current.id, changes);
      return { type, key: saved.id, version: saved.version };
    }
    case 'note': {
      // Their history shows the restored text as an ordinary edit.
      const saved = await updateNote(principal, current.id, changes);
      return { type, key: saved.id, version: saved.version };
    }
  }
}

/**
 * An admin brings back a deleted record: an actor with its ties, claims and notes, a tie with
 * its claims and notes, a source with its claims, or one claim or note deleted on its own.
 */
export async function restoreDeletedRecord(principal: Principal, input: unknown): Promise<RestoredVersion> {
  requireRole(principal, 'admin');
  const { type, id } = parseInput(restoreDeletedSchema, input, 'Restore');
  switch (type) {
    case 'actor': {
      const restored = await restoreActor(principal, await actorSlug(id));
      return { type, key: restored.slug, version: restored.version };
    }
    case 'tie': {
      const restored = await restoreTie(principal, id);
      return { type, key: restored.id, version: restored.version };
    }
    case 'source': {
      const restored = await restoreSource(principal, id);
      return { type, key: restored.id, version: restored.version };
    }
    case 'claim':
      return restoreClaim(principal, id);
    case 'note':
      return restoreNote(principal, id);
  }
}

async function actorSlug(id: string): Promise<string> {
  const row = await (await getDb()).actor.findFirst({ where: { OR: [{ slug: id }, { id }] }, select: { slug: true } });
  if (!row) throw notFound(`Deleted actor "${id}"`);
  return row.slug;
}

function refuseWhileParentDeleted(what: string, parent: { deletedAt: Date | null } | null, name: string) {
  if (parent?.deletedAt) throw new AppError('invalid', `${what}: its ${name} is deleted; restore the ${name} first`);
}

async function restoreClaim(principal: Principal, id: string): Promise<RestoredVersion> {
  return inTransaction(async (tx) => {
    const row = await tx.claim.findUnique({ where: { id }, include: { ...claimInclude, source: { select: { deletedAt: true } }, tie: { select: { deletedAt: true } } } });
    if (!row || !row.deletedAt) throw notFound(`Deleted claim "${id}"`);
    refuseWhileParentDeleted('claim', row.source, 'source');
    refuseWhileParentDeleted('claim', row.tie, 'tie');
    if (row.actorId) refuseWhileParentDeleted('claim', await tx.actor.findUnique({ where: { id: row.actorId }, select: { deletedAt: true } }), 'actor');
    await tx.claim.update({ where: { id, version: row.version }, data: { deletedAt: null, version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'claim', entityId: id, version: row.version + 1, action: 'restore', before: null, after: claimState(row) });
    await refreshTieSummaries(tx, [row.tieId]);
    return { type: 'claim', key: id, version: row.version + 1 };
  });
}

async function restoreNote(principal: Principal, id: string): Promise<RestoredVersion> {
  return inTransaction(async (tx) => {
    const row = await tx.note.findUnique({ where: { id }, include: { ...claimInclude, tie: { select: { deletedAt: true } } } });
    if (!row || !row.deletedAt) throw notFound(`Deleted note "${id}"`);
    refuseWhileParentDeleted('note', row.tie, 'tie');
    if (row.actorId) refuseWhileParentDeleted('note', await tx.actor.findUnique({ where: { id: row.actorId }, select: { deletedAt: true } }), 'actor');
    await tx.note.update({ where: { id, version: row.version }, data: { deletedAt: null, version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: id, version: row.version + 1, action: 'restore', before: null, after: noteState(row) });
    await refreshTieSummaries(tx, [row.tieId]);
    return { type: 'note', key: id, version: row.version + 1 };
  });
}
