// What reaches a published embed: stripForEmbed keeps what the frame draws and nothing the read
// path marks internal (note counts), nor places or highlights of what the frame does not draw, nor
// any field the document does not declare. And the origin list the admin sets: origins only.
import { describe, expect, it } from 'vitest';
import { EMBED_FORMAT, embedPath, frameDateWords, recordPath, stripForEmbed, type EmbedDocument, type EmbedFrame } from '../../lib/graph/embed-snapshot';
import { encodeMapPayload } from '../../lib/graph/map-payload';
import { buildView } from '../../lib/graph/build-view';
import { embedOriginListSchema, embedOriginsInput, embedRouteSchema, frameAncestors, normaliseOrigin, originLines, updateEmbedOriginsSchema } from '../../lib/validation/embeds';
import { miniNetwork } from './fixtures/mini-network';

const view = buildView(miniNetwork, { showEnded: true, hops: 1 });
const payload = encodeMapPayload({ mode: 'view', revision: 3, asOf: '2021-01-01', graph: view });
const [firstTie] = view.edges;
const [firstActor] = view.nodes;

function frame(overrides: Partial<EmbedFrame> = {}): EmbedFrame {
  return {
    caption: 'The crackdown begins',
    params: { asOf: '2021-01-01' },
    // An analyst's read path counts internal notes: 5 on every tie.
    payload: { ...payload, ties: { ...payload.ties, notes: payload.ties.notes.map(() => 5) } },
    positions: { [firstActor!.id]: [1, 2], 'actor:not-drawn-here': [3, 4] },
    camera: { zoom: 1, pan: { x: 0, y: 0 } },
    highlight: { actors: [firstActor!.slug, 'not-drawn-here'], ties: [firstTie!.tieId, 'deleted-tie'] },
    ties: [
      { id: firstTie!.tieId, type: firstTie!.type, source: { slug: 'a', name: 'A' }, target: { slug: 'b', name: 'B' }, grade: 'B2', claimCount: 2 },
      { id: 'other-tie', type: 'leads', source: { slug: 'c', name: 'C' }, target: { slug: 'd', name: 'D' }, grade: null, claimCount: 0 },
    ],
    actors: { [firstActor!.slug]: firstActor!.label, 'not-drawn-here': 'Hidden Person' },
    dropped: [],
    ...overrides,
  };
}

const doc = (frames: EmbedFrame[]): EmbedDocument => ({
  format: EMBED_FORMAT, kind: 'story', id: 's1', title: 'Story', description: 'd', ownerName: 'Olga', publishedAt: '2026-12-01T00:00:00.000Z', version: 2, link: '/elsewhere', frames,
});

describe('stripForEmbed', () => {
  it('zeroes note counts, which count internal notes for analysts', () => {
    const stripped = stripForEmbed(doc([frame()]));
    expect(stripped.frames[0]!.payload.ties.notes.length).toBe(view.edges.length);
    expect(stripped.frames[0]!.payload.ties.notes.every((n) => n === 0)).toBe(true);
    // What is drawn is kept.
    expect(stripped.frames[0]!.payload.ties.id).toEqual(payload.ties.id);
    expect(stripped.frames[0]!.payload.actors.slug).toEqual(payload.actors.slug);
  });

  it('keeps places, highlights and evidence of drawn elements only', () => {
    const [stripped] = stripForEmbed(doc([frame()])).frames;
    expect(Object.keys(stripped!.positions)).toEqual([firstActor!.id]);
    expect(stripped!.highlight).toEqual({ actors: [firstActor!.slug], ties: [firstTie!.tieId] });
    expect(stripped!.ties.map((t) => t.id)).toEqual([firstTie!.tieId]);
    expect(stripped!.actors).toEqual({ [firstActor!.slug]: firstActor!.label });
    expect(JSON.stringify(stripped)).not.toContain('Hidden Person');
  });

  it('carries only the declared fields, and links to the record itself', () => {
    const extra = { ...doc([{ ...frame(), secret: 'internal note text' } as EmbedFrame]), internalNotes: ['internal note text'] } as EmbedDocument;
    const stripped = stripForEmbed(extra);
    expect(JSON.stringify(stripped)).not.toContain('internal note text');
    expect(stripped.link).toBe('/stories/s1/present');
    expect(Object.keys(stripped).sort()).toEqual(['description', 'format', 'frames', 'id', 'kind', 'link', 'ownerName', 'publishedAt', 'title', 'version']);
  });

  it('names embed and record paths', () => {
    expect(embedPath('view', 'a b')).toBe('/embed/views/a%20b');
    expect(embedPath('story', 'x')).toBe('/embed/stories/x');
    expect(recordPath('view', 'v1')).toBe('/views/v1');
  });
});

