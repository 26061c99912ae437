// Finding actors by any of their names, in any script, forgiving diacritics and case.
import type { GraphNode } from './types';

/** Letters NFKD leaves whole because they are not a base letter plus a mark. */
const UNDECOMPOSABLE: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/**
 * Lowercase, diacritics stripped (Łukašenka → lukasenka, and in Cyrillic й → и, ў → у, ё → е),
 * apostrophes dropped (Belarusian uses ’ inside words), and so are the primes and quotes
 * transliteration writes for ь, ъ and the apostrophe (ISO 9 Elʹcin, BGN/PCGN Yel’tsin, Syam”ya),
 * other punctuation to spaces.
 * Scripts are not transliterated: Cyrillic input matches the Cyrillic variants every actor stores.
 */
export function normaliseForSearch(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœı]/g, (c) => UNDECOMPOSABLE[c] ?? c)
    .replace(/['’ʼ`´ʹʺ′″”]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchHit {
  node: GraphNode;
  /** The name variant that matched best, as stored, to show beside the label. */
  matched: string;
}

/**
 * How well a name matches, best first. lib/data/actors/search-actors.ts states the same ranks in
 * SQL for the database's name index; a database test holds the two to the same answers.
 */
export const SEARCH_RANK = { exact: 0, prefix: 1, allWords: 2, substring: 3 } as const;
const { exact: EXACT, prefix: PREFIX, allWords: ALL_WORDS, substring: SUBSTRING } = SEARCH_RANK;

/** The typed text as the matcher reads it: normalised, and split into words (empty: nothing to find). */
export function searchTerms(text: string): { query: string; words: string[] } {
  const query = normaliseForSearch(text);
  return { query, words: query ? query.split(' ') : [] };
}

/** The rank of one name variant (already normalised) for a query, or null when it does not match. */
export function rankVariant(variant: string, query: string, queryWords: readonly string[]): number | null {
  if (variant === query) return EXACT;
  const words = variant.split(' ');
  if (variant.startsWith(query) || words.some((w) => w.startsWith(query))) return PREFIX;
  // "alex luk" finds "Alexander Lukashenko": each typed word begins some word of the name.
  if (queryWords.length > 1 && queryWords.every((q) => words.some((w) => w.startsWith(q)))) return ALL_WORDS;
  if (variant.includes(query)) return SUBSTRING;
  return null;
}

/** Exact names first, then prefixes of a name or a word in it, then substrings; ties by label. */
export function searchNodes(nodes: readonly GraphNode[], text: string, limit = 10): SearchHit[] {
  const { query, words: queryWords } = searchTerms(text);
  if (!query || limit <= 0) return [];
  const hits: { hit: SearchHit; rank: number; sortKey: string }[] = [];
  for (const node of nodes) {
    let best: { rank: number; matched: string } | null = null;
    for (const variant of [node.label, ...node.names]) {
      const rank = rankVariant(normaliseForSearch(variant), query, queryWords);
      if (rank !== null && (best === null || rank < best.rank)) best = { rank, matched: variant };
    }
    if (best) hits.push({ hit: { node, matched: best.matched }, rank: best.rank, sortKey: normaliseForSearch(node.label) });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
      (a.hit.node.id < b.hit.node.id ? -1 : a.hit.node.id > b.hit.node.id ? 1 : 0),
  );
  return hits.slice(0, limit).map((h) => h.hit);
}
