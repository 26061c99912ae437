// Saving, changing and deleting saved views, each with a revision in the same transaction. The
// revision holds the view's fields and how many places it keeps, not the places themselves.
import type { Tx } from '../../db/client';
import { deleteRecordSchema } from '../../domain/records/define-record';
import { createSavedViewSchema, updateSavedViewSchema, type SavedViewState } from '../../domain/records/saved-view';
import type { ViewPositions } from '../../validation/view-state';
import { AppError, notFound, parseInput } from '../errors';
import { assertVersion, inTransaction } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { removeEmbedWithin } from '../embeds/remove-embed';
import { recordRevision } from '../revisions';
import { requireChangeAllowed, requireOwner, requireVisibilityAllowed } from './view-access';
import { savedViewStateOf, type SavedViewRow } from './saved-view-rows';

/** What a revision of a view stores: its fields, and the number of places it keeps. */
const revisionState = (state: SavedViewState, positions: ViewPositions) => ({ ...state, places: Object.keys(positions).length });

async function assertSlugFree(tx: Tx, slug: string | null, id?: string): Promise<void> {
  if (!slug) return;
  const taken = await tx.savedView.findFirst({ where: { slug, ...(id ? { NOT: { id } } : {}) }, select: { id: true } });
  if (taken) throw new AppError('invalid', `slug: "${slug}" already names another view`, { fieldErrors: { slug: [`"${slug}" already names another view`] } });
}

async function liveView(tx: Tx, id: string): Promise<SavedViewRow> {
  const row = await tx.savedView.findFirst({ where: { id, deletedAt: null } });
  if (!row) throw notFound(`View "${id}"`);
  return row;
}

export interface SavedViewWritten {
  id: string;
  slug: string | null;
  version: number;
}

export async function createSavedView(principal: Principal, input: unknown): Promise<SavedViewWritten> {
  const owner = requireOwner(principal, 'Saved views');
  const { positions = {}, camera = null, ...data } = parseInput(createSavedViewSchema, input, 'View');
  requireVisibilityAllowed(principal, data.visibility);
  return inTransaction(async (tx) => {
    await assertSlugFree(tx, data.slug);
    const row = await tx.savedView.create({
      data: {
        slug: data.slug,
        title: data.title,
        description: data.description,
        visibility: data.visibility,
        ownerId: owner.userId,
        ownerName: owner.name,
        state: JSON.stringify(data.state),
        positions: JSON.stringify(positions),
        camera: camera ? JSON.stringify(camera) : null,
      },
    });
    await recordRevision(tx, principal, { entityType: 'view', entityId: row.id, version: 1, action: 'create', before: null, after: revisionState(data, positions) });
    return { id: row.id, slug: row.slug, version: 1 };
  });
}

export async function updateSavedView(principal: Principal, id: string, input: unknown): Promise<SavedViewWritten> {
  requireRole(principal, 'viewer');
  const { version, positions, camera, ...changes } = parseInput(updateSavedViewSchema, input, 'View change');
  return inTransaction(async (tx) => {
    const row = await liveView(tx, id);
    requireChangeAllowed(principal, row, 'view');
    const before = savedViewStateOf(row);
    assertVersion('This view', row, version, { id, version: row.version, ...before.state });
    const after: SavedViewState = { ...before.state, ...changes };
    if (after.visibility !== before.state.visibility) requireVisibilityAllowed(principal, after.visibility);
    await assertSlugFree(tx, after.slug, id);
    const nextPositions = positions ?? before.positions;
    await tx.savedView.update({
      where: { id, version: row.version },
      data: {
        slug: after.slug,
        title: after.title,
        description: after.description,
        visibility: after.visibility,
        state: JSON.stringify(after.state),
        ...(positions !== undefined ? { positions: JSON.stringify(positions) } : {}),
        ...(camera !== undefined ? { camera: camera ? JSON.stringify(camera) : null } : {}),
        version: row.version + 1,
      },
    });
    await removeEmbedWithin(tx, 'view', id, after.visibility);
    await recordRevision(tx, principal, {
      entityType: 'view', entityId: id, version: row.version + 1, action: 'update',
      before: revisionState(before.state, before.positions), after: revisionState(after, nextPositions),
    });
    return { id, slug: after.slug, version: row.version + 1 };
  });
}

export async function deleteSavedView(principal: Principal, id: string, input: unknown): Promise<void> {
  requireRole(principal, 'viewer');
  const { version, reason = '' } = parseInput(deleteRecordSchema, input, 'Delete');
  await inTransaction(async (tx) => {
    const row = await liveView(tx, id);
    requireChangeAllowed(principal, row, 'view');
    const before = savedViewStateOf(row);
    assertVersion('This view', row, version, { id, version: row.version, ...before.state });
    // The slug is freed with the view, so a new view may take its name.
    await tx.savedView.update({ where: { id, version: row.version }, data: { deletedAt: new Date(), slug: null, version: row.version + 1 } });
    await removeEmbedWithin(tx, 'view', id, null);
    await recordRevision(tx, principal, { entityType: 'view', entityId: id, version: row.version + 1, action: 'delete', before: revisionState(before.state, before.positions), after: null, reason });
  });
}

