// A seeded random source (mulberry32), so the page, the API and the tests draw the same
// samples, pivots and Louvain orders for the same view: equal questions get equal numbers.
export type Random = () => number;

export const DEFAULT_SEED = 20_210_601;

export function seededRandom(seed: number = DEFAULT_SEED): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** k distinct indices of 0…n−1, drawn with a partial Fisher–Yates shuffle, in ascending order. */
export function sampleIndices(n: number, k: number, random: Random): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take).sort((a, b) => a - b);
}
