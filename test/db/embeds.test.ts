// Published embeds in the database: only a public view or story is published, by its owner (or an
// admin) with the analyst role; the snapshot is frozen (a tie changed after publishing leaves it as
// it was until it is published again), holds no internal note and nothing the public map does not
// show; unpublishing, making the view private or deleting it takes the embed down. And the admin's
// list of origins allowed to frame embeds, validated, versioned and recorded in history.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { findEmbedOriginsSetting, getEmbedOrigins, updateEmbedOrigins } from '../../lib/data/embeds/embed-origins';
import { publishEmbed, unpublishEmbed } from '../../lib/data/embeds/publish-embed';
import { findEmbedStatus, findPublishedEmbedTitle, getPublishedEmbed } from '../../lib/data/embeds/read-embed';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { createNote } from '../../lib/data/notes/write-note';
import { updateTie } from '../../lib/data/ties/write-tie';
import { createSavedView, deleteSavedView, updateSavedView } from '../../lib/data/views/write-saved-view';
import { addStoryStep, createStory, updateStory } from '../../lib/data/stories/write-story';
import { findWorkHistory } from '../../lib/data/views/work-history';
import { decodeMapPayload } from '../../lib/graph/map-payload';
import type { EmbedDocument } from '../../lib/graph/embed-snapshot';
import { GET } from '../../app/api/embed/[kind]/[id]/route';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';
import { makeUser } from '../support/test-users';

const available = await databaseAvailable();
const state = (params: Record<string, string>) => ({ schemaVersion: 1, params });
const FOCUS = 'alexander-lukashenko';

