// Finding actors by any of their names, in any script, forgiving diacritics and case.
import type { GraphNode } from './types';
import { CYRILLIC, transliterate } from '../domain/transliteration/transliterate';
import { TRANSLITERATION_SCHEME_IDS } from '../domain/transliteration/schemes';

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
 * Scripts are not folded into each other here: Latin queries find Cyrillic names through their
 * generated transliterations, Cyrillic queries find Latin names through searchAlternatives.
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
export const SEARCH_RANK = { exact: 0, prefix: 1, allWords: 2, substring: 3, nearMiss: 4 } as const;
const { exact: EXACT, prefix: PREFIX, allWords: ALL_WORDS, substring: SUBSTRING, nearMiss: NEAR_MISS } = SEARCH_RANK;

/** A typed word shorter than this must match as typed; longer ones may hold one typo. */
export const NEAR_MISS_MIN_LENGTH = 4;

/** The typed text as the matcher reads it: normalised, and split into words (empty: nothing to find). */
export function searchTerms(text: string): { query: string; words: string[] } {
  const query = normaliseForSearch(text);
  return { query, words: query ? query.split(' ') : [] };
}

export interface SearchTerm {
  query: string;
  words: string[];
}

/**
 * What a query is looked up as: the typed text, and for Cyrillic text also its transliterations
 * in every scheme (МВД → mvd, Колесникова → kolesnikova), so a Cyrillic query finds an actor
 * known only by Latin names. A name's rank is its best over these (rankAcross). Empty: nothing to find.
 */
export function searchAlternatives(text: string): SearchTerm[] {
  const typed = searchTerms(text);
  if (!typed.query) return [];
  const terms = [typed];
  if (CYRILLIC.test(text)) {
    for (const scheme of TRANSLITERATION_SCHEME_IDS) {
      const alt = searchTerms(transliterate(text, scheme));
      if (alt.query && !terms.some((t) => t.query === alt.query)) terms.push(alt);
    }
  }
  return terms;
}

/** How one normalised name matches: its rank for the text as typed, and its best rank through a transliteration of it. */
export interface NameMatch {
  typed: number | null;
  transliterated: number | null;
}

export function matchAcross(variant: string, terms: readonly SearchTerm[]): NameMatch {
  const [typed, ...alternatives] = terms;
  let transliterated: number | null = null;
  for (const t of alternatives) {
    const rank = rankVariant(variant, t.query, t.words);
    if (rank !== null && (transliterated === null || rank < transliterated)) transliterated = rank;
  }
  return { typed: typed ? rankVariant(variant, typed.query, typed.words) : null, transliterated };
}

/**
 * An actor's rank and the name to show for it, from its names in order (label first): the rank
 * is the best of any name through any alternative, and the name shown is the best match of the
 * text as typed when there is one (a Cyrillic query shows a Cyrillic name), else the best match
 * through a transliteration; the earlier name wins a tie. Null when nothing matches.
 */
export function bestMatch(names: readonly string[], rankOf: (normalised: string) => NameMatch): { rank: number; matched: string } | null {
  let rank: number | null = null;
  let shown: { typed: boolean; rank: number; name: string } | null = null;
  for (const name of names) {
    const m = rankOf(normaliseForSearch(name));
    for (const [r, typed] of [[m.typed, true], [m.transliterated, false]] as const) {
      if (r === null) continue;
      if (rank === null || r < rank) rank = r;
      const better = !shown || (typed && !shown.typed) || (typed === shown.typed && r < shown.rank);
      if (better) shown = { typed, rank: r, name };
    }
  }
  return rank === null || !shown ? null : { rank, matched: shown.name };
}

/** NEAR_MISS when the normalised name nearly matches the typed text or one of its transliterations. */
export function nearMissAcross(variant: string, terms: readonly SearchTerm[]): NameMatch {
  const [typed, ...alternatives] = terms;
  return {
    typed: typed && isNearMiss(variant, typed.words) ? NEAR_MISS : null,
    transliterated: alternatives.some((t) => isNearMiss(variant, t.words)) ? NEAR_MISS : null,
  };
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

/** The three-letter pieces of the typed words long enough to hold a typo: what the name index looks a near miss up by. */
export function nearMissTrigrams(queryWords: readonly string[]): string[] {
  const out = new Set<string>();
  for (const q of queryWords) if (q.length >= NEAR_MISS_MIN_LENGTH) for (let i = 0; i + 3 <= q.length; i++) out.add(q.slice(i, i + 3));
  return [...out];
}

/** Whether a and b are at most one edit apart: one letter inserted, dropped, changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A name that nearly matches, for a query that matches no name as typed: each typed word begins
 * a word of the name, or (4 letters or more) is one edit from a word of the name or from its
 * beginning, and shares three letters in a row with the name (which the trigram index finds).
 */
export function isNearMiss(variant: string, queryWords: readonly string[]): boolean {
  const words = variant.split(' ');
  let typo = false;
  for (const q of queryWords) {
    if (words.some((w) => w.startsWith(q))) continue;
    if (q.length < NEAR_MISS_MIN_LENGTH) return false;
    if (!nearMissTrigrams([q]).some((t) => variant.includes(t))) return false;
    const close = words.some((w) => withinOneEdit(q, w) || [q.length - 1, q.length, q.length + 1].some((n) => n < w.length && withinOneEdit(q, w.slice(0, n))));
    if (!close) return false;
    typo = true;
  }
  return typo;
}

/** Exact names first, then prefixes of a name or a word in it, then substrings; ties by label. Near misses only when nothing matched. */
export function searchNodes(nodes: readonly GraphNode[], text: string, limit = 10): SearchHit[] {
  const terms = searchAlternatives(text);
  if (!terms.length || limit <= 0) return [];
  const collect = (rankOf: (variant: string) => NameMatch) => {
    const hits: { hit: SearchHit; rank: number; sortKey: string }[] = [];
    for (const node of nodes) {
      const best = bestMatch([node.label, ...node.names], rankOf);
      if (best) hits.push({ hit: { node, matched: best.matched }, rank: best.rank, sortKey: normaliseForSearch(node.label) });
    }
    return hits;
  };
  // Near misses only when nothing matched: a typo is forgiven, an exact spelling never crowded.
  let hits = collect((v) => matchAcross(v, terms));
  if (!hits.length) hits = collect((v) => nearMissAcross(v, terms));
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
      (a.hit.node.id < b.hit.node.id ? -1 : a.hit.node.id > b.hit.node.id ? 1 : 0),
  );
  return hits.slice(0, limit).map((h) => h.hit);
}
