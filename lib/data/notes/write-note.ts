// Analysts' notes on ties and actors. A note belongs to its author: others may read it (public
// notes anyone, internal notes analysts), but only its author or an admin may change it.
import type { Tx } from '../../db/client';
import { deleteRecordSchema } from '../../domain/records/define-record';
import { createNoteSchema, updateNoteSchema } from '../../domain/records/note';
import { AppError, notFound, parseInput } from '../errors';
import { assertVersion, inTransaction } from '../mutation';
import { authorNameOf, hasRole, requireRole, type Principal } from '../principal';
import { noteState, type NoteState } from '../records';
import { NOTE_ENTITY_TYPE, recordRevision } from '../revisions';
import { refreshTieSummaries } from '../ties/refresh-tie-summaries';

export interface NoteRecord extends NoteState {
  id: string;
  version: number;
  authorId: string;
}

const include = { actor: { select: { slug: true } } } as const;

function userIdOf(principal: Principal): string {
  if (principal.type !== 'user') throw new AppError('unauthenticated', 'Notes are written by a signed-in analyst');
  return principal.userId;
}

async function ownNote(tx: Tx, principal: Principal, id: string) {
  const row = await tx.note.findFirst({ where: { id, deletedAt: null }, include });
  if (!row) throw notFound(`Note "${id}"`);
  if (row.authorId !== userIdOf(principal) && !hasRole(principal, 'admin')) throw new AppError('forbidden', 'Only the author or an admin may change this note');
  return row;
}

export async function createNote(principal: Principal, input: unknown): Promise<NoteRecord> {
  requireRole(principal, 'analyst');
  const authorId = userIdOf(principal);
  const data = parseInput(createNoteSchema, input, 'Note');
  return inTransaction(async (tx) => {
    let actorId: string | null = null;
    if (data.actor) {
      const actor = await tx.actor.findFirst({ where: { slug: data.actor, deletedAt: null }, select: { id: true } });
      if (!actor) throw new AppError('invalid', `actor: no actor "${data.actor}"`, { fieldErrors: { actor: [`No actor "${data.actor}"`] } });
      actorId = actor.id;
    }
    if (data.tie && !(await tx.tie.findFirst({ where: { id: data.tie, deletedAt: null }, select: { id: true } }))) {
      throw new AppError('invalid', `tie: no tie "${data.tie}"`, { fieldErrors: { tie: [`No tie "${data.tie}"`] } });
    }
    const row = await tx.note.create({ data: { tieId: data.tie, actorId, authorId, authorName: authorNameOf(principal), body: data.body, visibility: data.visibility }, include });
    const state = noteState(row);
    await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: row.id, version: 1, action: 'create', before: null, after: state });
    await refreshTieSummaries(tx, [row.tieId]);
    return { id: row.id, version: 1, authorId, ...state };
  });
}

export async function updateNote(principal: Principal, id: string, input: unknown): Promise<NoteRecord> {
  requireRole(principal, 'analyst');
  const { version, ...changes } = parseInput(updateNoteSchema, input, 'Note change');
  return inTransaction(async (tx) => {
    const row = await ownNote(tx, principal, id);
    const before = noteState(row);
    assertVersion('This note', row, version, { id, version: row.version, ...before });
    const after: NoteState = { ...before, ...changes };
    await tx.note.update({ where: { id, version: row.version }, data: { body: after.body, visibility: after.visibility, version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: id, version: row.version + 1, action: 'update', before, after });
    await refreshTieSummaries(tx, [row.tieId]);
    return { id, version: row.version + 1, authorId: row.authorId, ...after };
  });
}

export async function deleteNote(principal: Principal, id: string, input: unknown): Promise<void> {
  requireRole(principal, 'analyst');
  const { version, reason = '' } = parseInput(deleteRecordSchema, input, 'Delete');
  await inTransaction(async (tx) => {
    const row = await ownNote(tx, principal, id);
    const before = noteState(row);
    assertVersion('This note', row, version, { id, version: row.version, ...before });
    await tx.note.update({ where: { id, version: row.version }, data: { deletedAt: new Date(), version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: id, version: row.version + 1, action: 'delete', before, after: null, reason });
    await refreshTieSummaries(tx, [row.tieId]);
  });
}
