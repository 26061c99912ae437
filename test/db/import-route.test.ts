// POST /api/import as the /import form uses it: a refused file answers 4xx before anything is
// written; an accepted one answers 200 and streams NDJSON progress lines, ending with the
// summary, or with the error that undid the whole import. Without Accept: application/x-ndjson
// the answer is one JSON summary (scripts).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));
const cache = vi.hoisted(() => ({ revalidations: 0, afterCallbacks: [] as (() => unknown)[] }));
vi.mock('next/cache', () => ({ revalidatePath: () => void (cache.revalidations += 1) }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: (fn: () => unknown) => void cache.afterCallbacks.push(fn) }));

import { generateNetwork } from '../../bench/generate-network';
import { POST } from '../../app/api/import/route';
import { getDb } from '../../lib/db/client';
import { setRevisionFaultForTests } from '../../lib/data/revisions';
import type { ImportStreamLine } from '../../lib/validation/import-file';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

function post(body: BodyInit, { query = 'format=powermap&fileName=network.json', stream = true, headers = {} as Record<string, string> } = {}) {
  return POST(
    new Request(`http://powermap.test/api/import?${query}`, {
      method: 'POST',
      headers: { host: 'powermap.test', origin: 'http://powermap.test', ...(stream ? { accept: 'application/x-ndjson' } : {}), ...headers },
      body,
    }),
  );
}

async function lines(response: Response): Promise<ImportStreamLine[]> {
  return (await response.text())
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ImportStreamLine);
}

