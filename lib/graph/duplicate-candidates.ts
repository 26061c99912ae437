// Whether two actors are one actor written twice: the evidence for and against, scored, with the
// reasons an analyst reads on /duplicates. Pure: lib/data/actors/find-duplicate-candidates.ts
// blocks the pairs worth scoring in SQL (shared name keys, rare shared words, acronyms) and hands
// each pair's actors here. A name is never enough: two "Viktor Lukashenko"s can be two people, so a
// pair is a candidate only when something besides its names agrees (ties, posts, dates).
import { dateText, type PartialDate } from '../domain/dates';
import { parseSchemes, TRANSLITERATION_SCHEMES } from '../domain/transliteration/schemes';
import { POST_TIE_TYPES, type TieType } from '../domain/vocabulary';
import { normaliseForSearch } from './search';

export interface CandidateName {
  name: string;
  /** normaliseForSearch(name), as ActorName.normalized stores it. */
  normalized: string;
  /** ActorName.scheme: the transliteration schemes giving this spelling, or null for a given name. */
  scheme: string | null;
}

export interface CandidateTie {
  /** The actor at the other end. */
  otherId: string;
  otherName: string;
  type: TieType | string;
  /** Whether the actor is the tie's source (a post is held by its source). */
  outgoing: boolean;
  start: PartialDate | null;
}

/** What the scorer reads of one actor. */
export interface CandidateActor {
  id: string;
  slug: string;
  name: string;
  kind: string;
  /** Born or founded. */
  start: PartialDate | null;
  /** Every stored name variant, given and generated; the label is added by the scorer. */
  names: readonly CandidateName[];
  ties: readonly CandidateTie[];
}

export type ReasonCode =
  | 'same_name'
  | 'shared_spelling'
  | 'acronym'
  | 'shared_words'
  | 'shared_neighbours'
  | 'shared_posts'
  | 'same_start'
  | 'different_start'
  | 'different_kind';

export interface CandidateReason {
  code: ReasonCode;
  /** What the reason adds to the score (negative: evidence against). */
  weight: number;
  /** In words, for the analyst. */
  text: string;
}

export interface PairScore {
  /** 0 to 1, higher is likelier the same actor. */
  score: number;
  reasons: CandidateReason[];
  /** A candidate: enough score, evidence from the names and from something besides them. */
  candidate: boolean;
}

/** Below this a pair is not shown. */
export const CANDIDATE_MIN_SCORE = 0.5;

const NAME_CODES: ReadonlySet<ReasonCode> = new Set(['same_name', 'shared_spelling', 'acronym', 'shared_words']);
const OTHER_CODES: ReadonlySet<ReasonCode> = new Set(['shared_neighbours', 'shared_posts', 'same_start']);

/** Words that carry no identity: left out of word overlap and of acronyms (the SQL blocking uses the same list). */
export const STOPWORDS: readonly string[] = [
  'of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'de', 'la', 'le', 'du', 'des', 'der', 'die', 'und', 'и', 'в', 'на', 'по', 'для', 'о', 'об', 'і', 'у', 'з',
];
const STOP = new Set(STOPWORDS);

/** The words of a normalised name that say something: two letters or more, no stopword. */
export function significantWords(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w.length >= 2 && !STOP.has(w));
}

/** Initials of a name of three or more significant words ("office of foreign assets control" → "ofac"), else null. */
export function acronymOf(normalized: string): string | null {
  const words = normalized.split(' ').filter((w) => w && !STOP.has(w));
  return words.length >= 3 ? words.map((w) => w[0]).join('') : null;
}

function allNames(actor: CandidateActor): CandidateName[] {
  return [{ name: actor.name, normalized: normaliseForSearch(actor.name), scheme: null }, ...actor.names];
}

