// How sure are we? The view resampled: in each sample every tie is kept with the probability its
// evidence grade gives (gradeConfidence), the metric is computed again, and each actor's ranks
// across samples give an interval and the share of samples in which it stays in the top 10. For
// communities, how often each actor lands with the members of its community in the whole view
// (Gephi Lite's community ambiguity, here across evidence rather than across random runs).
import { buildPreparedGraph, prepareTies } from './analysis-graph';
import { computeMetric, metricValues, rankValues, type AnalysisInput, type MetricOptions, type MetricResult, type MetricRow } from './metrics';
import { DEFAULT_SEED, seededRandom } from './random';
import { DEFAULT_SAMPLES, MAX_SAMPLES, TOP_N } from './vocabulary';

export interface RobustRow extends MetricRow {
  /** The 5th and 95th percentile of the actor's rank over the samples (1 is best). */
  rankLow: number;
  rankHigh: number;
  /** Median rank over the samples. */
  rankMedian: number;
  /** Share of samples (0–1) in which the actor ranks in the top 10. */
  topShare: number;
  /** Communities only: share of (sample, community mate) pairs in which the actor sits with its mates. */
  together?: number;
  /** Communities only: the actors most often in its community, with the share of samples. */
  partners?: { id: string; share: number }[];
}

export interface RobustnessResult extends Omit<MetricResult, 'rows'> {
  rows: RobustRow[];
  samples: number;
  top: number;
  /** Set when each sample's betweenness or closeness was estimated from this many sampled sources. */
  sampleSources?: number;
}

export interface RobustnessOptions extends MetricOptions {
  samples?: number;
  /**
   * Options for the resampled views only (the whole view keeps its own): a large view estimates
   * each sample's path metrics from fewer sources, so a hundred samples fit in a worker's time.
   */
  perSample?: Pick<MetricOptions, 'exactPathsUpTo' | 'pathSources'>;
}

const PARTNERS = 3;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
}

export function computeRobustness(input: AnalysisInput, options: RobustnessOptions): RobustnessResult {
  const samples = Math.min(MAX_SAMPLES, Math.max(1, Math.round(options.samples ?? DEFAULT_SAMPLES)));
  // The pairs are found once; the whole view and each sample only redraw which ties hold.
  const prepared = prepareTies(input.nodes.map((node) => node.id), input.ties);
  const base = computeMetric(input, options, prepared);
  const random = seededRandom((options.seed ?? DEFAULT_SEED) ^ 0x9e3779b9);
  const nodeIds = input.nodes.map((n) => n.id);
  const position = new Map(nodeIds.map((id, i) => [id, i]));
  const ranks: number[][] = nodeIds.map(() => []);
  const isCommunities = options.metric === 'communities';
  // Co-assignment counts, only for pairs needed: each actor with every other (n ≤ ROBUSTNESS_MAX_ACTORS).
  const n = nodeIds.length;
  const together = isCommunities ? new Uint16Array(n * n) : null;
  let sampleSources: number | undefined;
  const kept = new Uint8Array(input.ties.length);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < kept.length; i++) kept[i] = random() < input.ties[i]!.confidence ? 1 : 0;
    const analysis = buildPreparedGraph(prepared, options.weight, kept);
    const computed = metricValues(nodeIds, analysis, { ...options, ...options.perSample, seed: (options.seed ?? DEFAULT_SEED) + s + 1 });
    if (computed.method === 'sampled') sampleSources = computed.sources;
    if (together) {
      const byCommunity = new Map<number, number[]>();
      for (const [id, c] of computed.values) {
        const list = byCommunity.get(c);
        if (list) list.push(position.get(id)!);
        else byCommunity.set(c, [position.get(id)!]);
      }
      for (const members of byCommunity.values())
        for (const a of members) for (const b of members) if (a !== b) together[a * n + b]! += 1;
    }
    const sampleRanks = isCommunities ? null : rankValues(computed.values);
    if (sampleRanks) nodeIds.forEach((id, i) => ranks[i]!.push(sampleRanks.get(id)!));
  }
  const baseCommunity = new Map(base.rows.map((row) => [row.id, row.community]));
  const rows: RobustRow[] = base.rows.map((row) => {
    const i = position.get(row.id)!;
    const sorted = ranks[i]!.slice().sort((a, b) => a - b);
    const robust: RobustRow = {
      ...row,
      rankLow: isCommunities ? row.rank : percentile(sorted, 0.05),
      rankHigh: isCommunities ? row.rank : percentile(sorted, 0.95),
      rankMedian: isCommunities ? row.rank : percentile(sorted, 0.5),
      topShare: isCommunities ? 0 : sorted.filter((r) => r <= TOP_N).length / samples,
    };
    if (together) {
      const mates = nodeIds.map((_, j) => j).filter((j) => j !== i && baseCommunity.get(nodeIds[j]!) === row.community);
      const sum = mates.reduce((acc, j) => acc + together[i * n + j]!, 0);
      robust.together = mates.length > 0 ? sum / (mates.length * samples) : 1;
      robust.partners = nodeIds
        .map((id, j) => ({ id, share: j === i ? -1 : together[i * n + j]! / samples }))
        .filter((p) => p.share > 0)
        .sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : 1))
        .slice(0, PARTNERS);
    }
    return robust;
  });
  return { ...base, rows, samples, top: TOP_N, ...(sampleSources !== undefined ? { sampleSources } : {}) };
}
