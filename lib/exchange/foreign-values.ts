// Reading a mapped field off a node or edge of a ForeignGraph, and matching a file's words to
// Powermap's vocabulary. Shared by the mapping (map-foreign-graph.ts) and its suggestion
// (suggest-mapping.ts), so both read a value the same way.
import { ACTOR_KIND_LABELS, ACTOR_KINDS, FACTION_LABELS, FACTIONS, TIE_TYPE_INFO, TIE_TYPES, type ActorKind, type Faction, type TieType } from '../domain/vocabulary';
import { ELEMENT_FIELDS } from '../validation/import-mapping';
import type { ForeignEdge, ForeignNode, ForeignValue } from './foreign-graph';

export function fieldValue(element: ForeignNode | ForeignEdge, field: string | null): ForeignValue {
  if (field === null) return null;
  if (field === ELEMENT_FIELDS.label) return element.label;
  if (field === ELEMENT_FIELDS.id) return element.id;
  if (field === ELEMENT_FIELDS.weight) return 'weight' in element ? element.weight : null;
  return element.attributes[field] ?? null;
}

/** A value as the text a value map is keyed by: trimmed, "" for none. */
export function valueText(value: ForeignValue): string {
  return value === null ? '' : String(value).trim();
}

/** The distinct non-blank values of a field, in the order first seen, at most `max` (and whether there were more). */
export function distinctValues(elements: readonly (ForeignNode | ForeignEdge)[], field: string | null, max: number): { values: string[]; more: boolean } {
  const seen = new Set<string>();
  if (field === null) return { values: [], more: false };
  for (const element of elements) {
    const text = valueText(fieldValue(element, field));
    if (!text || seen.has(text)) continue;
    if (seen.size === max) return { values: [...seen], more: true };
    seen.add(text);
  }
  return { values: [...seen], more: false };
}

/** "Member of", "member-of", "MEMBER_OF" → "member of": how a file's word is compared. */
export const normaliseWord = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ');

function byWord<T extends string>(entries: [string, T][]): Map<string, T> {
  return new Map(entries.map(([word, value]) => [normaliseWord(word), value]));
}

/** Words that are a kind outright: the ids, their labels, and the usual synonyms. */
const KIND_WORDS = byWord<ActorKind>([
  ...ACTOR_KINDS.map((k) => [k, k] as [string, ActorKind]),
  ...ACTOR_KINDS.map((k) => [ACTOR_KIND_LABELS[k], k] as [string, ActorKind]),
  ...(['people', 'individual', 'human', 'natural person', 'politician', 'official'] as const).map((w) => [w, 'person'] as [string, ActorKind]),
  ...(['organisation', 'org', 'company', 'legal entity', 'legalentity', 'public body', 'publicbody', 'institution', 'ministry', 'agency', 'party', 'body', 'ngo', 'firm'] as const).map(
    (w) => [w, 'organization'] as [string, ActorKind],
  ),
  ...(['country', 'nation', 'government'] as const).map((w) => [w, 'state'] as [string, ActorKind]),
  ...(['movement', 'faction', 'network', 'family', 'clan'] as const).map((w) => [w, 'group'] as [string, ActorKind]),
  ...(['meeting', 'election', 'incident', 'protest'] as const).map((w) => [w, 'event'] as [string, ActorKind]),
]);

export function kindOfWord(word: string): ActorKind | null {
  return KIND_WORDS.get(normaliseWord(word)) ?? null;
}

const FACTION_WORDS = byWord<Faction>([...FACTIONS.map((f) => [f, f] as [string, Faction]), ...FACTIONS.map((f) => [FACTION_LABELS[f], f] as [string, Faction])]);

export function factionOfWord(word: string): Faction | null {
  return FACTION_WORDS.get(normaliseWord(word)) ?? null;
}

/** Words that are a tie type outright: the ids, the labels ("holds position in") and FtM's schema names. */
const TIE_TYPE_WORDS = byWord<TieType>([
  ...TIE_TYPES.map((t) => [t, t] as [string, TieType]),
  ...TIE_TYPES.map((t) => [TIE_TYPE_INFO[t].label, t] as [string, TieType]),
  ...TIE_TYPES.flatMap((t) => (TIE_TYPE_INFO[t].ftmSchema ? [[TIE_TYPE_INFO[t].ftmSchema!, t] as [string, TieType]] : [])),
]);

export function tieTypeOfWord(word: string): TieType | null {
  return TIE_TYPE_WORDS.get(normaliseWord(word)) ?? null;
}

/** A likelier guess for the suggestion: a word inside the value ("board member", "sanctioned by EU"). */
const TIE_TYPE_STEMS: [RegExp, TieType][] = [
  [/sanction/, 'sanctioned_by'],
  [/subordinat|reports? to|under command/, 'subordinate_to'],
  [/appoint/, 'appointed_by'],
  [/represent|ambassador|envoy/, 'represents'],
  [/director|chair|head|leads?\b|leader|chief|ceo|president of/, 'leads'],
  [/member|belongs/, 'member_of'],
  [/owner|owns|shareholder|stake/, 'owns'],
  [/family|relative|spouse|wife|husband|son|daughter|brother|sister|father|mother|married|kin/, 'family_of'],
  [/rival|compet/, 'rival_of'],
  [/oppos|against|hostil|enemy|conflict/, 'opposes'],
  [/ally|allies|alliance|partner/, 'ally_of'],
  [/support|fund|finance|donat|sponsor/, 'supports'],
  [/influenc/, 'influences'],
  [/position|occup|employ|works? (for|at)|post|office|holds/, 'holds_position'],
  [/particip|attend|took part/, 'participated_in'],
  [/associat|friend|colleague|contact|knows|business/, 'associate_of'],
];

export function guessTieType(word: string): TieType | null {
  const exact = tieTypeOfWord(word);
  if (exact) return exact;
  const w = normaliseWord(word);
  return TIE_TYPE_STEMS.find(([stem]) => stem.test(w))?.[1] ?? null;
}
