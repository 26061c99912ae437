// The claims the knowledge date reads, by tie, through Prisma rather than the SQL under test: the
// pure cutByKnowledge's input for the database tests that hold SQL to it.
import { getDb } from '../../lib/db/client';
import { toPartialDate } from '../../lib/data/records';
import type { KnowledgeClaim } from '../../lib/graph/knowledge';

/** Every live claim by tie, read through Prisma (not the SQL under test). */
export async function claimsByTie(): Promise<Map<string, KnowledgeClaim[]>> {
  const db = await getDb();
  const rows = await db.claim.findMany({ where: { deletedAt: null, tieId: { not: null }, source: { deletedAt: null } }, include: { source: true } });
  const map = new Map<string, KnowledgeClaim[]>();
  for (const c of rows) {
    const list = map.get(c.tieId!) ?? map.set(c.tieId!, []).get(c.tieId!)!;
    list.push({
      reliability: c.source.reliability, credibility: c.credibility, stance: c.stance, status: c.status, statedCurrent: c.statedCurrent,
      statedStart: toPartialDate(c.statedStartDate, c.statedStartPrecision), statedEnd: toPartialDate(c.statedEndDate, c.statedEndPrecision),
      sourcePublished: toPartialDate(c.source.publishedDate, c.source.publishedPrecision),
    });
  }
  return map;
}
