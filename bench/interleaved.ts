// Timing for the in-process benchmarks: percentiles of samples, and two measurements taken in
// turns, round by round, so both see the same load on a shared machine (other processes come and
// go; a ratio of two runs minutes apart would measure them). Figures print as ratios.
import { performance } from 'node:perf_hooks';

export interface Stats {
  p50: number;
  p95: number;
}

export function stats(samples: number[]): Stats {
  const xs = [...samples].sort((x, y) => x - y);
  return { p50: xs[Math.floor(xs.length * 0.5)]!, p95: xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]! };
}

/** One measurement alone: a warm-up run, then `rounds` timed runs. */
export async function time(rounds: number, run: (i: number) => Promise<unknown> | unknown): Promise<Stats> {
  await run(0); // warm caches and prepared statements
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run(i);
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** Two measurements in turns (a then b, then b then a), after one warm-up run of each. */
export async function interleaved(rounds: number, a: () => Promise<unknown> | unknown, b: () => Promise<unknown> | unknown): Promise<[Stats, Stats]> {
  await a();
  await b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [run, samples] of i % 2 ? ([[b, bs], [a, as]] as const) : ([[a, as], [b, bs]] as const)) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
  }
  return [stats(as), stats(bs)];
}

export const ms = (s: Stats, digits = 1) => `p50 ${s.p50.toFixed(digits)} ms, p95 ${s.p95.toFixed(digits)} ms`;
export const ratio = (a: Stats, b: Stats) => `${(a.p50 / b.p50).toFixed(2)}× (p95 ${(a.p95 / b.p95).toFixed(2)}×)`;
