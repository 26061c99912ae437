// The Belarus seed loads, validates, is idempotent, and holds what the article and the facts say.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { loadSeed, SEED_FILE } from '../../lib/data/seed';
import { importDocumentSchema } from '../../lib/validation/import-document';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';
import { dbFingerprint } from '../support/db-fingerprint';

const available = await databaseAvailable();
const ARTICLE = fileURLToPath(new URL('../../../shared/sources/slow-invasion-of-belarus.txt', import.meta.url));
if (!existsSync(ARTICLE)) console.warn(`Skipping the article-quote check: ${ARTICLE} is absent (it lives in ../shared, outside the project)`);

const ARTICLE_ACTORS = [
  'alexander-lukashenko', 'nikolai-karpenkov', 'ivan-kubrakov', 'ivan-tertel', 'boris-gryzlov', 'vladimir-makei',
  'sviatlana-tsikhanouskaya', 'kgb-belarus', 'gubopik', 'ministry-of-internal-affairs-belarus', 'vladimir-putin',
  'russian-state', 'russian-intelligence-services', 'siloviki', 'wagner-group', 'yevgeny-prigozhin', 'roman-protasevich',
  'ryanair-flight-4978', 'union-state', 'all-belarusian-peoples-assembly', 'boris-yeltsin', 'european-union', 'nato',
  'ukraine', 'belarusian-opposition', 'andrei-parshyn', 'valery-vakulchik', 'belarus-2020-presidential-election',
  'belarus-2020-protests', 'belarus-2022-constitutional-referendum', 'wagner-mutiny-2023',
];

const MANDATORY_TIES = [
  'lukashenko-leads-belarus', 'tertel-leads-kgb', 'vakulchik-leads-kgb', 'karpenkov-leads-gubopik', 'karpenkov-holds-position-mvd',
  'parshyn-leads-gubopik', 'kubrakov-leads-mvd', 'gubopik-subordinate-to-mvd', 'gryzlov-represents-russia-in-belarus',
  'tsikhanouskaya-leads-belarusian-opposition', 'tsikhanouskaya-opposes-lukashenko', 'prigozhin-leads-wagner-group',
  'wagner-group-participated-in-wagner-mutiny-2023', 'lukashenko-leads-union-state', 'lukashenko-leads-all-belarusian-peoples-assembly',
  'putin-leads-russian-state', 'protasevich-participated-in-ryanair-flight-4978',
];

