// The timeline's page of bars (/timeline, GET /api/graph/timeline), cut in SQL by the map's own
// definition of a view (tieInView: filters, knowledge date, ended ties kept), never the whole
// network: one GROUP BY picks the page's groups (posts: institution, type and title; or actors),
// counting every group for the pager; one read takes at most so many ties per group
// (ROW_NUMBER by start); the sources' versions of dates are read only for the page's disputed
// ties. The pure lib/graph/timeline.ts groups and draws them.
//
// The timeline spans time, so its cut is taken on the later of today and the cursor (everything
// begun by then, over or not); the cursor (`asOf`, shared with the map) is drawn, not cut by.
import { getConnection, type Db } from '../../db/client';
import { empty, sql, sqlDialect, type Sql, type SqlDialect } from '../../db/sql';
import { todayIso, type PartialDate } from '../../domain/dates';
import { POST_TIE_TYPES, type TieType } from '../../domain/vocabulary';
import { knownClaims } from '../../graph/knowledge';
import { dateVersions, groupByActor, groupByPost, postKey, type DateVersion, type TimelineGroup, type TimelineTie } from '../../graph/timeline';
import type { GraphQuery, ViewEdge } from '../../graph/types';
import type { TimelineParams } from '../../validation/timeline-queries';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { toPartialDate } from '../records';
import { readEdges, tieJoins, tieInView, loadView, type Cut } from './load-view';

/** Post groups on a page, and ties drawn in each at most. */
export const POST_GROUPS_PER_PAGE = 20;
export const TIES_PER_POST = 40;
/** Actor rows on a page, and bars in each at most. */
export const ACTORS_PER_PAGE = 50;
export const BARS_PER_ACTOR = 30;

export interface LoadedTimeline {
  today: string;
  /** The date cursor (the map's asOf), when one is set. */
  cursor: string | null;
  rows: TimelineParams['rows'];
  page: number;
  pageCount: number;
  /** Groups (posts) or rows (actors) in the whole timeline. */
  total: number;
  groups: TimelineGroup[];
}

export interface LoadTimelineOptions {
  today?: string;
}

const int = (value: unknown): number => Number(value);
/** A post's title as the groups key it (postKey): none for `leads`. */
const roleKey = sql`CASE WHEN t."type" = 'leads' THEN '' ELSE t."role" END`;
/** Undated starts sort last on both databases (SQLite puts NULL first, PostgreSQL last). */
const startOrder = sql`COALESCE(t."startDate", '9999-12-31')`;

export async function loadTimeline(principal: Principal, query: GraphQuery, params: TimelineParams, options: LoadTimelineOptions = {}): Promise<LoadedTimeline> {
  requireReader(principal);
  const { kind, db } = await getConnection();
  const dialect = sqlDialect(kind);
  const today = options.today ?? todayIso();
  const cursor = query.asOf ?? null;
  const asOf = cursor && cursor > today ? cursor : today;
  const types: readonly TieType[] = query.types?.length ? query.types : POST_TIE_TYPES;
  const spanQuery: GraphQuery = { ...query, asOf, showEnded: true, types: [...types] };
  const cut: Cut = { asOf, query: spanQuery, dialect };

  // A focus: only the neighbourhood the map would show (on the cut's day) is drawn.
  let focusScope: Sql = empty;
  if (query.focus) {
    const around = await loadView(principal, spanQuery, { today });
    focusScope = sql`AND t."id" IN ${dialect.textList(around.edges.map((e) => e.tieId))}`;
  }

  const byPost = params.rows === 'post';
  const perPage = byPost ? POST_GROUPS_PER_PAGE : ACTORS_PER_PAGE;
  const perGroup = byPost ? TIES_PER_POST : BARS_PER_ACTOR;
  const offset = (params.page - 1) * perPage;

  const groupRows = byPost
    ? await db.$queryRaw<{ id: string; institution: string; type: string; roleKey: string; count: unknown; total: unknown }[]>(sql`
        SELECT g."id", g."slug" AS "institution", t."type", ${roleKey} AS "roleKey", COUNT(*) AS "count", COUNT(*) OVER () AS "total"
        ${tieJoins} WHERE ${tieInView(cut)} ${focusScope}
        GROUP BY g."id", g."slug", g."name", t."type", ${roleKey}
        ORDER BY ${dialect.codePointOrder(sql`g."name"`)}, ${dialect.codePointOrder(sql`g."slug"`)}, CASE WHEN t."type" = 'leads' THEN 0 ELSE 1 END,
          ${dialect.codePointOrder(sql`t."type"`)}, ${dialect.codePointOrder(roleKey)}
        LIMIT ${perPage} OFFSET ${offset}`)
    : await db.$queryRaw<{ id: string; institution: string; type: string; roleKey: string; count: unknown; total: unknown }[]>(sql`
        SELECT s."id", s."slug" AS "institution", '' AS "type", '' AS "roleKey", COUNT(*) AS "count", COUNT(*) OVER () AS "total"
        ${tieJoins} WHERE ${tieInView(cut)} ${focusScope}
        GROUP BY s."id", s."slug", s."name"
        ORDER BY ${dialect.codePointOrder(sql`s."name"`)}, ${dialect.codePointOrder(sql`s."slug"`)}
        LIMIT ${perPage} OFFSET ${offset}`);
  // A page past the end still says how many there are (one count without the page).
  const total = groupRows.length > 0 ? int(groupRows[0]!.total) : params.page > 1 ? await countGroups(db, cut, focusScope, byPost) : 0;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const base = { today, cursor, rows: params.rows, page: params.page, pageCount, total };
  if (groupRows.length === 0) return { ...base, groups: [] };

  // By actor id, so the read of the page's ties walks the tie indexes on targetId / sourceId.
  const ids = dialect.textList([...new Set(groupRows.map((r) => r.id))]);
  const partition = byPost ? sql`t."targetId", t."type", ${roleKey}` : sql`t."sourceId"`;
  const pageScope = byPost ? sql`t."targetId" IN ${ids}` : sql`t."sourceId" IN ${ids}`;
  const firstOfEach = sql`AND t."id" IN (SELECT r."id" FROM (
      SELECT t."id", ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${startOrder}, ${dialect.codePointOrder(sql`t."id"`)}) AS "rank"
      ${tieJoins} WHERE ${tieInView(cut)} AND ${pageScope} ${focusScope}) r WHERE r."rank" <= ${perGroup})`;
  const edges = await readEdges(db, cut, firstOfEach, principal);

  const slugOf = (nodeId: string) => nodeId.slice('actor:'.length);
  const names = await actorNames(db, dialect.textList([...new Set(edges.flatMap((e) => [slugOf(e.source), slugOf(e.target)]))]));
  const actor = (nodeId: string) => ({ slug: slugOf(nodeId), label: names.get(slugOf(nodeId)) ?? slugOf(nodeId) });
  const versions = await readDateVersions(db, dialect, edges.filter((e) => e.disputed), query.known);
  const pageKeys = groupRows.map((r) => (byPost ? postKey({ type: r.type, role: r.roleKey, target: { slug: r.institution } }) : r.institution));
  const onPage = new Set(pageKeys);
  const ties: TimelineTie[] = edges
    .map((e) => ({
      tieId: e.tieId, type: e.type, role: e.role, source: actor(e.source), target: actor(e.target),
      start: e.start, end: e.end, grade: e.grade, disputed: e.disputed, versions: versions.get(e.tieId) ?? [],
    }))
    // The page's institutions may have posts on the pages either side: only this page's are drawn.
    .filter((t) => onPage.has(byPost ? postKey(t) : t.source.slug));

  if (!byPost) return { ...base, groups: [groupByActor(ties, today, pageKeys)] };
  const more = new Map<string, number>();
  const drawn = new Map<string, number>();
  for (const t of ties) drawn.set(postKey(t), (drawn.get(postKey(t)) ?? 0) + 1);
  groupRows.forEach((r, i) => more.set(pageKeys[i]!, Math.max(0, int(r.count) - (drawn.get(pageKeys[i]!) ?? 0))));
  return { ...base, groups: groupByPost(ties, today, more, pageKeys) };
}

