// The claims behind a view's ties as the knowledge date reads them (lib/graph/knowledge.ts): in
// SQL, whether a tie has a claim known by then and its best known grade, for cuts and filters;
// and, for the ties a view shows, their claims, so grades and disputes are read again by the same
// pure functions the stored summaries come from. Only ever asked for the ties of one view.
import type { Db } from '../../db/client';
import { sql, type Sql, type SqlDialect } from '../../db/sql';
import { knowledgeLimits, knownSummary, type KnowledgeClaim } from '../../graph/knowledge';
import type { ViewEdge } from '../../graph/types';
import { toPartialDate } from '../records';

/** The claim `kc` (with source `ks`) of tie `t` was certainly published by `known` (publishedBy in SQL). */
function knownClaim(known: string): Sql {
  const { day, monthBefore, yearBefore } = knowledgeLimits(known);
  return sql`kc."tieId" = t."id" AND kc."deletedAt" IS NULL AND ks."deletedAt" IS NULL AND ks."publishedDate" IS NOT NULL AND (
    (ks."publishedPrecision" = 'year' AND ks."publishedDate" < ${yearBefore})
    OR (ks."publishedPrecision" = 'month' AND ks."publishedDate" < ${monthBefore})
    OR (ks."publishedPrecision" IN ('day', 'asof') AND ks."publishedDate" <= ${day}))`;
}

const knownClaims = (known: string) => sql`FROM "Claim" kc JOIN "Source" ks ON ks."id" = kc."sourceId" WHERE ${knownClaim(known)}`;

/** Tie `t` has a claim known by `known`. */
export function tieKnownBy(known: string): Sql {
  return sql`EXISTS (SELECT 1 ${knownClaims(known)})`;
}

/** gradeRank in SQL (A1 = 0 … F6 = 35), from a claim's source reliability and its credibility. */
const claimRank = sql`((CASE ks."reliability" WHEN 'A' THEN 0 WHEN 'B' THEN 1 WHEN 'C' THEN 2 WHEN 'D' THEN 3 WHEN 'E' THEN 4 ELSE 5 END) * 6 + kc."credibility" - 1)`;

/** The best grade rank among tie `t`'s supporting claims known by `known` (NULL when none). */
export function knownGradeRank(known: string): Sql {
  return sql`(SELECT MIN(${claimRank}) ${knownClaims(known)} AND kc."stance" = 'supports')`;
}

/** The live claims of the given ties, with what their sources say about when they were published. */
export async function claimsOfTies(db: Db, dialect: SqlDialect, tieIds: readonly string[]): Promise<Map<string, KnowledgeClaim[]>> {
  const claimsOf = new Map<string, KnowledgeClaim[]>();
  if (tieIds.length === 0) return claimsOf;
  const rows = await db.$queryRaw<{
    tieId: string; stance: string; status: string; credibility: unknown; statedCurrent: unknown; reliability: string;
    statedStartDate: string | null; statedStartPrecision: string | null; statedEndDate: string | null; statedEndPrecision: string | null;
    publishedDate: string | null; publishedPrecision: string | null;
  }[]>(sql`
    SELECT c."tieId", c."stance", c."status", c."credibility", c."statedCurrent", s."reliability",
      c."statedStartDate", c."statedStartPrecision", c."statedEndDate", c."statedEndPrecision", s."publishedDate", s."publishedPrecision"
    FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
    WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" IN ${dialect.textList(tieIds)}`);
  for (const r of rows) {
    const claim: KnowledgeClaim = {
      reliability: r.reliability, credibility: Number(r.credibility), stance: r.stance, status: r.status,
      statedCurrent: r.statedCurrent === true || r.statedCurrent === 1 || r.statedCurrent === 1n,
      statedStart: toPartialDate(r.statedStartDate, r.statedStartPrecision), statedEnd: toPartialDate(r.statedEndDate, r.statedEndPrecision),
      sourcePublished: toPartialDate(r.publishedDate, r.publishedPrecision),
    };
    const list = claimsOf.get(r.tieId);
    if (list) list.push(claim);
    else claimsOf.set(r.tieId, [claim]);
  }
  return claimsOf;
}

/** A view's edges with grades, claim counts and disputes as known on `known`; edges with no known claim dropped. */
export async function regradeByKnowledge<E extends Pick<ViewEdge, 'tieId' | 'grade' | 'claimCount' | 'disputed'>>(
  db: Db,
  dialect: SqlDialect,
  edges: readonly E[],
  known: string,
): Promise<E[]> {
  const claimsOf = await claimsOfTies(db, dialect, edges.map((e) => e.tieId));
  const result: E[] = [];
  for (const edge of edges) {
    const summary = knownSummary(claimsOf.get(edge.tieId) ?? [], known);
    if (summary) result.push({ ...edge, grade: summary.grade, claimCount: summary.claimCount, disputed: summary.disputed });
  }
  return result;
}
