// One actor as its profile page and GET /api/actors/{slug} show it: names in every script,
// its ties with grades and disputes, the claims about it, the sources behind all of these,
// and the notes this principal may read.
import { getDb } from '../../db/client';
import type { ActorKind, Faction } from '../../domain/vocabulary';
import { compareText } from '../../graph/adjacency';
import { todayIso } from '../../graph/partial-date';
import { normaliseForSearch } from '../../graph/search';
import type { PartialDate, ViewEdge } from '../../graph/types';
import { getActorProfileSchema, type GetActorProfileInput } from '../../validation/actor-queries';
import { notFound, parseInput } from '../errors';
import { requireReader } from '../read-access';
import type { Principal } from '../principal';
import {
  byId,
  claimInclude,
  datedActorSelect,
  liveClaimWhere,
  noteInclude,
  toActorRef,
  toClaimDto,
  toGraphEdge,
  toNoteDto,
  tieTimeStatusOf,
  visibleNotesWhere,
  type ActorRef,
  type ClaimDto,
  type DatedActorRow,
  type NoteDto,
  type SourceRef,
  type TieTimeStatus,
} from '../read-models';
import { toPartialDate } from '../records';

export interface NameVariant {
  name: string;
  /** BCP 47 language: "be", "ru", "en"… */
  lang: string;
  /** ISO 15924 script: "Cyrl", "Latn"… */
  script: string;
  /** official, transliteration, alias or former. */
  kind: string;
}

/** A tie seen from the profile's actor: the map's edge plus who is at the other end. */
export interface ProfileTie extends ViewEdge {
  status: TieTimeStatus;
  other: ActorRef;
}

export interface CitedSource {
  source: SourceRef;
  /** Claims from this source about the actor or any of its ties. */
  claimCount: number;
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
  names: NameVariant[];
  ties: ProfileTie[];
  /** Claims about the actor itself (born, founded…), not about its ties. */
  claims: ClaimDto[];
  sources: CitedSource[];
  notes: NoteDto[];
  /** The day "current" and "past" were judged on. */
  asOf: string;
  updatedAt: string;
}

export async function getActorProfile(principal: Principal, input: GetActorProfileInput): Promise<ActorProfile> {
  requireReader(principal);
  const { slug } = parseInput(getActorProfileSchema, input, 'Actor');
  const db = await getDb();
  const notesWhere = visibleNotesWhere(principal);
  const tieInclude = {
    claims: { where: liveClaimWhere, include: claimInclude },
    _count: { select: { notes: { where: notesWhere } } },
  } as const;
  const row = await db.actor.findFirst({
    where: { slug, deletedAt: null },
    include: {
      names: true,
      claims: { where: { ...liveClaimWhere, tieId: null }, include: claimInclude },
      notes: { where: notesWhere, include: noteInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      outTies: {
        where: { deletedAt: null, target: { deletedAt: null } },
        include: { ...tieInclude, target: { select: datedActorSelect } },
      },
      inTies: {
        where: { deletedAt: null, source: { deletedAt: null } },
        include: { ...tieInclude, source: { select: datedActorSelect } },
      },
    },
  });
  if (!row) throw notFound(`Actor "${slug}"`);

  const asOf = todayIso();
  const tieClaims: ClaimDto[] = [];
  const toProfileTie = (
    tie: (typeof row.outTies)[number] | (typeof row.inTies)[number],
    other: DatedActorRow,
    outgoing: boolean,
  ): ProfileTie => {
    const claims = tie.claims.map(toClaimDto).sort(byId);
    tieClaims.push(...claims);
    const edge = toGraphEdge(tie, outgoing ? slug : other.slug, outgoing ? other.slug : slug, principal);
    const status = tieTimeStatusOf(edge, [row, other], asOf);
    return { ...edge, past: status === 'past', status, other: toActorRef(other) };
  };
  const ties = [
    ...row.outTies.map((t) => toProfileTie(t, t.target, true)),
    ...row.inTies.map((t) => toProfileTie(t, t.source, false)),
  ].sort((a, b) => compareText(a.tieId, b.tieId));
  const claims = row.claims.map(toClaimDto).sort(byId);

  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind as ActorKind,
    faction: row.faction as Faction,
    summary: row.summary,
    description: row.description,
    start: toPartialDate(row.startDate, row.startPrecision),
    end: toPartialDate(row.endDate, row.endPrecision),
    names: row.names
      .map(({ name, lang, script, kind }) => ({ name, lang, script, kind }))
      .sort((a, b) => compareText(a.lang, b.lang) || compareText(a.name, b.name)),
    ties,
    claims,
    sources: citedSources([...claims, ...tieClaims]),
    notes: row.notes.map((n) => toNoteDto(n, principal)),
    asOf,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every source behind these claims once, most reliable first, then by title. */
function citedSources(claims: readonly ClaimDto[]): CitedSource[] {
  const bySource = new Map<string, CitedSource>();
  for (const claim of claims) {
    const cited = bySource.get(claim.source.id);
    if (cited) cited.claimCount += 1;
    else bySource.set(claim.source.id, { source: claim.source, claimCount: 1 });
  }
  return [...bySource.values()].sort(
    (a, b) =>
      compareText(a.source.reliability, b.source.reliability) ||
      compareText(normaliseForSearch(a.source.title), normaliseForSearch(b.source.title)) ||
      compareText(a.source.id, b.source.id),
  );
}
