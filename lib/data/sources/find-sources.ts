// Every live source (the /sources page and GET /api/sources), optionally narrowed by words of
// its title, author or publisher and by reliability, with how many claims each one supports and
// the first of them (CLAIM_PREVIEW, in the order the source's own page lists them). The database
// counts and picks them, so the list never reads every claim of a large network; the source's
// page (get-source.ts) lists them all.
import { getConnection } from '../../db/client';
import { sql, sqlDialect } from '../../db/sql';
import { compareText } from '../../graph/adjacency';
import { normaliseForSearch } from '../../graph/search';
import { findSourcesSchema, type FindSourcesInput } from '../../validation/source-queries';
import { parseInput } from '../errors';
import { requireReader } from '../read-access';
import type { Principal } from '../principal';
import { toSourceRef } from '../read-models';
import { sourceClaimInclude, toSourceClaims } from './source-claims';
import type { SourceClaim, SourceRef } from '../../domain/responses';

/** Claims listed per source; more than the seed's busiest source (the article, 101), few enough for one page. */
export const CLAIM_PREVIEW = 200;

export interface SourceListItem extends SourceRef {
  /** Its live claims (about live ties between live actors, or about live actors). */
  claimCount: number;
  /** The first CLAIM_PREVIEW of them: tie claims by tie, then claims about actors, by actor. */
  claims: SourceClaim[];
}

export async function findSources(principal: Principal, input: FindSourcesInput): Promise<SourceListItem[]> {
  requireReader(principal);
  const params = parseInput(findSourcesSchema, input, 'Source query');
  const { kind, db } = await getConnection();
  const rows = await db.source.findMany({
    where: { deletedAt: null, ...(params.reliability ? { reliability: params.reliability } : {}), ...(params.published === 'unknown' ? { publishedDate: null } : {}) },
  });
  // Few enough to filter here, where titles in any script compare without case or diacritics.
  const words = params.q ? normaliseForSearch(params.q).split(' ').filter(Boolean) : [];
  const matches = (text: string) => words.every((w) => text.includes(w));
  const sources = rows.filter((row) => words.length === 0 || matches(normaliseForSearch(`${row.title} ${row.author} ${row.publisher}`)));
  if (sources.length === 0) return [];

  // The same live-claim rule as liveSourceClaimWhere, and the same order as toSourceClaims.
  const dialect = sqlDialect(kind);
  const picked = await db.$queryRaw<{ id: string; sourceId: string; claimCount: unknown }[]>(sql`
    SELECT r."id", r."sourceId", r."claimCount" FROM (
      SELECT c."id", c."sourceId",
        ROW_NUMBER() OVER (PARTITION BY c."sourceId" ORDER BY CASE WHEN c."tieId" IS NULL THEN 1 ELSE 0 END,
          ${dialect.codePointOrder(sql`c."tieId"`)}, ${dialect.codePointOrder(sql`a."slug"`)}, ${dialect.codePointOrder(sql`c."id"`)}) AS "rank",
        COUNT(*) OVER (PARTITION BY c."sourceId") AS "claimCount"
      FROM "Claim" c
      LEFT JOIN "Tie" t ON t."id" = c."tieId"
      LEFT JOIN "Actor" ts ON ts."id" = t."sourceId"
      LEFT JOIN "Actor" tt ON tt."id" = t."targetId"
      LEFT JOIN "Actor" a ON a."id" = c."actorId"
      WHERE c."deletedAt" IS NULL AND c."sourceId" IN ${dialect.textList(sources.map((s) => s.id))}
        AND ((c."tieId" IS NOT NULL AND t."deletedAt" IS NULL AND ts."deletedAt" IS NULL AND tt."deletedAt" IS NULL)
          OR (c."tieId" IS NULL AND a."id" IS NOT NULL AND a."deletedAt" IS NULL))
    ) r WHERE r."rank" <= ${CLAIM_PREVIEW}`);
  const countOf = new Map(picked.map((p) => [p.sourceId, Number(p.claimCount)]));
  const claims = [];
  // In chunks: Prisma binds one parameter per id and holds SQLite to 999 of them a statement.
  for (let i = 0; i < picked.length; i += 500) {
    claims.push(...(await db.claim.findMany({ where: { id: { in: picked.slice(i, i + 500).map((p) => p.id) } }, include: sourceClaimInclude })));
  }
  const claimsOf = new Map<string, typeof claims>();
  for (const claim of claims) (claimsOf.get(claim.sourceId) ?? claimsOf.set(claim.sourceId, []).get(claim.sourceId)!).push(claim);

  return sources
    .map((row) => ({ ...toSourceRef(row), claimCount: countOf.get(row.id) ?? 0, claims: toSourceClaims(claimsOf.get(row.id) ?? [], row) }))
    .sort((a, b) => compareText(normaliseForSearch(a.title), normaliseForSearch(b.title)) || compareText(a.id, b.id));
}
