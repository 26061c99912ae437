// One tie as its page and GET /api/ties/{id} show it: both ends, dates, every claim with its
// source, why the claims disagree (if they do), and the notes this principal may read.
import { getDb } from '../../db/client';
import type { TieType } from '../../domain/vocabulary';
import { disputeReasons } from '../../graph/disputes';
import { getTieSchema, type GetTieInput } from '../../validation/tie-queries';
import { notFound, parseInput } from '../errors';
import { requireReader } from '../read-access';
import { cachedByRevision } from '../network/revision-cache';
import type { Principal } from '../principal';
import { claimInclude, datedActorSelect, isLive, liveSelect, noteInclude, toActorRef, toClaimDto, toGraphEdge, toNoteDto, tieTimeStatusOf, visibleNotesWhere, byId, type TieTimeStatus } from '../read-models';
import { type PartialDate, todayIso } from '../../domain/dates';
import type { ActorRef, ClaimDto, NoteDto } from '../../domain/responses';

export interface TieDetail {
  id: string;
  type: TieType;
  /** The tie reads source → target: "Karpenkov leads GUBOPiK". */
  source: ActorRef;
  target: ActorRef;
  role: string;
  start: PartialDate | null;
  end: PartialDate | null;
  /** 1 (weak) to 5 (strong). */
  strength: number;
  status: TieTimeStatus;
  /** Best supporting claim's grade, like "B2"; null when no claim supports the tie. */
  grade: string | null;
  /** The claims disagree (same test as the map's dashed-amber edges). */
  disputed: boolean;
  /** Why the claims disagree, in words; empty when they agree. */
  disputeReasons: string[];
  claims: ClaimDto[];
  notes: NoteDto[];
  asOf: string;
  updatedAt: string;
  /** The version a change names in If-Match (GET /api/ties/{id} also sends it as the ETag). */
  version: number;
}

/** Kept per network revision (revision-cache.ts): visitors after the first read it from memory until the network changes. */
export async function getTie(principal: Principal, input: GetTieInput): Promise<TieDetail> {
  requireReader(principal);
  const { id } = parseInput(getTieSchema, input, 'Tie');
  return cachedByRevision('tie', id, principal, () => readTie(principal, id));
}

async function readTie(principal: Principal, id: string): Promise<TieDetail> {
  const db = await getDb();
  const row = await db.tie.findFirst({
    where: { id, deletedAt: null },
    include: {
      source: { select: { ...datedActorSelect, ...liveSelect } },
      target: { select: { ...datedActorSelect, ...liveSelect } },
      claims: { where: { deletedAt: null }, include: claimInclude },
      notes: { where: visibleNotesWhere(principal), include: noteInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row || !isLive(row.source) || !isLive(row.target)) throw notFound(`Tie "${id}"`);

  const asOf = todayIso();
  const claims = row.claims.filter((c) => isLive(c.source)).map(toClaimDto).sort(byId);
  const edge = toGraphEdge(row, row.source.slug, row.target.slug, principal);
  return {
    id: row.id,
    version: row.version,
    type: edge.type,
    source: toActorRef(row.source),
    target: toActorRef(row.target),
    role: row.role,
    start: edge.start,
    end: edge.end,
    strength: row.strength,
    status: tieTimeStatusOf(edge, [row.source, row.target], asOf),
    grade: edge.grade,
    disputed: edge.disputed,
    disputeReasons: disputeReasons(claims.map((c) => ({ ...c, sourcePublished: c.source.published }))),
    claims,
    notes: row.notes.map((n) => toNoteDto(n, principal)),
    asOf,
    updatedAt: row.updatedAt.toISOString(),
  };
}
