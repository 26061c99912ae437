// What analysts' judgements on pairs of actors imply for pairs nobody judged, as OpenSanctions'
// resolver keeps its decisions: "same" is transitive (A = B and B = C make A = C), and a
// "different" between two groups of the same holds for every pair across them (A = B and B ≠ C
// make A ≠ C, so A and C are never suggested as one). "unsure" implies nothing. Pure.
export const VERDICTS = ['same', 'different', 'unsure'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Judgement {
  actorAId: string;
  actorBId: string;
  verdict: Verdict;
}

export interface InferredVerdict {
  verdict: 'same' | 'different';
  /** Stated by an analyst for this very pair, or inferred from others. */
  direct: boolean;
  /** For an inferred verdict: the actors the inference went through (besides the pair). */
  via: string[];
}

/** Judgements keyed by the pair, the smaller id first: one key for a pair whichever way it is asked. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

export interface JudgementIndex {
  /** The verdict on a pair, stated or inferred; null when nothing is known. */
  verdictOf(a: string, b: string): InferredVerdict | null;
  /** Pairs inferred the same that nobody judged directly: suggestions for an analyst to confirm. */
  inferredSame(): [string, string][];
}

export function indexJudgements(judgements: readonly Judgement[]): JudgementIndex {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: later finds are one step.
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const direct = new Map<string, Verdict>();
  const sameEdges = new Map<string, string[]>();
  for (const j of judgements) {
    direct.set(pairKey(j.actorAId, j.actorBId), j.verdict);
    if (j.verdict !== 'same') continue;
    for (const [x, y] of [[j.actorAId, j.actorBId], [j.actorBId, j.actorAId]]) (sameEdges.get(x) ?? sameEdges.set(x, []).get(x)!).push(y);
    if (!parent.has(j.actorAId)) parent.set(j.actorAId, j.actorAId);
    if (!parent.has(j.actorBId)) parent.set(j.actorBId, j.actorBId);
    const ra = find(j.actorAId);
    const rb = find(j.actorBId);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groupOf = (x: string) => (parent.has(x) ? find(x) : x);
  // "different" between groups, and the pair that said it, for the explanation.
  const apart = new Map<string, [string, string]>();
  for (const j of judgements) {
    if (j.verdict === 'different') apart.set(pairKey(groupOf(j.actorAId), groupOf(j.actorBId)), [j.actorAId, j.actorBId]);
  }

  /** The chain of "same" judgements from a to b (breadth first), without its ends. */
  const chain = (a: string, b: string): string[] => {
    const previous = new Map<string, string>([[a, a]]);
    const queue = [a];
    while (queue.length) {
      const x = queue.shift()!;
      if (x === b) break;
      for (const y of sameEdges.get(x) ?? []) {
        if (previous.has(y)) continue;
        previous.set(y, x);
        queue.push(y);
      }
    }
    const path: string[] = [];
    for (let x = previous.get(b); x && x !== a; x = previous.get(x)) path.unshift(x);
    return path;
  };

  return {
    verdictOf(a, b) {
      const stated = direct.get(pairKey(a, b));
      if (stated === 'same' || stated === 'different') return { verdict: stated, direct: true, via: [] };
      const ga = groupOf(a);
      const gb = groupOf(b);
      if (ga === gb && parent.has(a)) return { verdict: 'same', direct: false, via: chain(a, b) };
      const why = apart.get(pairKey(ga, gb));
      if (why) return { verdict: 'different', direct: false, via: why.filter((x) => x !== a && x !== b) };
      return null;
    },
    inferredSame() {
      const members = new Map<string, string[]>();
      for (const x of parent.keys()) (members.get(find(x)) ?? members.set(find(x), []).get(find(x))!).push(x);
      const pairs: [string, string][] = [];
      for (const group of members.values()) {
        const sorted = [...group].sort();
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) if (!direct.has(pairKey(sorted[i], sorted[j]))) pairs.push([sorted[i], sorted[j]]);
        }
      }
      return pairs;
    },
  };
}
