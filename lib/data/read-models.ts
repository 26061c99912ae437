// The row→shape mappers the read functions (get-actor-profile, get-tie, get-source, find-…) share,
// so an actor, a claim or a note reads the same on every page. The shapes themselves are declared
// once, in lib/domain/responses.ts, where client components read them too. Nothing here leaks a
// Prisma type.
import type { ActorKind, Faction, Reliability, TieType } from '../domain/vocabulary';
import { TIE_TYPE_INFO } from '../domain/vocabulary';
import { compareText } from '../graph/adjacency';
import { actorNodeId } from '../graph/build-view';
import { tieTimeStatus, type TieTimeStatus } from '../graph/tie-status';
import type { GraphEdge, GraphNode } from '../graph/types';
import type { ActorRef, ClaimDto, NoteDto, SourceRef } from '../domain/responses';
import { canSeeInternal, type Principal } from './principal';
import { toPartialDate } from './records';
import { formatGrade } from '../domain/grade';

export type { TieTimeStatus };

// Row shapes, described structurally (as lib/data/records.ts does) so no generated type leaks.
export type ActorRefRow = { slug: string; name: string; kind: string; faction: string };
export type DatedActorRow = ActorRefRow & { startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null };
export type SourceRow = {
  id: string; title: string; author: string; publisher: string; url: string | null;
  publishedDate: string | null; publishedPrecision: string | null; reliability: string;
};
export type ClaimRow = {
  id: string; quote: string; location: string; fact: string; credibility: number; status: string; stance: string;
  statedStartDate: string | null; statedStartPrecision: string | null; statedEndDate: string | null; statedEndPrecision: string | null;
  statedCurrent: boolean;
  source: SourceRow;
};
export type NoteRow = { id: string; body: string; visibility: string; createdAt: Date; updatedAt: Date; authorName: string | null; author: { name: string } | null };
export type TieRow = {
  id: string; type: string; role: string; strength: number;
  startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null;
  /** The stored summaries (lib/data/ties/refresh-tie-summaries.ts). */
  bestGrade: string | null; claimCount: number; disputed: boolean; noteCount: number; publicNoteCount: number;
};

// Prisma query fragments shared by the read functions.
export const actorRefSelect = { slug: true, name: true, kind: true, faction: true } as const;
export const datedActorSelect = { ...actorRefSelect, startDate: true, startPrecision: true, endDate: true, endPrecision: true } as const;
/** A claim counts while it, its source and (for tie claims) its tie and both ends are live. */
export const liveClaimWhere = { deletedAt: null, source: { deletedAt: null } } as const;

/**
 * Liveness checked on rows already read, for reads of one record: on SQLite a relation filter
 * like liveClaimWhere's `source: { deletedAt: null }` becomes `sourceId IN (SELECT id FROM
 * "Source" WHERE …)`, which lists every live source (or actor) on each call, a cost that grows
 * with the network. Reading the related row's deletedAt and checking it here costs nothing.
 */
export function isLive(row: { deletedAt: Date | null } | null | undefined): boolean {
  return !!row && row.deletedAt === null;
}
export const liveSelect = { deletedAt: true } as const;
export const claimInclude = { source: true } as const;
export const liveTieWhere = { deletedAt: null, source: { deletedAt: null }, target: { deletedAt: null } } as const;

export function visibleNotesWhere(principal: Principal) {
  return canSeeInternal(principal) ? { deletedAt: null } : { deletedAt: null, visibility: 'public' };
}
export const noteInclude = { author: { select: { name: true } } } as const;

/**
 * Code-point order by id. Lists are sorted here rather than by the database, whose collation
 * differs (PostgreSQL's locale order skips hyphens), so both databases give the same page.
 */
export const byId = (a: { id: string }, b: { id: string }) => compareText(a.id, b.id);

/** Links are only ever http(s), whatever reached the database. */
export function webUrlOrNull(url: string | null): string | null {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

export function toActorRef(row: ActorRefRow): ActorRef {
  return { slug: row.slug, name: row.name, kind: row.kind as ActorKind, faction: row.faction as Faction };
}

export function toSourceRef(row: SourceRow): SourceRef {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    url: webUrlOrNull(row.url),
    published: toPartialDate(row.publishedDate, row.publishedPrecision),
    reliability: row.reliability as Reliability,
  };
}

export function toClaimDto(row: ClaimRow): ClaimDto {
  return {
    id: row.id,
    quote: row.quote,
    location: row.location,
    fact: row.fact,
    credibility: row.credibility,
    status: row.status,
    stance: row.stance,
    statedStart: toPartialDate(row.statedStartDate, row.statedStartPrecision),
    statedEnd: toPartialDate(row.statedEndDate, row.statedEndPrecision),
    statedCurrent: row.statedCurrent,
    grade: formatGrade(row.source.reliability, row.credibility),
    source: toSourceRef(row.source),
  };
}

export function toNoteDto(row: NoteRow, principal: Principal): NoteDto {
  return {
    id: row.id,
    body: row.body,
    visibility: row.visibility === 'public' ? 'public' : 'internal',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // As the author was called when writing it; older notes have only the account's name today.
    author: canSeeInternal(principal) ? (row.authorName ?? row.author?.name ?? null) : null,
  };
}

export type GraphNodeRow = DatedActorRow & { summary: string; x: number | null; y: number | null };

/** The actor as the map's node; `names` are its name variants in a stable order (the main name first). */
export function toGraphNode(row: GraphNodeRow, names: readonly string[]): GraphNode {
  return {
    id: actorNodeId(row.slug),
    slug: row.slug,
    label: row.name,
    kind: row.kind as ActorKind,
    faction: row.faction as Faction,
    summary: row.summary,
    start: toPartialDate(row.startDate, row.startPrecision),
    end: toPartialDate(row.endDate, row.endPrecision),
    names: [...new Set([row.name, ...names])],
    x: row.x,
    y: row.y,
  };
}

/** The notes on a tie this principal may read: internal ones only for analysts. */
export function visibleNoteCount(tie: Pick<TieRow, 'noteCount' | 'publicNoteCount'>, principal: Principal): number {
  return canSeeInternal(principal) ? tie.noteCount : tie.publicNoteCount;
}

/** The tie as the map's edge, its grade, dispute and counts read from the stored summaries. */
export function toGraphEdge(tie: TieRow, sourceSlug: string, targetSlug: string, principal: Principal): GraphEdge {
  const type = tie.type as TieType;
  return {
    id: `tie:${tie.id}`,
    tieId: tie.id,
    source: actorNodeId(sourceSlug),
    target: actorNodeId(targetSlug),
    type,
    category: TIE_TYPE_INFO[type].category,
    role: tie.role,
    start: toPartialDate(tie.startDate, tie.startPrecision),
    end: toPartialDate(tie.endDate, tie.endPrecision),
    strength: tie.strength,
    grade: tie.bestGrade,
    disputed: tie.disputed,
    claimCount: tie.claimCount,
    noteCount: visibleNoteCount(tie, principal),
  };
}

/** Whether the tie holds on asOf, given the rows of its two actors. */
export function tieTimeStatusOf(edge: Pick<GraphEdge, 'start' | 'end'>, ends: readonly DatedActorRow[], asOf: string): TieTimeStatus {
  return tieTimeStatus(edge, ends.map((a) => toPartialDate(a.endDate, a.endPrecision)), asOf);
}
