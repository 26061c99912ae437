// What was known when: a knowledge date keeps only the claims whose source had certainly been
// published by then (its whole publication period over: a source of "Sep 2020" counts from 30 Sep
// 2020), so a tie no such claim backs drops out and grades and disputes are read again from the
// claims that remain. A source without a publication date is unknown, never counted as known.
// The database cuts the same thing for large views (lib/data/network/load-view.ts, through
// knowledgeLimits); cutByKnowledge is its definition over plain data.
import { dayNumberToIso, isoToDayNumber, periodEnd, type PartialDate } from '../domain/dates';
import { bestGrade, gradeRank } from '../domain/grade';
import { isDisputed, type DisputeClaim } from './disputes';
import type { GraphData, GraphEdge } from './types';

export interface KnowledgeClaim extends DisputeClaim {
  reliability: string;
  credibility: number;
}

/** True when published by `known`, false when after (or possibly after), null when the source is undated. */
export function publishedBy(published: PartialDate | null, known: string): boolean | null {
  if (!published) return null;
  return periodEnd(published) <= known;
}

export function knownClaims<T extends Pick<DisputeClaim, 'sourcePublished'>>(claims: readonly T[], known: string): T[] {
  return claims.filter((c) => publishedBy(c.sourcePublished, known) === true);
}

export interface KnownSummary {
  grade: string | null;
  gradeRank: number | null;
  claimCount: number;
  disputed: boolean;
}

/** The tie's grade, claim count and dispute as its known claims give them; null when none is known. */
export function knownSummary(claims: readonly KnowledgeClaim[], known: string): KnownSummary | null {
  const kept = knownClaims(claims, known);
  if (kept.length === 0) return null;
  const grade = bestGrade(kept);
  return { grade, gradeRank: gradeRank(grade), claimCount: kept.length, disputed: isDisputed(kept) };
}

/** The network as known on `known`: ties without a known claim dropped, the rest regraded. Actors stay. */
export function cutByKnowledge(graph: GraphData, claimsOf: ReadonlyMap<string, readonly KnowledgeClaim[]>, known: string): GraphData {
  const edges: GraphEdge[] = [];
  for (const edge of graph.edges) {
    const summary = knownSummary(claimsOf.get(edge.tieId) ?? [], known);
    if (summary) edges.push({ ...edge, grade: summary.grade, claimCount: summary.claimCount, disputed: summary.disputed });
  }
  return { nodes: graph.nodes, edges };
}

/**
 * publishedBy as three bounds on the stored first day of the publication period, so SQL can ask it
 * without date arithmetic: a day (or "as of") on or before `known`; a month or a year that began
 * before the month or year of the day after `known` (then its last day is on or before `known`).
 */
export function knowledgeLimits(known: string): { day: string; monthBefore: string; yearBefore: string } {
  const next = dayNumberToIso(isoToDayNumber(known) + 1);
  return { day: known, monthBefore: `${next.slice(0, 7)}-01`, yearBefore: `${next.slice(0, 4)}-01-01` };
}

