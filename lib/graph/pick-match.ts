// Which suggestion an actor picker offers first, and when Enter may choose one without the
// person looking: the browser's matches and the server's are merged by how well they match
// (exact names, then prefixes, then the rest; SEARCH_RANK), and Enter picks only a match that
// stands alone. Typing "Tsikhan" matches Sviatlana Tsikhanouskaya and Siarhei Tsikhanouski
// equally well, so Enter shows both and lets the person choose.
import { normaliseForSearch, rankVariant, searchTerms, type SearchHit } from './search';

/** How well a hit matches the typed text (SEARCH_RANK; lower is better), over its label and every name it carries. */
export function hitRank(hit: SearchHit, text: string): number {
  const { query, words } = searchTerms(text);
  let best = Number.POSITIVE_INFINITY;
  for (const name of [hit.node.label, hit.matched, ...hit.node.names]) {
    const rank = rankVariant(normaliseForSearch(name), query, words);
    if (rank !== null && rank < best) best = rank;
  }
  return best;
}

/**
 * The browser's hits and the server's, without repeats, best match first; within a rank the
 * browser's (already in its order) before the server's (in the server's order).
 */
export function mergeHits(local: readonly SearchHit[], server: readonly SearchHit[], text: string, limit: number): SearchHit[] {
  const held = new Set(local.map((h) => h.node.slug));
  const all = [...local, ...server.filter((h) => !held.has(h.node.slug))];
  return all
    .map((hit, order) => ({ hit, order, rank: hitRank(hit, text) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.hit);
}

/**
 * The hit Enter may choose on its own: the only one, or the one match better than every other
 * (an exact name among prefixes). Null when two or more match equally well: the list decides.
 */
export function soleBestHit(hits: readonly SearchHit[], text: string): SearchHit | null {
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) return null;
  const ranks = hits.map((h) => hitRank(h, text));
  const best = Math.min(...ranks);
  return ranks.filter((r) => r === best).length === 1 ? hits[ranks.indexOf(best)]! : null;
}
