// GET /api/actors/{slug}, /api/ties/{id} and /api/sources/{id} send the record's version in the
// body and as its ETag, and that ETag is exactly what PATCH takes in If-Match; a stale one is
// refused. Every JSON read says how it may be cached (private, asked again on every use).
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

import * as actorRoute from '../../app/api/actors/[slug]/route';
import * as actorsRoute from '../../app/api/actors/route';
import * as graphRoute from '../../app/api/graph/route';
import * as graphTieRoute from '../../app/api/graph/ties/[id]/route';
import * as healthRoute from '../../app/api/health/route';
import * as sourceRoute from '../../app/api/sources/[id]/route';
import * as sourcesRoute from '../../app/api/sources/route';
import * as tieRoute from '../../app/api/ties/[id]/route';
import { getDb } from '../../lib/db/client';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const ORIGIN = 'http://powermap.test';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (handler: unknown, method: string, path: string, params: Record<string, string> = {}, init: { body?: unknown; ifMatch?: string } = {}) =>
  (handler as Handler)(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers: {
        host: 'powermap.test',
        origin: ORIGIN,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.ifMatch ? { 'if-match': init.ifMatch } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    }),
    { params: Promise.resolve(params) },
  );

const RECORDS: { name: string; route: { GET: unknown; PATCH: unknown }; path: string; params: Record<string, string>; change: object }[] = [
  { name: 'actor', route: actorRoute, path: '/api/actors/nikolai-karpenkov', params: { slug: 'nikolai-karpenkov' }, change: { summary: 'Changed through the ETag it was read with' } },
  { name: 'tie', route: tieRoute, path: '/api/ties/karpenkov-leads-gubopik', params: { id: 'karpenkov-leads-gubopik' }, change: { role: 'Head (changed through its ETag)' } },
  { name: 'source', route: sourceRoute, path: '' /* set from the seed */, params: { id: '' }, change: { notes: 'Assessed again through its ETag' } },
];

describe.skipIf(!available)(`ETags and caching of JSON reads on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const user = await db.user.create({ data: { name: 'Etag analyst', email: 'etag-analyst@example.test', role: 'analyst' } });
    auth.principal = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
    // Any live source of the seed will do for the source's round trip.
    const source = await db.source.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: 'asc' } });
    RECORDS[2]!.params.id = source.id;
    RECORDS[2]!.path = `/api/sources/${source.id}`;
  });

  for (const record of RECORDS) {
    it(`GET ${record.name} sends its version as the ETag that PATCH takes in If-Match, and a stale one is refused`, async () => {
      const read = await call(record.route.GET, 'GET', record.path, record.params);
      expect(read.status).toBe(200);
      const body = (await read.json()) as { version: number };
      expect(body.version).toBeGreaterThanOrEqual(1);
      const tag = read.headers.get('etag');
      expect(tag).toBe(`"${body.version}"`);
      expect(read.headers.get('cache-control')).toBe('private, no-cache');
      expect(read.headers.get('vary')).toContain('Authorization');

      const patched = await call(record.route.PATCH, 'PATCH', record.path, record.params, { body: { ...record.change, reason: 'ETag round trip' }, ifMatch: tag! });
      expect(patched.status).toBe(200);
      expect(patched.headers.get('etag')).toBe(`"${body.version + 1}"`);

      const again = await call(record.route.GET, 'GET', record.path, record.params);
      expect(again.headers.get('etag')).toBe(`"${body.version + 1}"`);
      expect(((await again.json()) as { version: number }).version).toBe(body.version + 1);

      const stale = await call(record.route.PATCH, 'PATCH', record.path, record.params, { body: { ...record.change, reason: 'stale' }, ifMatch: tag! });
      expect(stale.status).toBe(412);
    });
  }

  it('says how every JSON read may be cached: private and asked again on each use; health never stored', async () => {
    auth.principal = ANONYMOUS;
    const reads: [unknown, string, Record<string, string>][] = [
      [actorsRoute.GET, '/api/actors?q=karp', {}],
      [sourcesRoute.GET, '/api/sources', {}],
      [graphRoute.GET, '/api/graph?focus=nikolai-karpenkov', {}],
      [graphTieRoute.GET, '/api/graph/ties/karpenkov-leads-gubopik', { id: 'karpenkov-leads-gubopik' }],
    ];
    for (const [handler, path, params] of reads) {
      const response = await call(handler, 'GET', path, params);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('private, no-cache');
      expect(response.headers.get('vary'), path).toBe('Cookie, Authorization');
    }
    const health = await call(healthRoute.GET, 'GET', '/api/health');
    expect(health.headers.get('cache-control')).toBe('no-store');
  });
});