describe.skipIf(!available)(`published embeds on ${TEST_KIND}`, () => {
  let owner: Principal;
  let other: Principal;
  let viewer: Principal;
  let admin: Principal;
  let tieId: string;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    owner = await makeUser('analyst', 'Olga Owner');
    other = await makeUser('analyst', 'Pavel Other');
    viewer = await makeUser('viewer', 'Vera Viewer');
    admin = await makeUser('admin', 'Ada Admin');
    const focus = await db.actor.findUniqueOrThrow({ where: { slug: FOCUS } });
    const tie = await db.tie.findFirstOrThrow({ where: { deletedAt: null, OR: [{ sourceId: focus.id }, { targetId: focus.id }] }, orderBy: { id: 'asc' } });
    tieId = tie.id;
    await createNote(owner, { tie: tieId, body: 'INTERNAL-NOTE-TEXT only analysts read this', visibility: 'internal' });
  });

  const view = (visibility: 'private' | 'public', params: Record<string, string> = { asOf: '2021-01-01', focus: FOCUS }) =>
    createSavedView(owner, { title: `A ${visibility} view`, visibility, state: state(params), positions: { [`actor:${FOCUS}`]: [5, 6], 'actor:nobody-here': [1, 1] } });
  const doc = async (kind: 'view' | 'story', id: string) => JSON.parse((await getPublishedEmbed(kind, id)).body) as EmbedDocument;

  it('publishes a public view as its cut payload, with no internal notes', async () => {
    const { id } = await view('public');
    const status = await publishEmbed(owner, { kind: 'view', id });
    expect(status).toMatchObject({ kind: 'view', id, version: 1, publishedByName: 'Olga Owner' });
    const published = await getPublishedEmbed('view', id);
    expect(published.etag).toMatch(/^"[\w-]{27}"$/);
    const body = JSON.parse(published.body) as EmbedDocument;
    expect(body).toMatchObject({ kind: 'view', id, title: 'A public view', link: `/views/${id}`, version: 1 });
    const decoded = decodeMapPayload(body.frames[0]!.payload);
    expect(decoded.mode).toBe('view');
    expect(decoded.graph.nodes.map((n) => n.slug)).toContain(FOCUS);
    expect(decoded.graph.edges.map((e) => e.tieId)).toContain(tieId);
    // The read path counts the internal note for analysts; the embed carries no note count at all.
    expect(decoded.graph.edges.every((e) => e.noteCount === 0)).toBe(true);
    expect(published.body).not.toContain('INTERNAL-NOTE-TEXT');
    expect(Object.keys(body.frames[0]!.positions)).toEqual([`actor:${FOCUS}`]);
    expect(await findEmbedStatus(owner, 'view', id)).toMatchObject({ version: 1 });
  });

  it('refuses to publish what is not public, or not for this publisher, and leaves nothing published', async () => {
    const { id } = await view('private');
    await expect(publishEmbed(owner, { kind: 'view', id })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/public/) });
    const open = await view('public');
    await expect(publishEmbed(other, { kind: 'view', id: open.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publishEmbed(viewer, { kind: 'view', id: open.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publishEmbed(ANONYMOUS, { kind: 'view', id: open.id })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(publishEmbed(owner, { kind: 'movie', id: open.id })).rejects.toMatchObject({ code: 'invalid' });
    await expect(getPublishedEmbed('view', id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPublishedEmbed('view', open.id)).rejects.toMatchObject({ code: 'not_found' });
    // An admin keeps order: they may publish anyone's public view.
    expect(await publishEmbed(admin, { kind: 'view', id: open.id })).toMatchObject({ version: 1, publishedByName: 'Ada Admin' });
  });

  it('stays as published when a tie changes, until it is published again', async () => {
    const { id } = await view('public');
    await publishEmbed(owner, { kind: 'view', id });
    const before = await getPublishedEmbed('view', id);
    const db = await getDb();
    const tie = await db.tie.findUniqueOrThrow({ where: { id: tieId } });
    await updateTie(owner, tieId, { version: tie.version, role: 'Changed after publishing' });
    expect(await getPublishedEmbed('view', id)).toEqual(before);
    await publishEmbed(owner, { kind: 'view', id });
    const after = await getPublishedEmbed('view', id);
    expect(after.etag).not.toBe(before.etag);
    const edges = decodeMapPayload((JSON.parse(after.body) as EmbedDocument).frames[0]!.payload).graph.edges;
    expect(edges.find((e) => e.tieId === tieId)?.role).toBe('Changed after publishing');
    expect((JSON.parse(after.body) as EmbedDocument).version).toBe(2);
  });

  it('is taken down by unpublishing, by making the view private, and by deleting it', async () => {
    const a = await view('public');
    await publishEmbed(owner, { kind: 'view', id: a.id });
    await expect(unpublishEmbed(other, { kind: 'view', id: a.id })).rejects.toMatchObject({ code: 'forbidden' });
    await unpublishEmbed(owner, { kind: 'view', id: a.id });
    await expect(getPublishedEmbed('view', a.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await findEmbedStatus(owner, 'view', a.id)).toBeNull();
    await expect(unpublishEmbed(owner, { kind: 'view', id: a.id })).rejects.toMatchObject({ code: 'not_found' });

    const b = await view('public');
    await publishEmbed(owner, { kind: 'view', id: b.id });
    await updateSavedView(owner, b.id, { version: b.version, visibility: 'signed-in' });
    await expect(getPublishedEmbed('view', b.id)).rejects.toMatchObject({ code: 'not_found' });

    const c = await view('public');
    await publishEmbed(owner, { kind: 'view', id: c.id });
    await updateSavedView(owner, c.id, { version: c.version, title: 'Renamed, still public' });
    await getPublishedEmbed('view', c.id);
    await deleteSavedView(owner, c.id, { version: c.version + 1 });
    await expect(getPublishedEmbed('view', c.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it("records each publication and its taking down in the work's own history, with who did it", async () => {
    const a = await view('public');
    await publishEmbed(owner, { kind: 'view', id: a.id });
    await publishEmbed(admin, { kind: 'view', id: a.id });
    await unpublishEmbed(owner, { kind: 'view', id: a.id });
    const history = await findWorkHistory(owner, 'view', a.id);
    expect(history.map((r) => [r.action, r.version, r.author])).toEqual([
      ['unpublish', a.version, 'Olga Owner'],
      ['publish', a.version, 'Ada Admin'],
      ['publish', a.version, 'Olga Owner'],
      ['create', 1, 'Olga Owner'],
    ]);
    // A publication changes no field of the view, so no field is listed as changed.
    expect(history.slice(0, 3).every((r) => r.changes.length === 0)).toBe(true);
    // A refused publication records nothing.
    const closed = await view('private');
    await expect(publishEmbed(owner, { kind: 'view', id: closed.id })).rejects.toMatchObject({ code: 'invalid' });
    expect((await findWorkHistory(owner, 'view', closed.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('freezes a comparison of two dates as the map draws it: the later day, with the ties that ended between them', async () => {
    const compared = await view('public', { compare: '2019-06-01..2021-06-01', focus: 'ivan-tertel' });
    await publishEmbed(owner, { kind: 'view', id: compared.id });
    const frame = (await doc('view', compared.id)).frames[0]!;
    expect(frame.params.compare).toBe('2019-06-01..2021-06-01');
    const map = decodeMapPayload(frame.payload);
    expect(map.asOf).toBe('2021-06-01');
    // Tertel's KGB chairmanship (from September 2020) is in it, to be marked new.
    expect(map.graph.edges.map((e) => e.tieId)).toContain('tertel-leads-kgb');
  });

  it('publishes a public story with every step, its captions and the evidence of its highlights', async () => {
    const story = await createStory(owner, { title: 'The 2020 crackdown', visibility: 'public' });
    await expect(publishEmbed(owner, { kind: 'story', id: story.id })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/no steps/) });
    let version = story.version;
    for (const [i, asOf] of ['2020-08-09', '2020-11-01'].entries()) {
      const step = await addStoryStep(owner, story.id, {
        version, snapshot: { state: state({ asOf, focus: FOCUS }) }, caption: `Step ${i + 1}: see https://example.org/${i}`,
        actors: [FOCUS, 'no-such-actor'], ties: [tieId],
      });
      version = step.version;
    }
    await publishEmbed(owner, { kind: 'story', id: story.id });
    const body = await doc('story', story.id);
    expect(body.link).toBe(`/stories/${story.id}/present`);
    expect(body.frames.map((f) => f.caption)).toEqual(['Step 1: see https://example.org/0', 'Step 2: see https://example.org/1']);
    expect(body.frames.map((f) => f.params.asOf)).toEqual(['2020-08-09', '2020-11-01']);
    expect(body.frames[0]!.highlight).toEqual({ actors: [FOCUS], ties: [tieId] });
    expect(body.frames[0]!.ties).toEqual([expect.objectContaining({ id: tieId, claimCount: expect.any(Number) })]);
    expect(Object.keys(body.frames[0]!.actors)).toEqual([FOCUS]);
    // A later caption edit leaves the published story as it was.
    await updateStory(owner, story.id, { version, title: 'Renamed story' });
    expect((await doc('story', story.id)).title).toBe('The 2020 crackdown');
    await updateStory(owner, story.id, { version: version + 1, visibility: 'private' });
    await expect(getPublishedEmbed('story', story.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers GET /api/embed/… with the stored body and its ETag, and 304 while it is unchanged', async () => {
    const { id } = await view('public');
    await publishEmbed(owner, { kind: 'view', id });
    const get = (kind: string, key: string, headers: Record<string, string> = {}) =>
      GET(new Request(`http://powermap.test/api/embed/${kind}/${key}`, { headers }), { params: Promise.resolve({ kind, id: key }) });
    const first = await get('views', id);
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const etag = first.headers.get('etag')!;
    expect(await first.text()).toBe((await getPublishedEmbed('view', id)).body);
    const again = await get('views', id, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await get('views', id, { 'if-none-match': '"stale"' })).status).toBe(200);
    await publishEmbed(owner, { kind: 'view', id });
    expect((await get('views', id, { 'if-none-match': etag })).status).toBe(200);
    expect((await get('stories', id)).status).toBe(404);
    expect((await get('actors', id)).status).toBe(404);
    expect((await get('views', 'no-such-view')).status).toBe(404);
  });

  it('publishes and shows nothing on a site that requires sign-in', async () => {
    const { id } = await view('public');
    await publishEmbed(owner, { kind: 'view', id });
    process.env.POWERMAP_REQUIRE_SIGN_IN = '1';
    try {
      await expect(publishEmbed(owner, { kind: 'view', id })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/requires sign-in/) });
      await expect(getPublishedEmbed('view', id)).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(await findPublishedEmbedTitle('view', id)).toBeNull();
    } finally {
      delete process.env.POWERMAP_REQUIRE_SIGN_IN;
    }
    expect(await findPublishedEmbedTitle('view', id)).toBe('A public view');
  });

  describe('the origins allowed to frame embeds', () => {
    it('starts empty, is changed by admins only, and records each change', async () => {
      expect(await getEmbedOrigins()).toEqual([]);
      await expect(updateEmbedOrigins(owner, { version: 0, origins: ['https://news.example.org'] })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(findEmbedOriginsSetting(owner)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateEmbedOrigins(admin, { version: 0, origins: ['https://news.example.org/path'] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/not an origin/) });
      expect((await findEmbedOriginsSetting(admin)).version).toBe(0);

      expect(await updateEmbedOrigins(admin, { version: 0, origins: ['https://News.Example.org/', 'http://127.0.0.1:3223'] })).toEqual({ version: 1, origins: ['https://news.example.org', 'http://127.0.0.1:3223'] });
      expect(await getEmbedOrigins()).toEqual(['https://news.example.org', 'http://127.0.0.1:3223']);
      await expect(updateEmbedOrigins(admin, { version: 0, origins: [] })).rejects.toMatchObject({ code: 'conflict' });
      await updateEmbedOrigins(admin, { version: 1, origins: ['https://news.example.org'] });

      const setting = await findEmbedOriginsSetting(admin);
      expect(setting).toMatchObject({ version: 2, origins: ['https://news.example.org'] });
      expect(setting.history).toEqual([
        expect.objectContaining({ author: 'Ada Admin', before: ['https://news.example.org', 'http://127.0.0.1:3223'], after: ['https://news.example.org'] }),
        expect.objectContaining({ author: 'Ada Admin', before: [], after: ['https://news.example.org', 'http://127.0.0.1:3223'] }),
      ]);
    });
  });
});
