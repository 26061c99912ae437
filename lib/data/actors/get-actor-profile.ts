// One actor as its profile page and GET /api/actors/{slug} show it: names in every script,
// its ties with grades and disputes, the claims about it, the sources behind all of these,
// and the notes this principal may read.
import { getConnection, getDb } from '../../db/client';
import { sql, sqlDialect } from '../../db/sql';
import type { NameVariantState } from '../../domain/records/name-variant';
import { parseSchemes, type TransliterationScheme } from '../../domain/transliteration/schemes';
import type { ActorKind, Faction, NameKind } from '../../domain/vocabulary';
import { compareText } from '../../graph/adjacency';
import { normaliseForSearch } from '../../graph/search';
import { getActorProfileSchema, type GetActorProfileInput } from '../../validation/actor-queries';
import { notFound, parseInput } from '../errors';
import { cachedByRevision } from '../network/revision-cache';
import { requireReader } from '../read-access';
import type { Principal } from '../principal';
import {
  byId,
  claimInclude,
  datedActorSelect,
  isLive,
  liveSelect,
  noteInclude,
  tieTimeStatusOf,
  toActorRef,
  toClaimDto,
  toGraphEdge,
  toNoteDto,
  toSourceRef,
  visibleNotesWhere,
  type DatedActorRow,
  type TieRow,
} from '../read-models';
import { toPartialDate } from '../records';
import { type PartialDate, todayIso } from '../../domain/dates';
import type { ClaimDto, NoteDto, ProfileTie, SourceRef } from '../../domain/responses';

export interface CitedSource {
  source: SourceRef;
  /** Claims from this source about the actor or any of its ties. */
  claimCount: number;
}

export interface ProfileName extends NameVariantState {
  /** Only on a generated transliteration: the schemes that give it. A name a person or source gave has none. */
  schemes?: TransliterationScheme[];
}

export interface ActorProfile {
  id: string;
  slug: string;
  name: string;
  kind: ActorKind;
  faction: Faction;
  summary: string;
  description: string;
  /** Birth or founding; for an event, its first day. */
  start: PartialDate | null;
  /** Death or dissolution; for an event, its last day. */
  end: PartialDate | null;
  /** The names people and sources gave, and generated transliterations (with the schemes giving each). */
  names: ProfileName[];
  ties: ProfileTie[];
  /** Claims about the actor itself (born, founded…), not about its ties. */
  claims: ClaimDto[];
  sources: CitedSource[];
  notes: NoteDto[];
  /** The day "current" and "past" were judged on. */
  asOf: string;
  /** The version a change names in If-Match (GET /api/actors/{slug} also sends it as the ETag). */
  version: number;
  updatedAt: string;
}

/** Kept per network revision (revision-cache.ts): visitors after the first read it from memory until the network changes. */
export async function getActorProfile(principal: Principal, input: GetActorProfileInput): Promise<ActorProfile> {
  requireReader(principal);
  const { slug } = parseInput(getActorProfileSchema, input, 'Actor');
  return cachedByRevision('actor-profile', slug, principal, () => readActorProfile(principal, slug));
}

async function readActorProfile(principal: Principal, slug: string): Promise<ActorProfile> {
  const db = await getDb();
  // Grades, disputes and counts of ties are read from their stored summaries: nothing here reads
  // a tie's claims, so the page costs what this actor has, whatever the network holds.
  const row = await db.actor.findFirst({
    where: { slug, deletedAt: null },
    include: {
      names: true,
      claims: { where: { deletedAt: null, tieId: null }, include: claimInclude },
      notes: { where: visibleNotesWhere(principal), include: noteInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      outTies: { where: { deletedAt: null }, include: { target: { select: { ...datedActorSelect, ...liveSelect } } } },
      inTies: { where: { deletedAt: null }, include: { source: { select: { ...datedActorSelect, ...liveSelect } } } },
    },
  });
  if (!row) throw notFound(`Actor "${slug}"`);
  const asOf = todayIso();
  const toProfileTie = (tie: TieRow, other: DatedActorRow, outgoing: boolean): ProfileTie => {
    const edge = toGraphEdge(tie, outgoing ? slug : other.slug, outgoing ? other.slug : slug, principal);
    const status = tieTimeStatusOf(edge, [row, other], asOf);
    return { ...edge, past: status === 'past', status, other: toActorRef(other) };
  };
  const ties = [
    ...row.outTies.filter((t) => isLive(t.target)).map((t) => toProfileTie(t, t.target, true)),
    ...row.inTies.filter((t) => isLive(t.source)).map((t) => toProfileTie(t, t.source, false)),
  ].sort((a, b) => compareText(a.tieId, b.tieId));
  const claims = row.claims.filter((c) => isLive(c.source)).map(toClaimDto).sort(byId);
  return {
    id: row.id,
    version: row.version,
    slug: row.slug,
    name: row.name,
    kind: row.kind as ActorKind,
    faction: row.faction as Faction,
    summary: row.summary,
    description: row.description,
    start: toPartialDate(row.startDate, row.startPrecision),
    end: toPartialDate(row.endDate, row.endPrecision),
    names: row.names
      .map(({ name, lang, script, kind, scheme }) => ({ name, lang, script, kind: kind as NameKind, ...(scheme ? { schemes: parseSchemes(scheme) } : {}) }))
      .sort((a, b) => compareText(a.lang, b.lang) || compareText(a.name, b.name)),
    ties,
    claims,
    sources: await citedSources(claims, ties.map((t) => t.tieId)),
    notes: row.notes.map((n) => toNoteDto(n, principal)),
    asOf,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Every source behind the actor's own claims and its live ties' claims once, with how many it
 * makes, counted by the database (by tie id, through the index) rather than by reading every
 * claim; most reliable first, then by title.
 */
async function citedSources(ownClaims: readonly ClaimDto[], tieIds: readonly string[]): Promise<CitedSource[]> {
  const { kind, db } = await getConnection();
  const countOf = new Map<string, number>();
  const count = (sourceId: string, n: number) => countOf.set(sourceId, (countOf.get(sourceId) ?? 0) + n);
  for (const claim of ownClaims) count(claim.source.id, 1);
  if (tieIds.length > 0) {
    // The tie ids travel as one JSON parameter: a hub's thousands of ties stay one statement.
    const counts = await db.$queryRaw<{ sourceId: string; n: unknown }[]>(sql`
      SELECT c."sourceId", COUNT(*) AS "n" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
      WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" IN ${sqlDialect(kind).textList(tieIds)}
      GROUP BY c."sourceId"`);
    for (const c of counts) count(c.sourceId, Number(c.n));
  }
  const sources = countOf.size ? await db.source.findMany({ where: { id: { in: [...countOf.keys()] } } }) : [];
  return sources
    .map((source) => ({ source: toSourceRef(source), claimCount: countOf.get(source.id) ?? 0 }))
    .sort(
      (a, b) =>
        compareText(a.source.reliability, b.source.reliability) ||
        compareText(normaliseForSearch(a.source.title), normaliseForSearch(b.source.title)) ||
        compareText(a.source.id, b.source.id),
    );
}
