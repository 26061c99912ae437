// The history of one saved view or story: every revision, newest first, with what changed. Read by
// whoever may read the view or story now; author names only for analysts (as history elsewhere).
import 'server-only';
import { getDb } from '../../db/client';
import { diffWorkStates, type WorkType } from '../../history/work-diff';
import type { FieldChange } from '../../history/diff';
import { notFound } from '../errors';
import { canSeeInternal, type Principal } from '../principal';
import { requireReader } from '../read-access';
import type { RevisionAction } from '../revisions';
import { canReadOwned } from './view-access';

export interface WorkRevisionDto {
  id: string;
  version: number;
  action: RevisionAction;
  createdAt: string;
  author: string | null;
  changes: FieldChange[];
}

function parseState(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** At most this many revisions are shown, newest first. */
const HISTORY_LIMIT = 100;

export async function findWorkHistory(principal: Principal, type: WorkType, id: string): Promise<WorkRevisionDto[]> {
  requireReader(principal);
  const db = await getDb();
  const row = type === 'view'
    ? await db.savedView.findFirst({ where: { id, deletedAt: null }, select: { ownerId: true, visibility: true } })
    : await db.story.findFirst({ where: { id, deletedAt: null }, select: { ownerId: true, visibility: true } });
  if (!row || !canReadOwned(principal, row)) throw notFound(`${type === 'view' ? 'View' : 'Story'} "${id}"`);
  const revisions = await db.revision.findMany({
    where: { entityType: type, entityId: id },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    take: HISTORY_LIMIT,
    select: { id: true, version: true, action: true, before: true, after: true, createdAt: true, authorName: true },
  });
  const showAuthors = canSeeInternal(principal);
  return revisions.map((r) => ({
    id: r.id,
    version: r.version,
    action: r.action as RevisionAction,
    createdAt: r.createdAt.toISOString(),
    author: showAuthors ? r.authorName : null,
    changes: diffWorkStates(type, parseState(r.before), parseState(r.after)),
  }));
}
