// Load generation. A closed loop of N keep-alive HTTP connections, each sending its next
// request as soon as the previous answer has been read in full (autocannon's model), written
// on node:http rather than a package: it adds no dependency, the per-request cost of the client
// (well under a millisecond) is the same for Powermap and the anchor, and it reads every body,
// so a server that streams a large page pays for all of it.
import http from 'node:http';

export interface Sample {
  ms: number;
  status: number;
  bytes: number;
  body?: string;
}

export function get(url: string, agent?: http.Agent, keepBody = false, timeoutMs = 300_000): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers: { 'accept-encoding': 'identity' } }, (res) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keepBody) chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, bytes, body: keepBody ? Buffer.concat(chunks).toString('utf8') : undefined }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)));
    req.on('error', reject);
  });
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Completed 2xx responses per second. */
  rps: number;
  p50: number;
  p95: number;
  bytesPerResponse: number;
}

/**
 * `concurrency` clients for `seconds`, cycling through `urls`. Requests in flight when the time
 * is up are awaited and counted, and the window is measured to the last of them, so a server
 * slower than the window still gets an honest rate rather than zero.
 */
export async function closedLoop(urls: readonly string[], concurrency: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const url = urls[next++ % urls.length]!;
      try {
        const sample = await get(url, agent);
        if (sample.status >= 200 && sample.status < 300) {
          latencies.push(sample.ms);
          bytes += sample.bytes;
        } else errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: median(latencies),
    p95: quantile(latencies, 0.95),
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
  };
}
