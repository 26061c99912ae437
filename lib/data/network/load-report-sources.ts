// The sources behind the ties a map view draws, for a report-ready export: how many distinct live
// sources support them (the attribution line) and each tie's first source (the CSV appendix).
// Only the named ties' claims are read, a chunk of ids at a time, never the whole network.
import 'server-only';
import { getDb } from '../../db/client';
import { compareText } from '../../graph/adjacency';
import type { FirstSource } from '../../graph/report';
import { reportSourcesSchema, type ReportSourcesInput } from '../../validation/report-queries';
import { parseInput } from '../errors';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { liveClaimWhere, liveTieWhere, toSourceRef } from '../read-models';
import { formatGrade } from '../../domain/grade';

/** Ids per IN (…) list: well under SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits. */
const CHUNK = 5000;

export interface ReportSources {
  /** Distinct live sources of the live claims on these ties. */
  sourceCount: number;
  /** Per tie id (live ties only), the source of its first claim, or null when it has none. */
  firstSources: Record<string, FirstSource | null>;
}

export async function loadReportSources(principal: Principal, input: ReportSourcesInput): Promise<ReportSources> {
  requireReader(principal);
  const { tieIds } = parseInput(reportSourcesSchema, input, 'Report');
  const db = await getDb();
  const ids = [...new Set(tieIds)];
  const sources = new Set<string>();
  // The first claim of each tie is the lowest id in code-point order, as the tie's page sorts them
  // (byId): compared here rather than by SQL MIN, whose order follows the database's collation.
  const first = new Map<string, { id: string; sourceId: string; credibility: number }>();
  const liveTies = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const ties = await db.tie.findMany({ where: { id: { in: chunk }, ...liveTieWhere }, select: { id: true } });
    for (const t of ties) liveTies.add(t.id);
    const claims = await db.claim.findMany({
      // Only the live ties' claims: the ties were just read, so no join back to them and their actors.
      where: { tieId: { in: ties.map((t) => t.id) }, ...liveClaimWhere },
      select: { id: true, tieId: true, sourceId: true, credibility: true },
    });
    for (const c of claims) {
      if (!c.tieId) continue;
      sources.add(c.sourceId);
      const held = first.get(c.tieId);
      if (!held || compareText(c.id, held.id) < 0) first.set(c.tieId, c);
    }
  }
  const firstSourceIds = [...new Set([...first.values()].map((c) => c.sourceId))];
  const rows = new Map<string, Awaited<ReturnType<typeof db.source.findMany>>[number]>();
  for (let i = 0; i < firstSourceIds.length; i += CHUNK) {
    for (const row of await db.source.findMany({ where: { id: { in: firstSourceIds.slice(i, i + CHUNK) } } })) rows.set(row.id, row);
  }
  const firstSources: Record<string, FirstSource | null> = {};
  for (const tieId of [...liveTies].sort(compareText)) {
    const claim = first.get(tieId);
    const row = claim ? rows.get(claim.sourceId) : undefined;
    if (!claim || !row) {
      firstSources[tieId] = null;
      continue;
    }
    const ref = toSourceRef(row);
    firstSources[tieId] = { title: ref.title, publisher: ref.publisher, url: ref.url, published: ref.published, grade: formatGrade(ref.reliability, claim.credibility) };
  }
  return { sourceCount: sources.size, firstSources };
}
