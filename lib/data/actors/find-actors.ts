// The actor index (the /actors page and GET /api/actors): every live actor, or the best matches
// for `q` in any name in any script (through the name index, search-actors.ts), narrowed by kind
// and faction, sorted by a column. Tie counts are stored on the actor (refresh-actor-tie-counts.ts).
import { getConnection } from '../../db/client';
import type { ActorKind, Faction } from '../../domain/vocabulary';
import { ACTOR_KIND_LABELS, FACTION_LABELS } from '../../domain/vocabulary';
import { compareText } from '../../graph/adjacency';
import { normaliseForSearch } from '../../graph/search';
import { defaultDirection, findActorsSchema, SEARCH_LIMIT, type ActorSort, type FindActorsInput, type SortDirection } from '../../validation/actor-queries';
import { parseInput } from '../errors';
import { requireReader } from '../read-access';
import type { Principal } from '../principal';
import { toPartialDate } from '../records';
import { searchActors } from './search-actors';
import type { PartialDate } from '../../domain/dates';

export interface ActorListItem {
  slug: string;
  name: string;
  kind: ActorKind;
  faction: Faction;
  summary: string;
  start: PartialDate | null;
  end: PartialDate | null;
  /** Live ties to live actors, either direction. */
  tieCount: number;
  /** When searching: the name variant that matched, as stored (it may be in another script). */
  matched: string | null;
}

export interface ActorList {
  actors: ActorListItem[];
  /** A search found more actors than its limit let through; `actors` holds the best of them. */
  more: boolean;
  /** The query as understood, with the sort and direction actually applied. */
  query: {
    q: string | null;
    kind: ActorKind | null;
    faction: Faction | null;
    /** "relevance" only when searching without choosing a column. */
    sort: ActorSort | 'relevance';
    dir: SortDirection;
    /** When searching: the most actors the search returns. */
    limit?: number;
  };
}

const listSelect = {
  slug: true,
  name: true,
  kind: true,
  faction: true,
  summary: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  tieCount: true,
} as const;

type ListRow = { slug: string; name: string; kind: string; faction: string; summary: string; tieCount: number; startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null };

function toListItem(r: ListRow, matched: string | null): ActorListItem {
  return {
    slug: r.slug,
    name: r.name,
    kind: r.kind as ActorKind,
    faction: r.faction as Faction,
    summary: r.summary,
    start: toPartialDate(r.startDate, r.startPrecision),
    end: toPartialDate(r.endDate, r.endPrecision),
    tieCount: r.tieCount,
    matched,
  };
}

export async function findActors(principal: Principal, input: FindActorsInput): Promise<ActorList> {
  requireReader(principal);
  const params = parseInput(findActorsSchema, input, 'Actor query');
  const q = params.q ? normaliseForSearch(params.q) : '';
  const limit = q ? (params.limit ?? SEARCH_LIMIT) : undefined;
  const { kind, db } = await getConnection();

  let actors: ActorListItem[];
  let more = false;
  if (q && limit) {
    // The text as typed: search reads its Cyrillic letters before normalising folds them (й, ў).
    const found = await searchActors(db, kind, params.q!, { kind: params.kind, faction: params.faction, limit });
    actors = found.hits.map((hit) => toListItem(hit.actor, hit.matched));
    more = found.more;
  } else {
    const rows = await db.actor.findMany({
      where: { deletedAt: null, ...(params.kind ? { kind: params.kind } : {}), ...(params.faction ? { faction: params.faction } : {}) },
      select: listSelect,
    });
    actors = rows.map((r) => toListItem(r, null));
  }

  const sort: ActorSort | 'relevance' = params.sort ?? (q ? 'relevance' : 'name');
  const dir = params.dir ?? (sort === 'relevance' ? 'asc' : defaultDirection(sort));
  if (sort !== 'relevance') {
    const compare = COMPARE[sort];
    const sign = dir === 'asc' ? 1 : -1;
    // Equal keys fall back to the name A to Z whichever way the column runs.
    actors = [...actors].sort((a, b) => sign * compare(a, b) || byName(a, b));
  } else if (dir === 'desc') {
    actors = [...actors].reverse();
  }

  return {
    actors,
    more,
    query: { q: params.q ?? null, kind: params.kind ?? null, faction: params.faction ?? null, sort, dir, ...(limit ? { limit } : {}) },
  };
}

const nameKey = (a: ActorListItem) => normaliseForSearch(a.name);
const byName = (a: ActorListItem, b: ActorListItem) => compareText(nameKey(a), nameKey(b)) || compareText(a.slug, b.slug);

/** Kinds and factions sort by the label a reader sees, not by the stored code. */
const COMPARE: Record<ActorSort, (a: ActorListItem, b: ActorListItem) => number> = {
  name: byName,
  kind: (a, b) => compareText(ACTOR_KIND_LABELS[a.kind] ?? a.kind, ACTOR_KIND_LABELS[b.kind] ?? b.kind),
  faction: (a, b) => compareText(FACTION_LABELS[a.faction] ?? a.faction, FACTION_LABELS[b.faction] ?? b.faction),
  ties: (a, b) => a.tieCount - b.tieCount,
};
