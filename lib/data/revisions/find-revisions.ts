// Reading history: one record's revisions (with those of the claims and notes on it), and the
// latest changes across the database (the network's records, saved views and stories), as DTOs
// with author names and field-by-field diffs.
//
// Who sees what: a live record's history is as public as the record; a deleted record's history,
// every note's history and the work history at /history are for analysts, who see there the views
// and stories they may read (lib/data/views/view-access.ts); author names are shown to analysts
// only (as on notes, lib/data/read-models.ts).
import 'server-only';
import { getDb, type Db } from '../../db/client';
import { join, raw, sql, type Sql } from '../../db/sql';
import { TIE_TYPE_INFO, type TieType } from '../../domain/vocabulary';
import { diffStates, type FieldChange, type HistoryType } from '../../history/diff';
import { excerpt } from '../../history/format';
import { diffWorkStates, isWorkType, LAYOUT_TYPE, WORK_TYPES, type ChangeType, type WorkType } from '../../history/work-diff';
import { findRecentChangesSchema, recordRefSchema, type FindRecentChangesInput, type RecordRefInput } from '../../validation/history-queries';
import { notFound, parseInput } from '../errors';
import { canSeeInternal, requireRole, type Principal } from '../principal';
import { requireReader } from '../read-access';
import { type AuditedEntity, NOTE_ENTITY_TYPE, type RevisionAction } from '../revisions';
import { readableSql } from '../views/view-access';

type State = Record<string, unknown>;

export interface RevisionDto {
  id: string;
  type: ChangeType;
  /** The record's id (for actors, the id; `key` is what addresses use). */
  entityId: string;
  /** How addresses name the record: an actor's slug at the time, a saved view's address name now, otherwise its id. */
  key: string;
  /** A saved view or story deleted since: its page is gone, so nothing links to it. */
  gone?: boolean;
  version: number;
  action: RevisionAction;
  createdAt: string;
  /** Who made it: a person's name (analysts only), or null when hidden or made by a script. */
  author: string | null;
  /** "user", or the script that made it: "seed", "import", "cli". */
  origin: string;
  reason: string;
  /** What the record is, as of this revision: an actor's name, a tie in words, a claim's quote. */
  label: string;
  changes: FieldChange[];
  /** The record's state after this revision; null after a delete. */
  state: State | null;
}

export interface RecordHistory {
  type: HistoryType;
  id: string;
  /** How addresses name it now: an actor's slug, otherwise the id. */
  key: string;
  label: string;
  deleted: boolean;
  currentVersion: number;
  /** The record's own revisions, newest first. */
  revisions: RevisionDto[];
  /** Revisions of the claims and notes on it (and, for a source, of the claims citing it), newest first. */
  related: RevisionDto[];
}

export interface RecentChanges {
  revisions: RevisionDto[];
  page: number;
  hasMore: boolean;
  type: ChangeType | null;
}

const ENTITY: Record<HistoryType, AuditedEntity> = { actor: 'actor', tie: 'tie', claim: 'claim', source: 'source', note: NOTE_ENTITY_TYPE };
const TYPE_OF: Partial<Record<AuditedEntity, HistoryType>> = { actor: 'actor', tie: 'tie', claim: 'claim', source: 'source', [NOTE_ENTITY_TYPE]: 'note' };
/** The network's records; saved views and stories also keep their own history on their pages (lib/data/views/work-history.ts). */
const NETWORK_ENTITIES = Object.values(ENTITY);
const WORK_TABLE: Record<WorkType, Sql> = { view: raw('"SavedView"'), story: raw('"Story"') };

interface RevisionRow {
  id: string;
  entityType: string;
  entityId: string;
  version: number;
  action: string;
  before: string | null;
  after: string | null;
  origin: string;
  reason: string;
  createdAt: Date;
  authorName: string | null;
  author: { name: string } | null;
}

const revisionSelect = {
  id: true, entityType: true, entityId: true, version: true, action: true, before: true, after: true, origin: true, reason: true, createdAt: true, authorName: true,
  author: { select: { name: true } },
} as const;

