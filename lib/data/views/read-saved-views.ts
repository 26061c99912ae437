// Reading saved views: one to open (by id or by its slug), and the lists /views shows.
import 'server-only';
import { getDb } from '../../db/client';
import type { SavedViewDto, SavedViewSummary, ViewVisibility } from '../../domain/records/saved-view';
import { viewStateSearch } from '../../validation/view-state';
import { notFound } from '../errors';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { snapshotOf, type SavedViewRow } from './saved-view-rows';
import { canChangeOwned, canReadOwned, readableWhere, userIdOf } from './view-access';

/** The most views each list of /views shows, newest first. */
export const VIEW_LIST_LIMIT = 200;

function summaryOf(principal: Principal, row: SavedViewRow): SavedViewSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    visibility: row.visibility as ViewVisibility,
    ownerName: row.ownerName,
    search: viewStateSearch(snapshotOf({ state: row.state, positions: '{}', camera: null }).state),
    updatedAt: row.updatedAt.toISOString(),
    own: row.ownerId === userIdOf(principal),
    canEdit: canChangeOwned(principal, row),
  };
}

/** One view to open; a view the principal may not read is "not found", as if it did not exist. */
export async function getSavedView(principal: Principal, idOrSlug: string): Promise<SavedViewDto> {
  requireReader(principal);
  const db = await getDb();
  const row = await db.savedView.findFirst({ where: { deletedAt: null, OR: [{ id: idOrSlug }, { slug: idOrSlug }] } });
  if (!row || !canReadOwned(principal, row)) throw notFound(`View "${idOrSlug}"`);
  const snapshot = snapshotOf(row);
  return {
    ...summaryOf(principal, row),
    version: row.version,
    state: snapshot.state,
    positions: snapshot.positions,
    camera: snapshot.camera,
    dropped: snapshot.dropped,
    stateError: snapshot.stateError,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface SavedViewLists {
  own: SavedViewSummary[];
  /** Others' views shared with signed-in users (empty for visitors). */
  shared: SavedViewSummary[];
  /** Others' public views. */
  public: SavedViewSummary[];
}

const listSelect = {
  id: true, slug: true, title: true, description: true, ownerId: true, ownerName: true, visibility: true, state: true, version: true, createdAt: true, updatedAt: true,
} as const;

/** /views: the reader's own views, the shared ones and the public ones (places left out: lists never carry them). */
export async function findSavedViews(principal: Principal): Promise<SavedViewLists> {
  requireReader(principal);
  const db = await getDb();
  const me = userIdOf(principal);
  const where = readableWhere(principal);
  const page = { select: listSelect, orderBy: [{ updatedAt: 'desc' as const }, { id: 'asc' as const }], take: VIEW_LIST_LIMIT };
  const others = me ? { NOT: { ownerId: me } } : {};
  const [own, shared, open] = await Promise.all([
    me ? db.savedView.findMany({ where: { deletedAt: null, ownerId: me }, ...page }) : [],
    principal.type === 'anonymous' ? [] : db.savedView.findMany({ where: { ...where, visibility: 'signed-in', ...others }, ...page }),
    db.savedView.findMany({ where: { ...where, visibility: 'public', ...others }, ...page }),
  ]);
  const summary = (row: (typeof own)[number]) => summaryOf(principal, { ...row, positions: '{}', camera: null });
  return { own: own.map(summary), shared: shared.map(summary), public: open.map(summary) };
}