describe('the seed document', () => {
  it('passes the same validation as any import', () => {
    const result = importDocumentSchema.safeParse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
    expect(result.success ? 'valid' : result.error.issues.slice(0, 3)).toBe('valid');
  });

  it('grades a claim 1 ("confirmed by another source") only where two independent sources back the same tie or fact', () => {
    const doc = importDocumentSchema.parse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
    // Two pages from the same publisher are one source for this purpose; the article has no publisher.
    const outlet = new Map(doc.sources.map((s) => [s.id, s.publisher || s.id]));
    const outletsOf = (claims: readonly { source: string; stance: string }[]) =>
      new Set(claims.filter((c) => c.stance === 'supports').map((c) => outlet.get(c.source)));
    const unconfirmed: string[] = [];
    for (const tie of doc.ties) {
      const outlets = outletsOf(tie.claims);
      for (const c of tie.claims) if (c.credibility === 1 && outlets.size < 2) unconfirmed.push(c.id);
    }
    for (const actor of doc.actors) {
      for (const c of actor.claims) {
        const outlets = outletsOf(actor.claims.filter((o) => o.fact === c.fact));
        if (c.credibility === 1 && outlets.size < 2) unconfirmed.push(c.id);
      }
    }
    expect(unconfirmed).toEqual([]);
  });

  it('gives every Cyrillic name a name claim of its actor that prints it, except the forms no source gives', () => {
    const doc = importDocumentSchema.parse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
    // Derived in the facts file, UNCONFIRMED there, and the Russian word the article transliterates (seed/README.md, "Names").
    const unsourced = new Set(['Мікалай Карпянкоў', 'Владимир Владимирович Путин', 'силовики']);
    const missing: string[] = [];
    for (const actor of doc.actors) {
      const printed = actor.claims.filter((c) => c.fact === 'name').map((c) => c.quote.toLowerCase()).join(' ');
      for (const { name, script } of actor.names) {
        if (script !== 'Cyrl' || unsourced.has(name)) continue;
        const words = name.toLowerCase().match(/[\p{L}]+/gu) ?? [];
        if (!words.every((w) => printed.includes(w))) missing.push(`${actor.slug}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    // The listed exceptions are honest about what they are: a derived form is never official.
    const karpenkov = doc.actors.find((a) => a.slug === 'nikolai-karpenkov');
    expect(karpenkov?.names.find((n) => n.name === 'Мікалай Карпянкоў')?.kind).toBe('transliteration');
  });
});

describe.skipIf(!available)(`the seed on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await dbFingerprint();
    const summary = await loadSeed();
    for (const counts of Object.values(summary)) {
      expect(counts.created + counts.updated).toBe(0);
    }
    expect(await dbFingerprint()).toBe(before);
  });

  it('holds every actor the article names', async () => {
    const db = await getDb();
    const slugs = (await db.actor.findMany({ select: { slug: true } })).map((a) => a.slug);
    expect(slugs).toEqual(expect.arrayContaining(ARTICLE_ACTORS));
  });

  it('holds every mandatory tie, each with a claim', async () => {
    const db = await getDb();
    const ties = await db.tie.findMany({ where: { id: { in: MANDATORY_TIES } }, include: { _count: { select: { claims: true } } } });
    expect(ties.map((t) => t.id).sort()).toEqual([...MANDATORY_TIES].sort());
    for (const tie of ties) expect(tie._count.claims, tie.id).toBeGreaterThan(0);
  });

  it('quotes the article for the ties it asserts', async () => {
    const db = await getDb();
    const quoted = await db.claim.count({ where: { sourceId: 'slow-invasion-article', tieId: { not: null } } });
    expect(quoted).toBeGreaterThanOrEqual(20);
  });

  it.skipIf(!existsSync(ARTICLE))('quotes only sentences that are in the article (needs ../shared/sources)', async () => {
    const db = await getDb();
    const article = readFileSync(ARTICLE, 'utf8');
    const claims = await db.claim.findMany({ where: { sourceId: 'slow-invasion-article' } });
    const squash = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').replace(/…|\.\.\./g, '');
    for (const claim of claims) {
      for (const piece of claim.quote.split(/…|\.\.\./).map((p) => p.trim()).filter((p) => p.length > 12)) {
        expect(squash(article).includes(squash(piece)), `quote of ${claim.id} not in the article: ${piece}`).toBe(true);
      }
    }
  });

  it('keeps both sides of the Karpenkov–GUBOPiK dispute', async () => {
    const db = await getDb();
    const tie = await db.tie.findUniqueOrThrow({ where: { id: 'karpenkov-leads-gubopik' }, include: { claims: true } });
    expect(tie.endDate).toBe('2020-11-19');
    const article = tie.claims.find((c) => c.sourceId === 'slow-invasion-article');
    const dated = tie.claims.find((c) => c.sourceId !== 'slow-invasion-article' && c.statedEndDate === '2020-11-19');
    expect(article?.statedCurrent).toBe(true);
    expect(article?.status).toBe('disputed');
    expect(dated).toBeDefined();
  });

  it('does not call a tie disputed when its claims agree about it', async () => {
    const db = await getDb();
    const ties = await db.tie.findMany({
      where: { id: { in: [
        'karpenkov-participated-in-belarus-2020-protests', // single incidents, dated "as of", are not the tie's start
        'lukashenko-supports-russian-nuclear-weapons-in-belarus-2023',
        'tertel-leads-state-control-committee', // "still current" in a page published before the 3 Sep 2020 end
        'karpenkov-leads-gubopik', // the 2023 article's "heads" against the 2020 decree: a real dispute
      ] } },
      select: { id: true, disputed: true },
    });
    expect(Object.fromEntries(ties.map((t) => [t.id, t.disputed]))).toEqual({
      'karpenkov-participated-in-belarus-2020-protests': false,
      'lukashenko-supports-russian-nuclear-weapons-in-belarus-2023': false,
      'tertel-leads-state-control-committee': false,
      'karpenkov-leads-gubopik': true,
    });
  });

  it('finds Lukashenko by his names in several scripts', async () => {
    const db = await getDb();
    const names = await db.actorName.findMany({ where: { actor: { slug: 'alexander-lukashenko' } } });
    const all = names.map((n) => n.name).join(' | ');
    expect(all).toContain('Лукашэнка');
    expect(all).toContain('Лукашенко');
    expect(all).toContain('Lukashenka');
  });

  it.each([
    ['Вакульчик', 'valery-vakulchik'],
    ['Караев', 'yury-karayeu'],
    ['Кубракоў', 'ivan-kubrakov'],
    ['МВД', 'ministry-of-internal-affairs-belarus'],
    ['МУС', 'ministry-of-internal-affairs-belarus'],
    ['Уткин', 'dmitry-utkin'],
    ['Внутренние войска', 'internal-troops-belarus'],
  ])('holds the source-given Cyrillic name %s for %s', async (name, slug) => {
    const db = await getDb();
    const names = await db.actorName.findMany({ where: { name: { contains: name } }, select: { actor: { select: { slug: true } } } });
    expect(names.map((n) => n.actor.slug)).toContain(slug);
  });

  it('wrote one creation revision for every record it loaded', async () => {
    const db = await getDb();
    const [actors, ties, sources, claims, revisions] = await Promise.all([
      db.actor.count(), db.tie.count(), db.source.count(), db.claim.count(), db.revision.count({ where: { action: 'create', origin: 'seed' } }),
    ]);
    expect(revisions).toBe(actors + ties + sources + claims);
  });
});
