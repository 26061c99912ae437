// GET /api/export: a view (the map's query) or the whole database, written by the registry's
// writers, streamed as an attachment named by scope and day, private to whoever asked. The view
// is loadView's, hub-capped as the map draws it; the FtM export reads back through the existing
// FtM importer into the same ties, for every tie type FtM has a schema for.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));

import * as exportRoute from '../../app/api/export/route';
import { loadGraph } from '../../lib/data/graph';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { getDb } from '../../lib/db/client';
import { generateNetwork } from '../../bench/generate-network';
import { insertNetwork } from '../../bench/insert-network';
import { TIE_TYPE_INFO } from '../../lib/domain/vocabulary';
import { dateText, normaliseDate, type WrittenDate } from '../../lib/domain/dates';
import { ftmToDocument } from '../../lib/import/ftm-to-document';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const ORIGIN = 'http://powermap.test';

const get = (query: string) => exportRoute.GET(new Request(`${ORIGIN}/api/export?${query}`, { headers: { host: 'powermap.test' } }));

describe.skipIf(!available)(`GET /api/export on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
  });

  it('writes the view as Cytoscape JSON, as an attachment named by scope and day, never cached for others', async () => {
    const response = await get('format=cyjs&asOf=2022-01-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="powermap-view-2022-01-01.cyjs"');
    expect(response.headers.get('cache-control')).toMatch(/^private/);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = await response.json();
    const view = await loadView(ANONYMOUS, { asOf: '2022-01-01', showEnded: true, hops: 1 });
    expect(doc.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(view.nodes.map((n) => n.id));
    expect(doc.elements.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual(view.edges.map((e) => e.id));
    expect(doc.data).toMatchObject({ asOf: '2022-01-01', address: `${ORIGIN}/?asOf=2022-01-01`, scope: 'view' });
    // Every node has a place: stored, or beside its neighbours until the layout job runs.
    for (const node of doc.elements.nodes) expect(node.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  });

  it('a focus on a network the map draws whole keeps every tie (the map caps no hub there)', async () => {
    const graph = await loadGraph(ANONYMOUS);
    const degree = new Map<string, number>();
    for (const e of graph.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const [hub] = [...degree].sort((a, b) => b[1] - a[1])[0]!;
    const focus = hub.replace(/^actor:/, '');
    const response = await get(`format=cyjs&focus=${focus}&hops=2&types=holds_position,leads,member_of,subordinate_to`);
    expect(response.headers.get('content-disposition')).toContain(`powermap-view-`);
    expect(response.headers.get('content-disposition')).toContain(`-${focus}.cyjs`);
    const doc = await response.json();
    const uncapped = await loadView(ANONYMOUS, { focus, hops: 2, showEnded: true, types: ['holds_position', 'leads', 'member_of', 'subordinate_to'] }, { hubLimit: Infinity });
    expect(doc.elements.edges.length).toBe(uncapped.edges.length);
    expect(doc.elements.nodes.length).toBe(uncapped.nodes.length);
  });

  it('scope=all holds every live actor and tie, begun or not', async () => {
    const graph = await loadGraph(ANONYMOUS);
    const doc = await (await get('format=cyjs&scope=all')).json();
    expect(doc.elements.nodes.length).toBe(graph.nodes.length);
    expect(doc.elements.edges.length).toBe(graph.edges.length);
    expect(doc.data.scope).toBe('all');
  });

  it('refuses an unknown format, a filter with scope=all, and repeated parameters, in words', async () => {
    const bad = await get('format=docx');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/format: must be one of cyjs/);
    const narrowed = await get('format=cyjs&scope=all&focus=alexander-lukashenko');
    expect(narrowed.status).toBe(400);
    expect((await narrowed.json()).error.message).toMatch(/focus: scope=all exports the whole database/);
    expect((await get('format=cyjs&format=ftm')).status).toBe(400);
    expect((await get('format=cyjs&kinds=robot')).status).toBe(400);
  });

  it('asks for sign-in when reading needs it', async () => {
    vi.stubEnv('POWERMAP_REQUIRE_SIGN_IN', '1');
    try {
      expect((await get('format=cyjs')).status).toBe(401);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('the seed → FtM → the FtM importer gives the same ties, for every type FtM has a schema for', async () => {
    const response = await get('format=ftm&scope=all');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toMatch(/filename="powermap-all-\d{4}-\d{2}-\d{2}\.ftm\.json"/);
    const text = await response.text();
    const entities = text.trim().split('\n').map((line) => JSON.parse(line));
    // Stable ids, from Powermap's own.
    expect(entities.every((e) => typeof e.id === 'string' && e.id.startsWith('powermap-'))).toBe(true);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);

    const graph = await loadGraph(ANONYMOUS);
    const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
    const kind = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    // The importer reads people and organisations (states come as PublicBody); events are not parties in FtM.
    const carried = graph.edges.filter((e) => TIE_TYPE_INFO[e.type].ftmSchema && kind.get(e.source) !== 'event' && kind.get(e.target) !== 'event');
    const unknown = graph.edges.length - carried.length;
    expect(carried.length).toBeGreaterThan(20);
    expect(entities.filter((e) => e.schema === 'UnknownLink').length).toBe(graph.edges.filter((e) => !TIE_TYPE_INFO[e.type].ftmSchema).length);
    expect(unknown).toBeGreaterThan(0);

    const { document } = ftmToDocument(text, { fileName: 'powermap.ftm.json' });
    const name = new Map(document.actors.map((a) => [a.slug, a.name]));
    const key = (type: string, from: string | undefined, to: string | undefined, start: string, end: string) => JSON.stringify([type, from, to, start, end]);
    // Dates as written ("2020", "2020-11", "2020-11-19"): stored ones are normalised, imported ones are not yet.
    const written = (d: WrittenDate | null | undefined) => (d ? dateText(normaliseDate(d)) : '');
    const expected = carried.map((e) => key(e.type, label.get(e.source), label.get(e.target), written(e.start), written(e.end))).sort();
    const imported = document.ties.map((t) => key(t.type, name.get(t.source), name.get(t.target), written(t.start), written(t.end))).sort();
    expect(imported).toEqual(expected);
    // Roles come back where the tie had one (a post without one is named after its organisation).
    const roles = new Map(document.ties.map((t) => [key(t.type, name.get(t.source), name.get(t.target), written(t.start), written(t.end)), t.role]));
    for (const e of carried.filter((e) => e.role)) expect(roles.get(key(e.type, label.get(e.source), label.get(e.target), written(e.start), written(e.end)))).toBe(e.role);
    // Claims' sources ride along as sourceUrl and publisher.
    expect(entities.some((e) => e.schema === 'Occupancy' && e.properties.publisher?.length > 0)).toBe(true);
  });

  describe('on a network too large to draw whole', () => {
    beforeAll(async () => {
      await freshDatabase();
      await insertNetwork(await getDb(), generateNetwork(800, 4000, 7));
    });

    it('a focus exports the hub-capped neighbourhood the map shows, and the whole one when the map draws everything', async () => {
      const query = { focus: 'actor-0', hops: 1, showEnded: true } as const;
      const capped = await loadView(ANONYMOUS, query);
      const whole = await loadView(ANONYMOUS, query, { hubLimit: Infinity });
      expect(capped.hidden.length).toBeGreaterThan(0);
      expect(whole.edges.length).toBeGreaterThan(capped.edges.length);
      const ids = async () => ((await (await get('format=cyjs&focus=actor-0')).json()).elements.edges as { data: { id: string } }[]).map((e) => e.data.id);
      vi.stubEnv('POWERMAP_MAP_OVERVIEW_ABOVE', '100');
      try {
        expect(await ids()).toEqual(capped.edges.map((e) => e.id));
      } finally {
        vi.unstubAllEnvs();
      }
      vi.stubEnv('POWERMAP_MAP_OVERVIEW_ABOVE', '1000000');
      try {
        expect(await ids()).toEqual(whole.edges.map((e) => e.id));
      } finally {
        vi.unstubAllEnvs();
      }
    });
  });
});