describe.skipIf(!available)(`POST /api/import on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    const db = await getDb();
    const user = await db.user.create({ data: { name: 'Route analyst', email: 'route-analyst@example.test', role: 'analyst' } });
    auth.principal = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
  });

  afterEach(() => {
    setRevisionFaultForTests(null);
    cache.revalidations = 0;
    cache.afterCallbacks = [];
  });

  it('streams progress while it writes, then the summary, and invalidates cached pages after', async () => {
    const response = await post(JSON.stringify(generateNetwork(1200, 2600)));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('cache-control')).toContain('no-transform');
    const all = await lines(response);
    const progress = all.flatMap((l) => ('progress' in l ? [l.progress] : []));
    expect(progress.filter((p) => p.step === 'ties').map((p) => p.done)).toEqual([0, 500, 1000, 1500, 2000, 2500, 2600]);
    expect(progress.at(-1)).toMatchObject({ step: 'summaries' });
    const last = all.at(-1)!;
    expect('result' in last && last.result.counts.ties).toEqual({ created: 2600, updated: 0, unchanged: 0 });
    expect(all.filter((l) => 'result' in l || 'error' in l)).toHaveLength(1);
    // The pages are invalidated once the response is done (Next.js runs `after` then).
    expect(cache.afterCallbacks).toHaveLength(1);
    await cache.afterCallbacks[0]!();
    expect(cache.revalidations).toBe(1);
  });

  it('refuses an invalid document with 400 and its reasons before streaming, writing nothing', async () => {
    const before = await dbFingerprint();
    const doc = { sources: [], actors: [{ slug: 'half-written', name: 'Half', kind: 'person', faction: 'other' }], ties: [{ id: 'bad', source: 'half-written', target: 'nobody', type: 'leads', claims: [] }] };
    const response = await post(JSON.stringify(doc));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'invalid' });
    expect(body.error.message).toMatch(/Unknown actor "nobody"/);
    expect(await dbFingerprint()).toBe(before);
    expect(cache.afterCallbacks).toEqual([]);
  });

  it('refuses a body larger than the limit from its length, before reading it', async () => {
    const response = await post('{}', { headers: { 'content-length': String(51 * 1024 * 1024) } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('The file is larger than 50 MB');
  });

  it('refuses a million-element list with 400 and the limit in words, not a stack overflow', async () => {
    const before = await dbFingerprint();
    const response = await post(JSON.stringify({ sources: [], actors: Array.from({ length: 1_000_000 }, () => ({})), ties: [] }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual(expect.objectContaining({ code: 'invalid' }));
    expect(body.error.message).toContain('actors: At most 100,000 actors in one file (this one has 1,000,000): split it into several imports');
    expect(await dbFingerprint()).toBe(before);
  });

  it('refuses a streamed body past 50 MB that declares no length, saying the limit', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 51) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await POST(
      new Request('http://powermap.test/api/import?format=powermap&fileName=big.json', {
        method: 'POST',
        headers: { host: 'powermap.test', origin: 'http://powermap.test' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('The file is larger than 50 MB');
    expect(sent).toBeLessThanOrEqual(52);
  });

  it('ends the stream with the error when writing fails, and nothing is written', async () => {
    const doc = generateNetwork(1200, 2600, 9);
    for (const a of doc.actors) a.slug = `late-${a.slug}`;
    for (const t of doc.ties) Object.assign(t, { id: `late-${t.id}`, source: `late-${t.source}`, target: `late-${t.target}`, claims: t.claims.map((c) => ({ ...c, id: `late-${c.id}` })) });
    const before = await dbFingerprint();
    let revisionWrites = 0;
    setRevisionFaultForTests(() => {
      if (++revisionWrites === 8) throw new Error('injected fault while writing');
    });
    const response = await post(JSON.stringify(doc));
    expect(response.status).toBe(200);
    const all = await lines(response);
    expect(all.some((l) => 'progress' in l && l.progress.done > 0)).toBe(true);
    expect(all.at(-1)).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server' } });
    expect(await dbFingerprint()).toBe(before);
    await Promise.all(cache.afterCallbacks.map((fn) => fn()));
    expect(cache.revalidations).toBe(0);
  });

  it('answers one JSON summary to a client that does not ask for a stream', async () => {
    const doc = { sources: [], actors: [{ slug: 'script-made', name: 'Made by a script', kind: 'group', faction: 'other' }], ties: [] };
    const response = await post(JSON.stringify(doc), { stream: false });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { counts: { actors: unknown } } }).result.counts.actors).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(cache.revalidations).toBe(1);
  });

  it('previews with preview=1: what the import would do, writing nothing and invalidating nothing', async () => {
    const before = await dbFingerprint();
    const ftm = [
      { id: 'route-p1', schema: 'Person', caption: 'Roman ROUTEV', properties: {} },
      { id: 'route-c1', schema: 'Company', caption: 'Route LLC', properties: {} },
      { id: 'route-d1', schema: 'Directorship', properties: { director: ['route-p1'], organization: ['route-c1'] } },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const response = await post(ftm, { query: 'format=ftm&fileName=route.jsonl&preview=1' });
    expect(response.status).toBe(200);
    const { preview } = (await response.json()) as { preview: import('../../lib/validation/import-file').ImportPreview };
    expect(preview).toMatchObject({ format: 'ftm', actors: { create: 2, update: 0 }, ties: { create: 1, update: 0 }, ftm: { schemas: { Person: 1, Company: 1, Directorship: 1 } } });
    expect(await dbFingerprint()).toBe(before);
    expect(cache.revalidations).toBe(0);
    expect((await post(ftm, { query: 'format=ftm&fileName=route.jsonl&preview=yes' })).status).toBe(400);
  });

  it('refuses a file that is not UTF-8 with 400, and reads UTF-16 with its byte-order mark', async () => {
    const before = await dbFingerprint();
    const doc = { sources: [], actors: [{ slug: 'encoded-actor', name: 'Łukašenka Ŭ', kind: 'person', faction: 'other' }], ties: [] };
    const latin1 = Buffer.from(JSON.stringify({ ...doc, actors: [{ ...doc.actors[0], name: 'Caf\u00e9' }] }), 'latin1');
    const refused = await post(latin1, { stream: false });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/not UTF-8/);
    const utf16NoBom = Buffer.from(JSON.stringify(doc), 'utf16le');
    expect((await post(utf16NoBom, { stream: false })).status).toBe(400);
    expect(await dbFingerprint()).toBe(before);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(doc), 'utf16le')]);
    expect((await post(utf16, { stream: false })).status).toBe(200);
    const db = await getDb();
    expect((await db.actor.findUniqueOrThrow({ where: { slug: 'encoded-actor' } })).name).toBe('Łukašenka Ŭ');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ ...doc, actors: [{ ...doc.actors[0], slug: 'bom-actor' }] }))]);
    expect((await post(bom, { stream: false })).status).toBe(200);
  });
});
