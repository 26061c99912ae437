// Who commanded GUBOPiK, on the Belarus seed, through loadChainOfCommand and GET /api/actors/{slug}/chain:
// Karpenkov under Minister Karayeu on 1 Sep 2020, Parshyn under Minister Kubrakov on 1 Jan 2021;
// a month-dated start is only possible inside its month; bad days and unknown units are refused; the route's
// ETag and 304; and the seed's institutions nesting on 1 Jan 2021 (lib/graph/nesting.ts).
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => ({ type: 'anonymous' }) }));

import * as chainRoute from '../../app/api/actors/[slug]/chain/route';
import { loadChainOfCommand } from '../../lib/data/actors/load-chain-of-command';
import { loadPostSuccessions } from '../../lib/data/actors/load-post-successions';
import { AppError } from '../../lib/data/errors';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { bumpNetworkRevision } from '../../lib/data/network/network-revision';
import { getDb } from '../../lib/db/client';
import { loadView } from '../../lib/data/network/load-view';
import { nestingParents } from '../../lib/graph/nesting';
import { collapseNesting } from '../../lib/graph/collapse-nesting';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import type { ChainStep } from '../../lib/graph/chain-of-command';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const read = (steps: ChainStep[]) => steps.map((s) => `${s.actor.label}: ${s.heads.map((h) => `${h.actor.label} (${h.certainty})`).join(', ')}`);
const get = (path: string, slug: string, headers: Record<string, string> = {}) =>
  chainRoute.GET(new Request(`http://powermap.test${path}`, { headers }), { params: Promise.resolve({ slug }) });

describe.skipIf(!available)(`chain of command on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
  });

  it('names Karpenkov under Minister Karayeu on 1 Sep 2020', async () => {
    const chain = await loadChainOfCommand(ANONYMOUS, { slug: 'gubopik', on: '2020-09-01' });
    expect(read(chain.steps)).toEqual(['GUBOPiK: Nikolay Karpenkov (certain)', 'Ministry of Internal Affairs of Belarus: Yury Karayeu (certain)']);
    expect(chain.steps[1]!.viaTieId).toBe('gubopik-subordinate-to-mvd');
  });

  it('names Parshyn under Minister Kubrakov on 1 Jan 2021, never the deputy minister', async () => {
    const chain = await loadChainOfCommand(ANONYMOUS, { slug: 'gubopik', on: '2021-01-01' });
    expect(read(chain.steps)).toEqual(['GUBOPiK: Andrei Parshyn (certain)', 'Ministry of Internal Affairs of Belarus: Ivan Kubrakov (certain)']);
  });

  it("marks Parshyn possible inside November 2020, the month his start is known to", async () => {
    const chain = await loadChainOfCommand(ANONYMOUS, { slug: 'gubopik', on: '2020-11-10' });
    expect(read(chain.steps)[0]).toBe('GUBOPiK: Nikolay Karpenkov (certain), Andrei Parshyn (possible)');
  });

  it('answers GET /api/actors/{slug}/chain?on=… and refuses a bad day, an unknown parameter and an unknown unit', async () => {
    const ok = await get('/api/actors/gubopik/chain?on=2021-01-01', 'gubopik');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('private, no-cache');
    const body = (await ok.json()) as { data: { on: string; unit: { slug: string }; steps: ChainStep[] } };
    expect(body.data.on).toBe('2021-01-01');
    expect(body.data.steps.map((s) => s.heads.map((h) => h.actor.slug))).toEqual([['andrei-parshyn'], ['ivan-kubrakov']]);
    expect((await get('/api/actors/gubopik/chain?on=2021-02-30', 'gubopik')).status).toBe(400);
    expect((await get('/api/actors/gubopik/chain?on=2021-01-01&depth=3', 'gubopik')).status).toBe(400);
    expect((await get('/api/actors/nowhere/chain', 'nowhere')).status).toBe(404);
    const refused = await loadChainOfCommand(ANONYMOUS, { slug: 'gubopik', on: 'soon' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
  });

  it("pairs Karpenkov's GUBOPiK post with Parshyn's, and Karayeu's ministry with Kubrakov's", async () => {
    expect(await loadPostSuccessions(ANONYMOUS, 'nikolai-karpenkov')).toMatchObject({ 'karpenkov-leads-gubopik': { successor: { slug: 'andrei-parshyn', name: 'Andrei Parshyn' } } });
    expect(await loadPostSuccessions(ANONYMOUS, 'andrei-parshyn')).toEqual({ 'parshyn-leads-gubopik': { predecessor: { slug: 'nikolai-karpenkov', name: 'Nikolay Karpenkov' } } });
    expect((await loadPostSuccessions(ANONYMOUS, 'ivan-kubrakov'))['kubrakov-leads-mvd']).toEqual({ predecessor: { slug: 'yury-karayeu', name: 'Yury Karayeu' } });
  });

  it('sends an ETag keyed by the network revision and the day, and answers 304 to it until the network changes', async () => {
    const path = '/api/actors/gubopik/chain?on=2021-01-01';
    const first = await get(path, 'gubopik');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(path, 'gubopik', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await get(path, 'gubopik', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    // Another day is another answer.
    const otherDay = await get('/api/actors/gubopik/chain?on=2020-09-01', 'gubopik', { 'If-None-Match': etag! });
    expect(otherDay.status).toBe(200);
    expect(otherDay.headers.get('etag')).not.toBe(etag);
    // Any change to the network moves the revision, so the old ETag no longer matches.
    const db = await getDb();
    await bumpNetworkRevision(db as unknown as Parameters<typeof bumpNetworkRevision>[0]);
    const changed = await get(path, 'gubopik', { 'If-None-Match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it("nests the seed's units on 1 Jan 2021: GUBOPiK, the Internal Troops and Almaz in the ministry, Alpha in the KGB, never inside a person", async () => {
    const view = await loadView(ANONYMOUS, { asOf: '2021-01-01', showEnded: false, hops: 1 });
    const parents = nestingParents(view);
    const under = (slug: string) => parents.get(`actor:${slug}`);
    for (const unit of ['gubopik', 'internal-troops-belarus', 'almaz-unit']) expect(under(unit)).toBe('actor:ministry-of-internal-affairs-belarus');
    expect(under('kgb-alpha-group')).toBe('actor:kgb-belarus');
    expect(under('kgb-belarus')).toBeUndefined();
    const collapsed = collapseNesting(toCytoscapeElements(view), parents, new Set(['actor:ministry-of-internal-affairs-belarus']));
    expect(collapsed.nodes.some((n) => n.data.slug === 'gubopik')).toBe(false);
    const mvd = collapsed.nodes.find((n) => n.data.slug === 'ministry-of-internal-affairs-belarus')!.data;
    expect(mvd.collapsed).toBe(true);
    expect(mvd.hiddenCount).toBeGreaterThanOrEqual(3);
    const aggregates = collapsed.edges.filter((e) => e.data.aggregate);
    expect(aggregates.length).toBeGreaterThan(0);
    for (const e of aggregates) expect(e.data.aggregateLabel).toBe(`×${e.data.aggregateCount}, ${e.data.grade ? `best ${e.data.grade}` : 'ungraded'}`);
  });
});
