// GET /api/graph/metrics and computeViewMetrics: the metric of the view GET /api/graph returns for
// the same query, on the seed (Lukashenko the first broker), robustness intervals, and a generated
// view large enough to go to the worker thread, which must give the numbers computed in place.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => ({ type: 'anonymous' }) }));
import { generateNetwork } from '../../bench/generate-network';
import { insertNetwork } from '../../bench/insert-network';
import { GET } from '../../app/api/graph/metrics/route';
import { getDb } from '../../lib/db/client';
import { computeViewMetrics, WORKER_ABOVE } from '../../lib/data/network/compute-view-metrics';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { analysisInput, computeMetric } from '../../lib/graph/analysis/metrics';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

interface Body {
  data: { asOf: string; metric: string; method: string; note: string; samples?: number; sampleSources?: number; communityCount?: number };
  rows: { id: string; slug: string; label: string; value: number; rank: number; community?: number; rankLow?: number; rankHigh?: number; topShare?: number }[];
  error?: { code: string; message: string };
}
async function get(query: string): Promise<{ status: number; body: Body }> {
  const response = await GET(new Request(`http://localhost/api/graph/metrics?${query}`));
  return { status: response.status, body: (await response.json()) as Body };
}

describe.skipIf(!available)(`view metrics on ${TEST_KIND}`, () => {
  describe('on the seed', () => {
    beforeAll(async () => {
      await freshDatabase();
      await loadSeed();
    });

    it('ranks Lukashenko first by betweenness on 1 June 2021, in rows of id, slug, label, value, rank', async () => {
      const { status, body } = await get('metric=betweenness&asOf=2021-06-01');
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ asOf: '2021-06-01', metric: 'betweenness', method: 'exact' });
      expect(body.rows[0]).toMatchObject({ slug: 'alexander-lukashenko', rank: 1, id: 'actor:alexander-lukashenko', label: expect.any(String) });
      expect(body.rows[0]!.value).toBeGreaterThan(body.rows[1]!.value);
      expect(body.data.note).toBe('Ties count equally.');
      expect((await get('metric=betweenness&asOf=2021-06-01&weight=both')).body.data.note).toContain('distances (1 ÷ weight)');
      // The same rows as the pure function over GET /api/graph's view.
      const view = await loadView(ANONYMOUS, { asOf: '2021-06-01', showEnded: true, hops: 1 });
      expect(body.rows).toEqual(computeMetric(analysisInput(view), { metric: 'betweenness', weight: 'none' }).rows);
    });

    it('follows the filters and focus of the view', async () => {
      const { body } = await get('metric=degree&focus=nikolai-karpenkov&hops=1');
      const view = await loadView(ANONYMOUS, { focus: 'nikolai-karpenkov', showEnded: true, hops: 1 });
      expect(body.rows.map((r) => r.id).sort()).toEqual(view.nodes.map((n) => n.id).sort());
    });

    it('gives communities with their numbers', async () => {
      const { body } = await get('metric=communities&weight=strength&resolution=1.5');
      expect(body.data.communityCount).toBeGreaterThan(1);
      expect(body.rows.every((r) => typeof r.community === 'number' && r.community >= 1)).toBe(true);
    });

    it('gives rank intervals and the share of samples in the top 10 with samples=', async () => {
      const { status, body } = await get('metric=betweenness&weight=grade&samples=40');
      expect(status).toBe(200);
      expect(body.data.samples).toBe(40);
      const first = body.rows[0]!;
      expect(first.rankLow).toBeLessThanOrEqual(first.rankHigh!);
      expect(first.topShare).toBeGreaterThan(0);
      expect(body.rows.some((r) => r.rankHigh! > r.rankLow!)).toBe(true);
    });

    it('refuses a missing or unknown metric, a bad weight and too few samples, naming the parameter', async () => {
      const missing = await get('asOf=2021-06-01');
      expect(missing.status).toBe(400);
      expect(missing.body.error?.message).toContain('metric: required');
      const bad = await get('metric=fame&weight=heavy&samples=3');
      expect(bad.status).toBe(400);
      expect(bad.body.error?.message).toMatch(/metric:.*weight:.*samples:/s);
    });
  });

  describe('on a generated view above the worker threshold', () => {
    beforeAll(async () => {
      await freshDatabase();
      await insertNetwork(await getDb(), generateNetwork(WORKER_ABOVE + 300, 3000, 11));
    });

    it('computes on the worker thread the numbers computed in place', async () => {
      const query = { showEnded: true, hops: 1 };
      const view = await loadView(ANONYMOUS, query);
      expect(view.nodes.length).toBeGreaterThan(WORKER_ABOVE);
      const options = { metric: 'pagerank', weight: 'strength' } as const;
      const { result } = await computeViewMetrics(ANONYMOUS, query, options);
      expect(result.rows).toEqual(computeMetric(analysisInput(view), options).rows);
    });

    it('refuses robustness on a view above its limit only past the limit', async () => {
      const { status, body } = await get('metric=degree&samples=10');
      expect(status).toBe(200);
      expect(body.rows.length).toBeGreaterThan(WORKER_ABOVE);
    });
  });

  describe('robustness on a view above the browser limit of 1,000 actors', () => {
    beforeAll(async () => {
      await freshDatabase();
      await insertNetwork(await getDb(), generateNetwork(1_200, 4_000, 12));
    });

    it('resamples it on the worker thread, each sample estimated from sampled sources, and refuses communities', async () => {
      const { status, body } = await get('metric=betweenness&samples=10');
      expect(status).toBe(200);
      expect(body.rows.length).toBeGreaterThan(1_000);
      expect(body.data).toMatchObject({ samples: 10, sampleSources: 32, method: 'exact' });
      expect(body.rows[0]!.rankLow).toBeLessThanOrEqual(body.rows[0]!.rankHigh!);
      const communities = await get('metric=communities&samples=10');
      expect(communities.status).toBe(400);
      expect(communities.body.error?.message).toMatch(/up to 1,000 actors for communities/);
    });
  });
});
