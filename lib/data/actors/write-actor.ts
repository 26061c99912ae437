// Creating, changing, deleting and restoring actors, each with its revision in one transaction.
import type { Tx } from '../../db/client';
import { actorRules, createActorSchema, updateActorSchema } from '../../domain/records/actor';
import { deleteRecordSchema } from '../../domain/records/define-record';
import { AppError, assertRules, notFound, parseInput } from '../errors';
import { assertVersion, cascadeDelete, cascadeRestore, deleteTieWithin, inTransaction, restoreTieWithin } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { actorColumns, actorState, type ActorState } from '../records';
import { recordRevision } from '../revisions';
import { actorsSharingTies, refreshActorTieCounts } from './refresh-actor-tie-counts';
import { writeNames } from './actor-names';
import { lastDayOf } from '../../domain/dates';

export interface ActorRecord extends ActorState {
  id: string;
  version: number;
}

const withNames = { names: true } as const;

function columns(state: ActorState) {
  return { ...actorColumns(state), endDay: lastDayOf(state.end) };
}

async function assertSlugFree(tx: Tx, slug: string) {
  if (await tx.actor.findUnique({ where: { slug }, select: { id: true } })) {
    throw new AppError('invalid', `slug: "${slug}" is already used by another actor`, { fieldErrors: { slug: ['Already used by another actor'] } });
  }
}

async function liveActor(tx: Tx, slug: string) {
  const row = await tx.actor.findFirst({ where: { slug, deletedAt: null }, include: withNames });
  if (!row) throw notFound(`Actor "${slug}"`);
  return row;
}

export async function createActor(principal: Principal, input: unknown): Promise<ActorRecord> {
  requireRole(principal, 'analyst');
  const state: ActorState = parseInput(createActorSchema, input, 'Actor');
  assertRules(actorRules(state));
  return inTransaction(async (tx) => {
    await assertSlugFree(tx, state.slug);
    const row = await tx.actor.create({ data: columns(state) });
    await writeNames(tx, row.id, state.name, state.names);
    const saved = actorState(await tx.actor.findUniqueOrThrow({ where: { id: row.id }, include: withNames }));
    await recordRevision(tx, principal, { entityType: 'actor', entityId: row.id, version: 1, action: 'create', before: null, after: saved });
    return { id: row.id, version: 1, ...saved };
  });
}

export async function updateActor(principal: Principal, slug: string, input: unknown): Promise<ActorRecord> {
  requireRole(principal, 'analyst');
  const { version, reason, ...changes } = parseInput(updateActorSchema, input, 'Actor change');
  return inTransaction(async (tx) => {
    const row = await liveActor(tx, slug);
    const before = actorState(row);
    assertVersion(`Actor "${row.name}"`, row, version, { id: row.id, version: row.version, ...before });
    const after: ActorState = { ...before, ...changes };
    assertRules(actorRules(after));
    if (after.slug !== before.slug) await assertSlugFree(tx, after.slug);
    await tx.actor.update({ where: { id: row.id, version: row.version }, data: { ...columns(after), version: row.version + 1 } });
    // The generated transliterations follow the label as well as the given names.
    if (changes.names || after.name !== before.name) await writeNames(tx, row.id, after.name, after.names);
    const saved = actorState(await tx.actor.findUniqueOrThrow({ where: { id: row.id }, include: withNames }));
    await recordRevision(tx, principal, { entityType: 'actor', entityId: row.id, version: row.version + 1, action: 'update', before, after: saved, reason });
    return { id: row.id, version: row.version + 1, ...saved };
  });
}

/** Soft-deletes the actor with its ties, claims and notes; an admin can bring them all back. */
export async function deleteActor(principal: Principal, slug: string, input: unknown): Promise<void> {
  requireRole(principal, 'analyst');
  const { version, reason = '' } = parseInput(deleteRecordSchema, input, 'Delete');
  await inTransaction(async (tx) => {
    const row = await liveActor(tx, slug);
    const before = actorState(row);
    assertVersion(`Actor "${row.name}"`, row, version, { id: row.id, version: row.version, ...before });
    const at = new Date();
    await tx.actor.update({ where: { id: row.id, version: row.version }, data: { deletedAt: at, version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'actor', entityId: row.id, version: row.version + 1, action: 'delete', before, after: null, reason });
    const ties = await tx.tie.findMany({ where: { deletedAt: null, OR: [{ sourceId: row.id }, { targetId: row.id }] }, select: { id: true } });
    for (const tie of ties) await deleteTieWithin(tx, principal, tie.id, at, reason || `actor ${slug} deleted`);
    await cascadeDelete(tx, principal, { actorId: row.id }, at, reason || `actor ${slug} deleted`);
    await refreshActorTieCounts(tx, await actorsSharingTies(tx, row.id));
  });
}

/** Admins bring back a deleted actor with everything that was deleted together with it. */
export async function restoreActor(principal: Principal, slug: string): Promise<ActorRecord> {
  requireRole(principal, 'admin');
  return inTransaction(async (tx) => {
    const row = await tx.actor.findUnique({ where: { slug }, include: withNames });
    if (!row || !row.deletedAt) throw notFound(`Deleted actor "${slug}"`);
    const at = row.deletedAt;
    const state = actorState(row);
    await tx.actor.update({ where: { id: row.id, version: row.version }, data: { deletedAt: null, version: row.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'actor', entityId: row.id, version: row.version + 1, action: 'restore', before: null, after: state });
    const ties = await tx.tie.findMany({ where: { deletedAt: at, OR: [{ sourceId: row.id }, { targetId: row.id }] }, select: { id: true } });
    for (const tie of ties) await restoreTieWithin(tx, principal, tie.id, at);
    await cascadeRestore(tx, principal, { actorId: row.id }, at);
    await refreshActorTieCounts(tx, await actorsSharingTies(tx, row.id));
    return { id: row.id, version: row.version + 1, ...state };
  });
}