async function countGroups(db: Db, cut: Cut, focusScope: Sql, byPost: boolean): Promise<number> {
  const grouping = byPost ? sql`g."slug", t."type", ${roleKey}` : sql`s."slug"`;
  const rows = await db.$queryRaw<{ n: unknown }[]>(sql`SELECT COUNT(*) AS "n" FROM (SELECT 1 AS "one" ${tieJoins} WHERE ${tieInView(cut)} ${focusScope} GROUP BY ${grouping}) x`);
  return int(rows[0]?.n ?? 0);
}

async function actorNames(db: Db, slugs: Sql): Promise<Map<string, string>> {
  const rows = await db.$queryRaw<{ slug: string; name: string }[]>(sql`SELECT a."slug", a."name" FROM "Actor" a WHERE a."slug" IN ${slugs}`);
  return new Map(rows.map((r) => [r.slug, r.name]));
}

/** The supporting claims' stated dates of the given (disputed) ties, as known by `known` when set. */
async function readDateVersions(db: Db, dialect: SqlDialect, ties: readonly ViewEdge[], known: string | undefined): Promise<Map<string, DateVersion[]>> {
  if (ties.length === 0) return new Map();
  const rows = await db.$queryRaw<{
    tieId: string; title: string; statedStartDate: string | null; statedStartPrecision: string | null; statedEndDate: string | null; statedEndPrecision: string | null;
    publishedDate: string | null; publishedPrecision: string | null;
  }[]>(sql`
    SELECT c."tieId", s."title", c."statedStartDate", c."statedStartPrecision", c."statedEndDate", c."statedEndPrecision", s."publishedDate", s."publishedPrecision"
    FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
    WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."stance" = 'supports' AND c."tieId" IN ${dialect.textList(ties.map((t) => t.tieId))}`);
  const claimsOf = new Map<string, { start: PartialDate | null; end: PartialDate | null; source: string; sourcePublished: PartialDate | null }[]>();
  for (const r of rows) {
    const list = claimsOf.get(r.tieId) ?? claimsOf.set(r.tieId, []).get(r.tieId)!;
    list.push({
      start: toPartialDate(r.statedStartDate, r.statedStartPrecision), end: toPartialDate(r.statedEndDate, r.statedEndPrecision),
      source: r.title, sourcePublished: toPartialDate(r.publishedDate, r.publishedPrecision),
    });
  }
  const result = new Map<string, DateVersion[]>();
  for (const tie of ties) {
    const claims = claimsOf.get(tie.tieId) ?? [];
    const versions = dateVersions(known ? knownClaims(claims, known) : claims, tie);
    if (versions.length > 0) result.set(tie.tieId, versions);
  }
  return result;
}
