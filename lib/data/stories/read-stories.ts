// Reading stories: one with its steps (to edit or present), and the lists /views shows.
import 'server-only';
import { getDb } from '../../db/client';
import type { ViewVisibility } from '../../domain/records/saved-view';
import type { StoryDto, StorySummary } from '../../domain/records/story';
import { notFound } from '../errors';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { canChangeOwned, canReadOwned, readableWhere, userIdOf } from '../views/view-access';
import { VIEW_LIST_LIMIT } from '../views/read-saved-views';
import { stepDto } from './story-rows';

interface StoryRow {
  id: string;
  title: string;
  description: string;
  ownerId: string;
  ownerName: string | null;
  visibility: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function summaryOf(principal: Principal, row: StoryRow, stepCount: number): StorySummary {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    visibility: row.visibility as ViewVisibility,
    ownerName: row.ownerName,
    stepCount,
    updatedAt: row.updatedAt.toISOString(),
    own: row.ownerId === userIdOf(principal),
    canEdit: canChangeOwned(principal, row),
  };
}

export async function getStory(principal: Principal, id: string): Promise<StoryDto> {
  requireReader(principal);
  const db = await getDb();
  const row = await db.story.findFirst({ where: { id, deletedAt: null }, include: { steps: { orderBy: { position: 'asc' } } } });
  if (!row || !canReadOwned(principal, row)) throw notFound(`Story "${id}"`);
  return { ...summaryOf(principal, row, row.steps.length), version: row.version, createdAt: row.createdAt.toISOString(), steps: row.steps.map(stepDto) };
}

export interface StoryLists {
  own: StorySummary[];
  shared: StorySummary[];
  public: StorySummary[];
}

/** The stories a reader may open, split as /views lists them. */
export async function findStories(principal: Principal): Promise<StoryLists> {
  requireReader(principal);
  const db = await getDb();
  const me = userIdOf(principal);
  const where = readableWhere(principal);
  const page = { include: { _count: { select: { steps: true } } }, orderBy: [{ updatedAt: 'desc' as const }, { id: 'asc' as const }], take: VIEW_LIST_LIMIT };
  const others = me ? { NOT: { ownerId: me } } : {};
  const [own, shared, open] = await Promise.all([
    me ? db.story.findMany({ where: { deletedAt: null, ownerId: me }, ...page }) : [],
    principal.type === 'anonymous' ? [] : db.story.findMany({ where: { ...where, visibility: 'signed-in', ...others }, ...page }),
    db.story.findMany({ where: { ...where, visibility: 'public', ...others }, ...page }),
  ]);
  const summary = (row: (typeof open)[number]) => summaryOf(principal, row, row._count.steps);
  return { own: own.map(summary), shared: shared.map(summary), public: open.map(summary) };
}

/** The reader's own stories, to add the map's view to one of them. */
export async function findOwnStories(principal: Principal): Promise<StorySummary[]> {
  return (await findStories(principal)).own;
}
