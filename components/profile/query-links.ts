// Addresses for the index pages' links and forms: pure, so the sort links, their aria-sort and
// the filters agree, and so they can be unit-tested without rendering.
import { defaultDirection, type ActorSort, type SortDirection } from '@/lib/validation/actor-queries';

/** Only the parameters a list understands, each once (a repeated key keeps its last value). */
export function pickParams(raw: Record<string, string | string[] | undefined>, keys: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = raw[key];
    const one = Array.isArray(value) ? value.at(-1) : value;
    if (one !== undefined) picked[key] = one;
  }
  return picked;
}

export interface ActorIndexQuery {
  q: string | null;
  kind: string | null;
  faction: string | null;
  sort: ActorSort | 'relevance';
  dir: SortDirection;
}

/** /actors with the query's filters and the given sort; empty values and default directions are left out. */
export function actorIndexHref(query: ActorIndexQuery, sort: ActorSort | 'relevance', dir: SortDirection): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  if (query.faction) params.set('faction', query.faction);
  if (sort !== 'relevance') {
    params.set('sort', sort);
    if (dir !== defaultDirection(sort)) params.set('dir', dir);
  }
  const search = params.toString();
  return search ? `/actors?${search}` : '/actors';
}

export interface SortLink {
  href: string;
  /** For the column header: set on the sorted column only, as ARIA asks. */
  ariaSort: 'ascending' | 'descending' | undefined;
  /** What following the link does, for its accessible name. */
  action: string;
}

const DIRECTION_WORDS: Record<ActorSort, Record<SortDirection, string>> = {
  name: { asc: 'A to Z', desc: 'Z to A' },
  kind: { asc: 'A to Z', desc: 'Z to A' },
  faction: { asc: 'A to Z', desc: 'Z to A' },
  ties: { asc: 'fewest first', desc: 'most first' },
};

/** Following a column's header sorts by it; on the sorted column it reverses the order. */
export function sortLink(query: ActorIndexQuery, column: ActorSort): SortLink {
  const active = query.sort === column;
  const next: SortDirection = active ? (query.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(column);
  return {
    href: actorIndexHref(query, column, next),
    ariaSort: active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined,
    action: `sort by ${column === 'ties' ? 'number of ties' : column}, ${DIRECTION_WORDS[column][next]}`,
  };
}

export function describeSort(sort: ActorSort | 'relevance', dir: SortDirection): string {
  if (sort === 'relevance') return 'best match first';
  return `by ${sort === 'ties' ? 'number of ties' : sort}, ${DIRECTION_WORDS[sort][dir]}`;
}
