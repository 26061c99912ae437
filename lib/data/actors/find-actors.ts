// The actor index (the /actors page and GET /api/actors): every live actor, or those whose
// name in any script matches `q`, narrowed by kind and faction, sorted by a column.
import { getConnection } from '../../db/client';
import type { ActorKind, Faction } from '../../domain/vocabulary';
import { ACTOR_KIND_LABELS, FACTION_LABELS } from '../../domain/vocabulary';
import { compareText } from '../../graph/adjacency';
import type { PartialDate } from '../../graph/types';
import { normaliseForSearch, searchNodes } from '../../graph/search';
import { defaultDirection, findActorsSchema, type ActorSort, type FindActorsInput, type SortDirection } from '../../validation/actor-queries';
import { parseInput } from '../errors';
import { requireReader } from '../read-access';
import type { Principal } from '../principal';
import { liveTieWhere } from '../read-models';
import { toPartialDate } from '../records';

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
  /** The query as understood, with the sort and direction actually applied. */
  query: {
    q: string | null;
    kind: ActorKind | null;
    faction: Faction | null;
    /** "relevance" only when searching without choosing a column. */
    sort: ActorSort | 'relevance';
    dir: SortDirection;
  };
}

export async function findActors(principal: Principal, input: FindActorsInput): Promise<ActorList> {
  requireReader(principal);
  const params = parseInput(findActorsSchema, input, 'Actor query');
  const q = params.q ? normaliseForSearch(params.q) : '';
  const { kind, db } = await getConnection();
  // Actor.name is stored as written; SQLite's LIKE already ignores ASCII case, PostgreSQL needs asking.
  const nameContains = (word: string) =>
    (kind === 'postgresql' ? { contains: word, mode: 'insensitive' } : { contains: word }) as { contains: string };
  const rows = await db.actor.findMany({
    where: {
      deletedAt: null,
      ...(params.kind ? { kind: params.kind } : {}),
      ...(params.faction ? { faction: params.faction } : {}),
      // A coarse cut in the database: every word of the query somewhere in the actor's names.
      // The exact match and its ranking are searchNodes', the same as the map's search box.
      ...(q ? { AND: q.split(' ').map((word) => ({ OR: [{ names: { some: { normalized: { contains: word } } } }, { name: nameContains(word) }] })) } : {}),
    },
    select: {
      slug: true,
      name: true,
      kind: true,
      faction: true,
      summary: true,
      startDate: true,
      startPrecision: true,
      endDate: true,
      endPrecision: true,
      names: { select: { name: true } },
      _count: { select: { outTies: { where: liveTieWhere }, inTies: { where: liveTieWhere } } },
    },
  });

  const items = new Map<string, ActorListItem>(
    rows.map((r) => [
      r.slug,
      {
        slug: r.slug,
        name: r.name,
        kind: r.kind as ActorKind,
        faction: r.faction as Faction,
        summary: r.summary,
        start: toPartialDate(r.startDate, r.startPrecision),
        end: toPartialDate(r.endDate, r.endPrecision),
        tieCount: r._count.outTies + r._count.inTies,
        matched: null,
      },
    ]),
  );

  let actors: ActorListItem[];
  if (q) {
    const nodes = rows.map((r) => ({
      id: r.slug,
      slug: r.slug,
      label: r.name,
      kind: r.kind as ActorKind,
      faction: r.faction as Faction,
      summary: '',
      start: null,
      end: null,
      names: r.names.map((n) => n.name).sort(compareText),
      x: null,
      y: null,
    }));
    actors = searchNodes(nodes, q, nodes.length).map((hit) => ({ ...items.get(hit.node.slug)!, matched: hit.matched }));
  } else {
    actors = [...items.values()];
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
    query: { q: params.q ?? null, kind: params.kind ?? null, faction: params.faction ?? null, sort, dir },
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