describe('the embed origin list', () => {
  it('takes origins and writes them as CSP compares them', () => {
    expect(embedOriginListSchema.parse(['https://News.Example.org/', 'http://127.0.0.1:3223', 'https://*.example.org:8443', 'https://a.example:443', 'http://[::1]:8080']))
      .toEqual(['https://news.example.org', 'http://127.0.0.1:3223', 'https://*.example.org:8443', 'https://a.example', 'http://[::1]:8080']);
    expect(normaliseOrigin(' HTTPS://X.ORG ')).toBe('https://x.org');
  });

  it('keeps each origin once', () => {
    expect(embedOriginListSchema.parse(['https://x.org', 'https://X.org/', 'https://x.org:443'])).toEqual(['https://x.org']);
  });

  it.each([
    ['*'],
    ["'self'"],
    ["'none'"],
    ['https:'],
    ['https://x.org/path'],
    ['https://x.org?q=1'],
    ['https://x.org; script-src *'],
    ['https://x.org https://y.org'],
    ['javascript://x.org'],
    ['ftp://x.org'],
    ['x.org'],
    ['https://user@x.org'],
    ['https://x.org:99999'],
    ['https://*'],
    ['https://a.*.org'],
    [''],
  ])('refuses %j, saying what an origin is', (raw) => {
    const result = embedOriginListSchema.safeParse([raw]);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/origin|port/i);
  });

  it('holds at most 50 and needs a version', () => {
    const many = Array.from({ length: 51 }, (_, i) => `https://s${i}.example.org`);
    expect(embedOriginListSchema.safeParse(many).success).toBe(false);
    expect(updateEmbedOriginsSchema.safeParse({ origins: [] }).success).toBe(false);
    expect(updateEmbedOriginsSchema.parse({ version: 0, origins: [] })).toEqual({ version: 0, origins: [] });
  });

  it('reads the form one origin a line and writes frame-ancestors', () => {
    expect(originLines('https://a.org\n\n  https://b.org , https://c.org\r\n')).toEqual(['https://a.org', 'https://b.org', 'https://c.org']);
    expect(frameAncestors([])).toBe("'none'");
    expect(frameAncestors(['https://a.org', 'http://127.0.0.1:3223'])).toBe('https://a.org http://127.0.0.1:3223');
  });
});

describe('frameDateWords', () => {
  it('names the day a frame shows, the publication day when the view had none', () => {
    expect(frameDateWords({ params: { asOf: '2020-09-01' }, payload })).toBe('1 Sep 2020');
    expect(frameDateWords({ params: {}, payload })).toBe('1 Jan 2021');
    expect(frameDateWords({ params: { compare: '2019-01-01..2020-08-10', known: '2021-02-01' }, payload })).toBe('1 Jan 2019 compared with 10 Aug 2020, as known on 1 Feb 2021');
  });
});

describe('the embed forms and route', () => {
  it('reads the admin form and the route address', () => {
    const fd = new Map<string, unknown>([['version', '3'], ['origins', 'https://a.org\nhttps://b.org']]);
    expect(embedOriginsInput(fd)).toEqual({ version: 3, origins: ['https://a.org', 'https://b.org'] });
    expect(embedOriginsInput(new Map())).toEqual({ version: undefined, origins: [] });
    expect(embedRouteSchema.parse({ kind: 'stories', id: 'abc' })).toEqual({ kind: 'story', id: 'abc' });
    expect(embedRouteSchema.safeParse({ kind: 'actors', id: 'abc' }).success).toBe(false);
  });
});
