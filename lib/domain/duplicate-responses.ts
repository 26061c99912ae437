// The shapes duplicate matching answers with (GET /api/duplicates, /duplicates), declared once for
// the data layer and the page.
import type { CandidateReason } from '../graph/duplicate-candidates';
import type { Verdict } from '../graph/duplicate-judgements';
import type { ActorRef } from './responses';

export interface DuplicateJudgementDto {
  verdict: Verdict;
  reason: string;
  /** The analyst's name when they judged. */
  by: string | null;
  /** ISO time of the latest judgement. */
  at: string;
  version: number;
}

export interface DuplicateCandidateDto {
  a: ActorRef;
  b: ActorRef;
  score: number;
  /** Why the pair was suggested (and what speaks against it). */
  reasons: CandidateReason[];
  /** What an analyst said of this very pair. */
  judgement: DuplicateJudgementDto | null;
  /** What other judgements imply for it, through these actors. */
  inferred: { verdict: 'same' | 'different'; via: ActorRef[] } | null;
}

export interface DuplicatesPage {
  candidates: DuplicateCandidateDto[];
  /** Candidates found, before the limit. */
  total: number;
  /** Pairs the database's blocking handed to the scorer. */
  blockedPairs: number;
}
