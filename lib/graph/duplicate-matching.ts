// Matching an import's actors to the actors stored already, before anything is written, for the
// import preview: first by identity (the document's slug, the slug of an actor since merged into
// another, or an external identifier a stored actor carries), then by evidence: the stored actors
// /duplicates' blocking pairs with each one, scored by the /duplicates scorer (rankCandidates),
// pairs analysts judged different left out. Pure; lib/data/import/match-import.ts reads what it needs.
//
// Ties count as evidence only where both files name the same actor, so a tie's other end is the
// stored actor it resolves to: by identity, or (in a second round) by its own best candidate, so
// an authority that sanctions the same people as a stored one is found once those people are.
import type { PartialDate } from '../domain/dates';
import { rankCandidates, type CandidateActor, type CandidateName, type CandidateReason } from './duplicate-candidates';

export interface StoredActorRef {
  id: string;
  slug: string;
  name: string;
  kind: string;
}

export interface IncomingTie {
  /** The other end's slug in the document. */
  other: string;
  otherName: string;
  type: string;
  /** Whether the incoming actor is the tie's source. */
  outgoing: boolean;
  start: PartialDate | null;
}

/** One actor of the document as the matcher reads it. */
export interface IncomingActor {
  slug: string;
  name: string;
  kind: string;
  start: PartialDate | null;
  /** Every name it would store, given and generated, normalised (the label is added by the scorer). */
  names: readonly CandidateName[];
  ties: readonly IncomingTie[];
  /** Identifiers another system gives it (a FollowTheMoney id), matched against stored actors' own. */
  externalIds: readonly string[];
}

export interface StoredUnderSlug extends StoredActorRef {
  /** The live actor it was merged into, for a slug that now redirects. */
  mergedInto: StoredActorRef | null;
}

export interface MatchingInput {
  incoming: readonly IncomingActor[];
  /** Stored actors under the document's slugs. */
  bySlug: ReadonlyMap<string, StoredUnderSlug>;
  /** Live stored actors by external identifier. */
  byExternalId: ReadonlyMap<string, StoredActorRef>;
  /** For each incoming slug, the stored actors (ids) the blocking paired it with. */
  blocked: ReadonlyMap<string, readonly string[]>;
  /** The scorer's view of every blocked stored actor. */
  stored: ReadonlyMap<string, CandidateActor>;
  /** Analysts' verdict on two stored actors, stated or inferred (lib/graph/duplicate-judgements.ts). */
  verdictOf?: (a: string, b: string) => 'same' | 'different' | null;
}

export interface ProposedActor {
  actor: StoredActorRef;
  score: number;
  reasons: CandidateReason[];
}

export type MatchedBy = 'slug' | 'merged' | 'identifier';

/**
 * What the import would do with one actor: `identity` is the stored actor it is (it updates that
 * one), else null (it is new unless the analyst chooses one of the proposals); `proposals` are the
 * stored actors it may be, best first. For an actor matched by identity the proposals are other
 * stored actors the import makes it resemble (possible duplicates, for /duplicates).
 */
export interface ImportMatch {
  slug: string;
  name: string;
  identity: { by: MatchedBy; actor: StoredActorRef; identifier?: string } | null;
  proposals: ProposedActor[];
}

/** Proposals kept per actor. */
export const MAX_PROPOSALS = 3;
/** Rounds of scoring: the second sees the first round's best candidates as ties' ends. */
const ROUNDS = 2;

const incomingId = (slug: string) => `import:${slug}`;
const refOf = (a: StoredActorRef): StoredActorRef => ({ id: a.id, slug: a.slug, name: a.name, kind: a.kind });

/** Every actor of the document with its identity and proposals, in the document's order. */
export function matchImport(input: MatchingInput): ImportMatch[] {
  const matches = new Map<string, ImportMatch>();
  // The stored actor each incoming slug stands for, as far as known: ties' ends for the scorer.
  const resolved = new Map<string, string>();
  for (const actor of input.incoming) {
    const match: ImportMatch = { slug: actor.slug, name: actor.name, identity: null, proposals: [] };
    matches.set(actor.slug, match);
    const stored = input.bySlug.get(actor.slug);
    if (stored) {
      // A slug merged away redirects: the import writes to the actor it went into, as its address does.
      match.identity = stored.mergedInto ? { by: 'merged', actor: refOf(stored.mergedInto) } : { by: 'slug', actor: refOf(stored) };
    } else {
      for (const identifier of actor.externalIds) {
        const found = input.byExternalId.get(identifier);
        if (!found) continue;
        match.identity = { by: 'identifier', actor: refOf(found), identifier };
        break;
      }
    }
    if (match.identity) resolved.set(actor.slug, match.identity.actor.id);
  }

  let provisional = new Map<string, string>();
  for (let round = 0; round < ROUNDS; round++) {
    const best = new Map<string, string>();
    for (const actor of input.incoming) {
      const match = matches.get(actor.slug)!;
      const others = (input.blocked.get(actor.slug) ?? []).flatMap((id) => input.stored.get(id) ?? []);
      if (!others.length) continue;
      const self = match.identity?.actor.id;
      const candidate: CandidateActor = {
        id: self ?? incomingId(actor.slug),
        slug: actor.slug,
        name: actor.name,
        kind: actor.kind,
        start: actor.start,
        names: actor.names,
        ties: actor.ties.map((t) => ({
          otherId: resolved.get(t.other) ?? provisional.get(t.other) ?? incomingId(t.other),
          otherName: t.otherName,
          type: t.type,
          outgoing: t.outgoing,
          start: t.start,
        })),
      };
      // A stored actor's judgements hold for what the import says of it; a new actor has none yet.
      const different = (other: CandidateActor) => !!self && input.verdictOf?.(self, other.id) === 'different';
      const ranked = rankCandidates(candidate, others, different).slice(0, MAX_PROPOSALS);
      match.proposals = ranked.map((r) => ({ actor: refOf(r.actor), score: r.score.score, reasons: r.score.reasons }));
      if (!self && ranked.length) best.set(actor.slug, ranked[0]!.actor.id);
    }
    provisional = best;
  }
  return input.incoming.map((a) => matches.get(a.slug)!);
}