function parseState(json: string | null): State | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as State) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

interface Names {
  actors: Map<string, string>;
  sources: Map<string, string>;
}

/**
 * Names of the actors and sources that states point to, so a tie reads "Karpenkov leads GUBOPiK"
 * and a claim names its source by title. Deleted ones keep their names: history is about the past.
 */
async function refNames(db: Db, rows: { entityType: string; before: string | null; after: string | null }[]): Promise<Names> {
  const slugs = new Set<string>();
  const sourceIds = new Set<string>();
  for (const row of rows) {
    for (const s of [parseState(row.before), parseState(row.after)]) {
      if (!s) continue;
      for (const k of ['target', 'actor']) if (typeof s[k] === 'string') slugs.add(s[k] as string);
      if (typeof s.source === 'string') (row.entityType === 'tie' ? slugs : sourceIds).add(s.source);
    }
  }
  const [actors, sources] = await Promise.all([
    slugs.size ? db.actor.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, name: true } }) : [],
    sourceIds.size ? db.source.findMany({ where: { id: { in: [...sourceIds] } }, select: { id: true, title: true } }) : [],
  ]);
  return { actors: new Map(actors.map((r) => [r.slug, r.name])), sources: new Map(sources.map((r) => [r.id, r.title])) };
}

function labelOf(type: HistoryType, state: State | null, names: Names, fallback: string): string {
  if (!state) return fallback;
  switch (type) {
    case 'actor':
      return str(state.name) || fallback;
    case 'tie': {
      const from = names.actors.get(str(state.source)) ?? str(state.source);
      const to = names.actors.get(str(state.target)) ?? str(state.target);
      return `${from} ${TIE_TYPE_INFO[state.type as TieType]?.label ?? str(state.type)} ${to}`;
    }
    case 'source':
      return str(state.title) || fallback;
    case 'claim':
      return `“${excerpt(str(state.quote), 70)}”`;
    case 'note':
      return excerpt(str(state.body), 70) || fallback;
  }
}

/** What every revision says alike, of a network record or of a view or story. */
function revisionFacts(row: Omit<RevisionRow, 'before' | 'after'>, showAuthors: boolean) {
  return {
    id: row.id,
    entityId: row.entityId,
    version: row.version,
    action: row.action as RevisionAction,
    createdAt: row.createdAt.toISOString(),
    // The name when the change was made; the account's name today only for revisions older than that column.
    author: showAuthors ? (row.authorName ?? row.author?.name ?? null) : null,
    origin: row.origin,
    reason: row.reason,
  };
}

function toDtos(rows: RevisionRow[], principal: Principal, names: Names): RevisionDto[] {
  const showAuthors = canSeeInternal(principal);
  return rows.map((row) => {
    const type = TYPE_OF[row.entityType as AuditedEntity] ?? 'actor';
    const before = parseState(row.before);
    const after = parseState(row.after);
    const state = after ?? before;
    return {
      ...revisionFacts(row, showAuthors),
      type,
      key: type === 'actor' && state && typeof state.slug === 'string' ? state.slug : row.entityId,
      label: labelOf(type, state, names, row.entityId),
      changes: diffStates(type, before, after, names),
      state: after,
    };
  });
}

/** A note revision is public only when the note was public on both sides of the change. */
function visibleTo(principal: Principal, row: RevisionRow): boolean {
  if (row.entityType !== NOTE_ENTITY_TYPE || canSeeInternal(principal)) return true;
  return [row.before, row.after].every((json) => json === null || parseState(json)?.visibility === 'public');
}

interface CurrentRecord {
  id: string;
  key: string;
  deleted: boolean;
  version: number;
  /** Notes: whether only analysts may see it now. */
  internal: boolean;
}

