// How an actor's profile says where it ranks in the whole network on a day:
// "3rd of 74 by betweenness on 1 Jun 2021" (", estimated" when betweenness was sampled).
import { formatPartialDate } from '../../domain/dates';
import { ordinal } from './vocabulary';

/** The metrics a profile ranks its actor by, in the order it lists them. */
export const PROFILE_RANK_METRICS = ['betweenness', 'pagerank', 'degree'] as const;
export type ProfileRankMetric = (typeof PROFILE_RANK_METRICS)[number];

const RANK_WORDS: Record<ProfileRankMetric, string> = { betweenness: 'betweenness', pagerank: 'PageRank', degree: 'degree' };

export interface ActorRank {
  metric: ProfileRankMetric;
  /** 1 is the highest; equal values share a rank. */
  rank: number;
  /** Actors in the view ranked. */
  of: number;
  value: number;
  /** 'sampled' when betweenness was estimated from sampled sources (a large network). */
  method: 'exact' | 'sampled';
}

export function rankLine(rank: ActorRank, asOf: string): string {
  const estimated = rank.method === 'sampled' ? ', estimated' : '';
  return `${ordinal(rank.rank)} of ${rank.of.toLocaleString('en-GB')} by ${RANK_WORDS[rank.metric]} on ${formatPartialDate({ date: asOf, precision: 'day' })}${estimated}`;
}