function spellingSource(n: CandidateName): string {
  const schemes = parseSchemes(n.scheme);
  if (!schemes.length) return 'given';
  return schemes.map((s) => TRANSLITERATION_SCHEMES[s].label).join(', ');
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Dates agree when they name the same period at the coarser of the two precisions. */
function sameStart(a: PartialDate, b: PartialDate): boolean | null {
  const order = ['year', 'month', 'day'];
  const pa = order.indexOf(a.precision);
  const pb = order.indexOf(b.precision);
  if (pa < 0 || pb < 0) return null; // "as of" says nothing about when it began
  const length = [4, 7, 10][Math.min(pa, pb)];
  return a.date.slice(0, length) === b.date.slice(0, length);
}

function nameReasons(a: CandidateActor, b: CandidateActor): CandidateReason[] {
  const reasons: CandidateReason[] = [];
  const labelA = normaliseForSearch(a.name);
  const labelB = normaliseForSearch(b.name);
  if (labelA && labelA === labelB) {
    reasons.push({ code: 'same_name', weight: 0.35, text: `Both are named “${a.name}”` });
  } else {
    const bNames = new Map<string, CandidateName>();
    for (const n of allNames(b)) if (n.normalized && !bNames.has(n.normalized)) bNames.set(n.normalized, n);
    const shared = allNames(a).find((n) => bNames.has(n.normalized));
    if (shared) {
      const other = bNames.get(shared.normalized)!;
      reasons.push({
        code: 'shared_spelling',
        // As strong as one label: a transliteration is the same name in another script.
        weight: 0.35,
        text: `“${shared.name}” (${spellingSource(shared)}) of ${a.name} and “${other.name}” (${spellingSource(other)}) of ${b.name} are one spelling`,
      });
    }
  }
  const acronym = findAcronym(a, b) ?? findAcronym(b, a);
  if (acronym) reasons.push({ code: 'acronym', weight: 0.3, text: acronym });
  if (!reasons.length) {
    const wordsA = new Set(allNames(a).flatMap((n) => significantWords(n.normalized)));
    const wordsB = new Set(allNames(b).flatMap((n) => significantWords(n.normalized)));
    const shared = [...wordsA].filter((w) => wordsB.has(w));
    const labelWordsA = significantWords(labelA);
    const labelWordsB = significantWords(labelB);
    const overlap = shared.length / Math.max(1, Math.min(labelWordsA.length, labelWordsB.length));
    if (shared.length && overlap >= 0.5) {
      reasons.push({ code: 'shared_words', weight: round(0.25 * Math.min(1, overlap)), text: `Their names share ${shared.length === 1 ? 'the word' : 'the words'} ${shared.map((w) => `“${w}”`).join(', ')}` });
    }
  }
  return reasons;
}

function findAcronym(a: CandidateActor, b: CandidateActor): string | null {
  const short = new Map(allNames(a).filter((n) => !n.normalized.includes(' ')).map((n) => [n.normalized, n]));
  for (const n of allNames(b)) {
    const acronym = acronymOf(n.normalized);
    const match = acronym ? short.get(acronym) : undefined;
    if (match) return `“${match.name}” is the initials of “${n.name}”`;
  }
  return null;
}

function tieReasons(a: CandidateActor, b: CandidateActor): CandidateReason[] {
  const reasons: CandidateReason[] = [];
  const others = (x: CandidateActor, y: CandidateActor) => new Map(x.ties.filter((t) => t.otherId !== y.id).map((t) => [t.otherId, t.otherName]));
  const neighboursA = others(a, b);
  const neighboursB = others(b, a);
  const common = [...neighboursA.keys()].filter((id) => neighboursB.has(id));
  if (common.length) {
    const names = common.slice(0, 3).map((id) => neighboursA.get(id)!);
    const more = common.length > 3 ? ` and ${common.length - 3} more` : '';
    reasons.push({
      code: 'shared_neighbours',
      weight: round(Math.min(0.45, 0.15 * common.length)),
      text: `Both are tied to ${names.join(', ')}${more}`,
    });
  }
  const postKey = (t: CandidateTie) => `${t.type}\u0000${t.otherId}`;
  const postsOf = (x: CandidateActor) => x.ties.filter((t) => t.outgoing && POST_TIE_TYPES.includes(t.type as TieType));
  const postsB = new Map(postsOf(b).map((t) => [postKey(t), t]));
  const sharedPosts = postsOf(a).filter((t) => {
    const other = postsB.get(postKey(t));
    return other && (!t.start || !other.start || sameStart(t.start, other.start) !== false);
  });
  if (sharedPosts.length) {
    const dated = sharedPosts.find((t) => t.start && postsB.get(postKey(t))?.start);
    reasons.push({
      code: 'shared_posts',
      weight: round(Math.min(0.3, 0.15 * sharedPosts.length + (dated ? 0.05 : 0))),
      text: `Both hold a post at ${sharedPosts.slice(0, 3).map((t) => t.otherName).join(', ')}${dated ? `, from ${dateText(dated.start)}` : ''}`,
    });
  }
  return reasons;
}

function factReasons(a: CandidateActor, b: CandidateActor): CandidateReason[] {
  const reasons: CandidateReason[] = [];
  const what = a.kind === 'person' ? 'born' : 'founded';
  if (a.start && b.start) {
    const same = sameStart(a.start, b.start);
    if (same === true) reasons.push({ code: 'same_start', weight: 0.25, text: `Both ${what} ${dateText(a.start.precision === 'day' ? b.start : a.start)}` });
    if (same === false) reasons.push({ code: 'different_start', weight: -0.5, text: `${a.name} ${what} ${dateText(a.start)}, ${b.name} ${dateText(b.start)}` });
  }
  if (a.kind !== b.kind) reasons.push({ code: 'different_kind', weight: -0.3, text: `One is a ${a.kind}, the other a ${b.kind}` });
  return reasons;
}

/** The evidence that a and b are one actor, scored. */
export function scorePair(a: CandidateActor, b: CandidateActor): PairScore {
  const reasons = [...nameReasons(a, b), ...tieReasons(a, b), ...factReasons(a, b)];
  const score = round(Math.max(0, Math.min(1, reasons.reduce((sum, r) => sum + r.weight, 0))));
  const byName = reasons.some((r) => NAME_CODES.has(r.code));
  const byOther = reasons.some((r) => OTHER_CODES.has(r.code));
  return { score, reasons, candidate: byName && byOther && score >= CANDIDATE_MIN_SCORE };
}

export interface RankedCandidate<T extends CandidateActor> {
  actor: T;
  score: PairScore;
}

/**
 * The candidates for `actor` among `others`, best first: each pair scored by scorePair, kept when
 * it is a candidate and not judged (or inferred) different. An import's matching
 * (lib/graph/duplicate-matching.ts) proposes existing actors through this, on pairs blocked by
 * /duplicates' own statement, so an import is matched on the very evidence /duplicates shows.
 */
export function rankCandidates<T extends CandidateActor>(actor: CandidateActor, others: readonly T[], judgedDifferent: (other: T) => boolean = () => false): RankedCandidate<T>[] {
  const ranked: RankedCandidate<T>[] = [];
  for (const other of others) {
    if (other.id === actor.id || judgedDifferent(other)) continue;
    const score = scorePair(actor, other);
    if (score.candidate) ranked.push({ actor: other, score });
  }
  return ranked.sort((x, y) => y.score.score - x.score.score || x.actor.name.localeCompare(y.actor.name) || (x.actor.id < y.actor.id ? -1 : 1));
}
