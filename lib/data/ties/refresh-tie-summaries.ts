// The stored summaries on each tie (best grade and its rank, claim count, dispute flag, note
// counts) and its end day, recomputed from its live claims and notes with the same pure
// functions the pages use (bestGrade, isDisputed, periodEnd), so reads never scan claims.
//
// Every write that can change them calls refreshTieSummaries in its own transaction: claim
// create/update/delete/restore, a source's reliability change, delete and restore (all its
// claims' ties), note writes, tie writes, deletes and restores (and so actor deletes and
// restores, which go through them), and imports. It is set-based and chunked, so a bulk import
// can pass every tie it touched (100,000 ties: a few queries per 500 ties).
//
// Stable API: refreshTieSummaries(tx, tieIds), tieIdsOfSource(tx, sourceId), tieSummaryOf(…).
import type { Tx } from '../../db/client';
import { join, sql } from '../../db/sql';
import { isDisputed, type DisputeClaim } from '../../graph/disputes';
import { isLive, liveSelect } from '../read-models';
import { toPartialDate } from '../records';
import { lastDayOf, type PartialDate } from '../../domain/dates';
import { bestGrade, gradeRank } from '../../domain/grade';

export interface SummaryClaim extends DisputeClaim {
  reliability: string;
  credibility: number;
}

export interface TieSummaryColumns {
  endDay: string | null;
  bestGrade: string | null;
  gradeRank: number | null;
  claimCount: number;
  disputed: boolean;
  noteCount: number;
  publicNoteCount: number;
}

/** The stored columns for one tie, from its end and its live claims and notes. Pure. */
export function tieSummaryOf(
  end: PartialDate | null,
  claims: readonly SummaryClaim[],
  notes: { all: number; public: number },
): TieSummaryColumns {
  const grade = bestGrade(claims);
  return {
    endDay: lastDayOf(end),
    bestGrade: grade,
    gradeRank: gradeRank(grade),
    claimCount: claims.length,
    disputed: isDisputed(claims),
    noteCount: notes.all,
    publicNoteCount: notes.public,
  };
}

/** Small enough to stay far below either database's limit on bound parameters per statement. */
const CHUNK = 500;

export async function refreshTieSummaries(tx: Tx, tieIds: Iterable<string | null | undefined>): Promise<void> {
  const ids = [...new Set([...tieIds].filter((id): id is string => typeof id === 'string'))].sort();
  for (let i = 0; i < ids.length; i += CHUNK) await refreshChunk(tx, ids.slice(i, i + CHUNK));
}

/** The ties whose claims cite a source, deleted claims included (a restore brings them back). */
export async function tieIdsOfSource(tx: Tx, sourceId: string): Promise<string[]> {
  const rows = await tx.claim.findMany({ where: { sourceId, tieId: { not: null } }, select: { tieId: true }, distinct: ['tieId'] });
  return rows.map((r) => r.tieId).filter((id): id is string => id !== null);
}

async function refreshChunk(tx: Tx, ids: string[]): Promise<void> {
  const ties = await tx.tie.findMany({ where: { id: { in: ids } }, select: { id: true, endDate: true, endPrecision: true } });
  if (ties.length === 0) return;
  const claims = await tx.claim.findMany({
    where: { deletedAt: null, tieId: { in: ids } },
    select: {
      tieId: true, stance: true, status: true, credibility: true, statedCurrent: true,
      statedStartDate: true, statedStartPrecision: true, statedEndDate: true, statedEndPrecision: true,
      source: { select: { reliability: true, publishedDate: true, publishedPrecision: true, ...liveSelect } },
    },
  });
  const notes = await tx.note.groupBy({ by: ['tieId', 'visibility'], where: { deletedAt: null, tieId: { in: ids } }, _count: { _all: true } });

  const claimsOf = new Map<string, SummaryClaim[]>();
  for (const c of claims) {
    if (!c.tieId || !isLive(c.source)) continue;
    const claim: SummaryClaim = {
      reliability: c.source.reliability, credibility: c.credibility, stance: c.stance, status: c.status, statedCurrent: c.statedCurrent,
      statedStart: toPartialDate(c.statedStartDate, c.statedStartPrecision), statedEnd: toPartialDate(c.statedEndDate, c.statedEndPrecision),
      sourcePublished: toPartialDate(c.source.publishedDate, c.source.publishedPrecision),
    };
    const list = claimsOf.get(c.tieId);
    if (list) list.push(claim);
    else claimsOf.set(c.tieId, [claim]);
  }
  const notesOf = new Map<string, { all: number; public: number }>();
  for (const n of notes) {
    if (!n.tieId) continue;
    const counts = notesOf.get(n.tieId) ?? { all: 0, public: 0 };
    counts.all += n._count._all;
    if (n.visibility === 'public') counts.public += n._count._all;
    notesOf.set(n.tieId, counts);
  }

  // One UPDATE … FROM (VALUES …) for the chunk: SQLite (3.33+) and PostgreSQL both name a VALUES
  // list's columns column1, column2…; the casts give PostgreSQL the types its parameters lack.
  const rows = ties.map((tie) => {
    const s = tieSummaryOf(toPartialDate(tie.endDate, tie.endPrecision), claimsOf.get(tie.id) ?? [], notesOf.get(tie.id) ?? { all: 0, public: 0 });
    return sql`(CAST(${tie.id} AS TEXT), CAST(${s.endDay} AS TEXT), CAST(${s.bestGrade} AS TEXT), CAST(${s.gradeRank} AS INTEGER), CAST(${s.claimCount} AS INTEGER), CAST(${s.disputed ? 1 : 0} AS INTEGER), CAST(${s.noteCount} AS INTEGER), CAST(${s.publicNoteCount} AS INTEGER))`;
  });
  await tx.$executeRaw(sql`
    UPDATE "Tie" SET
      "endDay" = v.column2, "bestGrade" = v.column3, "gradeRank" = v.column4, "claimCount" = v.column5,
      "disputed" = (v.column6 = 1), "noteCount" = v.column7, "publicNoteCount" = v.column8
    FROM (VALUES ${join(rows)}) AS v
    WHERE "Tie"."id" = v.column1`);
}