async function currentRecord(db: Db, type: HistoryType, id: string): Promise<CurrentRecord | null> {
  switch (type) {
    case 'actor': {
      const row = await db.actor.findFirst({ where: { OR: [{ slug: id }, { id }] }, select: { id: true, slug: true, deletedAt: true, version: true } });
      return row && { id: row.id, key: row.slug, deleted: row.deletedAt !== null, version: row.version, internal: false };
    }
    case 'tie': {
      const row = await db.tie.findUnique({ where: { id }, select: { id: true, deletedAt: true, version: true } });
      return row && { id: row.id, key: row.id, deleted: row.deletedAt !== null, version: row.version, internal: false };
    }
    case 'source': {
      const row = await db.source.findUnique({ where: { id }, select: { id: true, deletedAt: true, version: true } });
      return row && { id: row.id, key: row.id, deleted: row.deletedAt !== null, version: row.version, internal: false };
    }
    case 'claim': {
      const row = await db.claim.findUnique({ where: { id }, select: { id: true, deletedAt: true, version: true } });
      return row && { id: row.id, key: row.id, deleted: row.deletedAt !== null, version: row.version, internal: false };
    }
    case 'note': {
      const row = await db.note.findUnique({ where: { id }, select: { id: true, deletedAt: true, version: true, visibility: true } });
      return row && { id: row.id, key: row.id, deleted: row.deletedAt !== null, version: row.version, internal: row.visibility !== 'public' };
    }
  }
}

/** The claims and notes whose histories belong on a record's page. */
async function relatedEntities(db: Db, type: HistoryType, id: string): Promise<{ entityType: AuditedEntity; ids: string[] }[]> {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  switch (type) {
    case 'actor':
      return [
        { entityType: 'claim', ids: ids(await db.claim.findMany({ where: { actorId: id }, select: { id: true } })) },
        { entityType: NOTE_ENTITY_TYPE, ids: ids(await db.note.findMany({ where: { actorId: id }, select: { id: true } })) },
      ];
    case 'tie':
      return [
        { entityType: 'claim', ids: ids(await db.claim.findMany({ where: { tieId: id }, select: { id: true } })) },
        { entityType: NOTE_ENTITY_TYPE, ids: ids(await db.note.findMany({ where: { tieId: id }, select: { id: true } })) },
      ];
    case 'source':
      return [{ entityType: 'claim', ids: ids(await db.claim.findMany({ where: { sourceId: id }, select: { id: true } })) }];
    default:
      return [];
  }
}

/** Whether this principal may read the current record's history at all. */
function mayRead(principal: Principal, record: CurrentRecord): boolean {
  return canSeeInternal(principal) || (!record.deleted && !record.internal);
}

const newestFirst = (): { orderBy: { createdAt?: 'desc'; version?: 'desc'; id?: 'desc' }[] } => ({ orderBy: [{ createdAt: 'desc' }, { version: 'desc' }, { id: 'desc' }] });

/** A record's history page: its own revisions, and those of the claims and notes on it. */
export async function findRecordHistory(principal: Principal, input: RecordRefInput): Promise<RecordHistory> {
  requireReader(principal);
  const { type, id } = parseInput(recordRefSchema, input, 'History');
  const db = await getDb();
  const record = await currentRecord(db, type, id);
  if (!record || !mayRead(principal, record)) throw notFound(`${type[0].toUpperCase()}${type.slice(1)} "${id}"`);

  // A note made public later keeps its internal past from readers who are not analysts.
  const own = (await db.revision.findMany({ where: { entityType: ENTITY[type], entityId: record.id }, select: revisionSelect, ...newestFirst() })).filter((row) =>
    visibleTo(principal, row),
  );
  const groups = await relatedEntities(db, type, record.id);
  const relatedRows = (
    await Promise.all(
      groups.filter((g) => g.ids.length).map((g) => db.revision.findMany({ where: { entityType: g.entityType, entityId: { in: g.ids } }, select: revisionSelect })),
    )
  )
    .flat()
    .filter((row) => visibleTo(principal, row))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.version - a.version || (a.id < b.id ? 1 : -1));

  const names = await refNames(db, [...own, ...relatedRows]);
  const revisions = toDtos(own, principal, names);
  const latest = revisions.find((r) => r.state) ?? revisions[0];
  return {
    type,
    id: record.id,
    key: record.key,
    label: latest?.label ?? id,
    deleted: record.deleted,
    currentVersion: record.version,
    revisions,
    related: toDtos(relatedRows, principal, names),
  };
}

const PAGE_SIZE = 50;

/**
 * The work's revisions this principal may list: those of a view or story it may read now (private
 * ones for their owner and admins), deleted ones included, as canReadOwned decides. Admins: all.
 */
function workRevisionsReadable(principal: Principal, type: WorkType): Sql {
  const readable = readableSql(principal, raw('w'));
  const own = sql`r."entityType" = ${type}`;
  return readable ? sql`(${own} AND EXISTS (SELECT 1 FROM ${WORK_TABLE[type]} w WHERE w."id" = r."entityId" AND ${readable}))` : own;
}

/**
 * One page of revision ids, newest first, cut in SQL (LIMIT/OFFSET over the createdAt index, or the
 * entityType index for one kind), one more than a page to know whether another follows.
 */
function recentChangesSql(principal: Principal, type: ChangeType | undefined, page: number): Sql {
  const network = (entities: readonly string[]) => sql`r."entityType" IN (${join(entities.map((e) => sql`${e}`))})`;
  const layouts = sql`r."entityType" = ${LAYOUT_TYPE}`;
  const which = !type
    ? sql`(${network(NETWORK_ENTITIES)} OR ${layouts} OR ${join(WORK_TYPES.map((t) => workRevisionsReadable(principal, t)), ' OR ')})`
    : type === LAYOUT_TYPE ? layouts
    : isWorkType(type) ? workRevisionsReadable(principal, type) : network([ENTITY[type]]);
  return sql`
    SELECT r."id", r."entityType" FROM "Revision" r
    WHERE ${which}
    ORDER BY r."createdAt" DESC, r."version" DESC, r."id" DESC
    LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`;
}

interface WorkRow {
  id: string;
  title: string;
  /** A view's address name. */
  slug?: string | null;
  deletedAt: Date | null;
}

/** The views and stories a page's revisions belong to, as they are now: their titles, address names, and whether they are gone. */
async function workRows(db: Db, rows: readonly RevisionRow[]): Promise<Map<string, WorkRow>> {
  const ids = (type: WorkType) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const [views, stories] = await Promise.all([
    ids('view').length ? db.savedView.findMany({ where: { id: { in: ids('view') } }, select: { id: true, title: true, slug: true, deletedAt: true } }) : [],
    ids('story').length ? db.story.findMany({ where: { id: { in: ids('story') } }, select: { id: true, title: true, deletedAt: true } }) : [],
  ]);
  return new Map<string, WorkRow>([...views.map((v) => [`view:${v.id}`, v] as const), ...stories.map((s) => [`story:${s.id}`, s] as const)]);
}

/** A view's or story's revision: labelled by its title then (a publication stores none: the title now), linked while it lives. */
function workDto(row: RevisionRow, type: WorkType, work: WorkRow | undefined, showAuthors: boolean): RevisionDto {
  const before = parseState(row.before);
  const after = parseState(row.after);
  const titled = [after, before].find((s) => typeof s?.title === 'string');
  return {
    ...revisionFacts(row, showAuthors),
    type,
    key: (type === 'view' ? work?.slug : null) ?? row.entityId,
    gone: !work || work.deletedAt !== null,
    label: str(titled?.title) || work?.title || row.entityId,
    changes: diffWorkStates(type, before, after),
    state: after,
  };
}

async function revisionRows(db: Db, ids: readonly string[]): Promise<Map<string, RevisionRow>> {
  if (!ids.length) return new Map();
  return new Map((await db.revision.findMany({ where: { id: { in: [...ids] } }, select: revisionSelect })).map((r) => [r.id, r]));
}

type LayoutRow = Omit<RevisionRow, 'before' | 'after'> & { job: { scope: string; query: string; movedCount: number } | undefined };

/**
 * Re-layout revisions without their states: each holds every position it moved (20,000 at the
 * large size), which the list never shows; the run's own row says what it laid out and how much.
 */
async function layoutRows(db: Db, ids: readonly string[]): Promise<Map<string, LayoutRow>> {
  if (!ids.length) return new Map();
  const { before: _b, after: _a, ...facts } = revisionSelect;
  const revisions = await db.revision.findMany({ where: { id: { in: [...ids] } }, select: facts });
  const jobs = await db.layoutJob.findMany({
    where: { id: { in: [...new Set(revisions.map((r) => r.entityId))] } },
    select: { id: true, scope: true, query: true, movedCount: true },
  });
  const byJob = new Map(jobs.map((j) => [j.id, j]));
  return new Map(revisions.map((r) => [r.id, { ...r, job: byJob.get(r.entityId) }]));
}

/** "the whole network" or "the view asOf=2021-06-01&kind=person", with how many actors moved; `key` is the map's address of it. */
function layoutDto(row: LayoutRow, showAuthors: boolean): RevisionDto {
  const job = row.job;
  const query = job?.scope === 'view' ? job.query : '';
  const moved = job?.movedCount ?? 0;
  const positions = `Positions of ${moved.toLocaleString('en-GB')} ${moved === 1 ? 'actor' : 'actors'}`;
  return {
    ...revisionFacts(row, showAuthors),
    type: LAYOUT_TYPE,
    key: query,
    label: query ? `the view ${query}` : 'the whole network',
    changes: [{ kind: 'value', field: 'positions', label: positions, before: null, after: null }],
    state: null,
  };
}

/**
 * The work history at /history: the latest changes across the database, newest first, a page at a
 * time — the network's records, and the saved views and stories this analyst may read (their
 * creation, edits, publications and deletion). For analysts.
 */
export async function findRecentChanges(principal: Principal, input: FindRecentChangesInput): Promise<RecentChanges> {
  requireRole(principal, 'analyst');
  const { type, page } = parseInput(findRecentChangesSchema, input, 'Recent changes');
  const db = await getDb();
  const found = await db.$queryRaw<{ id: string; entityType: string }[]>(recentChangesSql(principal, type, page));
  const shownIds = found.slice(0, PAGE_SIZE);
  const [rows, layouts] = await Promise.all([
    revisionRows(db, shownIds.filter((r) => r.entityType !== LAYOUT_TYPE).map((r) => r.id)),
    layoutRows(db, shownIds.filter((r) => r.entityType === LAYOUT_TYPE).map((r) => r.id)),
  ]);
  const network = [...rows.values()].filter((r) => !isWorkType(r.entityType));
  const [names, works] = await Promise.all([refNames(db, network), workRows(db, [...rows.values()])]);
  const networkDtos = new Map(toDtos(network, principal, names).map((d) => [d.id, d]));
  const showAuthors = canSeeInternal(principal);
  const dtoOf = ({ id }: { id: string }): RevisionDto | undefined => {
    const layout = layouts.get(id);
    if (layout) return layoutDto(layout, showAuthors);
    const row = rows.get(id);
    if (!row) return undefined;
    return isWorkType(row.entityType) ? workDto(row, row.entityType, works.get(`${row.entityType}:${row.entityId}`), showAuthors) : networkDtos.get(id);
  };
  const revisions = shownIds.map(dtoOf).filter((d): d is RevisionDto => d !== undefined);
  return { revisions, page, hasMore: found.length > PAGE_SIZE, type: type ?? null };
}

/** One revision of one record, for restoring it. Analysts only (the callers change data). */
export async function getRevisionState(principal: Principal, type: HistoryType, entityId: string, version: number): Promise<State | null> {
  requireRole(principal, 'analyst');
  const db = await getDb();
  const row = await db.revision.findFirst({
    where: { entityType: ENTITY[type], entityId, version, action: { in: ['create', 'update', 'restore'] } },
    orderBy: { createdAt: 'desc' },
    select: { after: true },
  });
  return row ? parseState(row.after) : null;
}
