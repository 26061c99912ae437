// Journeys through actor profiles, tie pages, sources and the actor index, as an analyst would
// click them, on the Belarus seed.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

// The index lists every seeded actor; counted from the seed so that adding a sourced actor does not break it.
type SeedClaim = { source: string };
const SEED = JSON.parse(readFileSync(new URL('../seed/belarus.json', import.meta.url), 'utf8')) as {
  actors: { claims: SeedClaim[] }[];
  ties: { claims: SeedClaim[] }[];
};
const SEEDED_ACTORS = SEED.actors.length;
// Every claim the article supports, on ties and on actors; counted from the seed for the same reason.
const ARTICLE_CLAIMS = [...SEED.ties, ...SEED.actors].flatMap((r) => r.claims).filter((c) => c.source === 'slow-invasion-article').length;

const KARPENKOV = 'Nikolay Karpenkov';

/** The map is not wired to profiles yet, so journeys start where a person would search: the header. */
async function searchFromHeader(page: Page, text: string) {
  await page.goto('/');
  const search = page.getByRole('search').filter({ has: page.getByRole('searchbox', { name: 'Search actors' }) });
  await search.getByRole('searchbox', { name: 'Search actors' }).fill(text);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/actors\?q=/);
}

type CyHook = { $id: (id: string) => { emit: (event: string) => void; length: number } };

test.describe('an actor’s profile', () => {
  test('from the map: clicking Karpenkov’s node offers his profile', async ({ page }) => {
    await page.goto('/');
    // No fallback: a map that stops exposing window.__cy (or drops Karpenkov) fails here.
    await page.waitForFunction(() => Boolean((window as unknown as { __cy?: CyHook }).__cy?.$id('actor:nikolai-karpenkov').length), null, { timeout: 20_000 });
    // A block, not an arrow returning emit's collection: Playwright would serialise the whole live graph back.
    await page.evaluate(() => {
      (window as unknown as { __cy: CyHook }).__cy.$id('actor:nikolai-karpenkov').emit('tap');
    });
    await page.getByRole('link', { name: `Open ${KARPENKOV}’s profile` }).click();
    await expect(page).toHaveURL('/actors/nikolai-karpenkov');
    await expect(page.getByRole('heading', { level: 1, name: KARPENKOV })).toBeVisible();
  });

  test('Karpenkov: his post at the ministry with its date, GUBOPiK as past and disputed, his name in Cyrillic', async ({ page }) => {
    await searchFromHeader(page, 'Karpenkov');
    await page.getByRole('table').getByRole('link', { name: KARPENKOV }).click();

    await expect(page).toHaveURL('/actors/nikolai-karpenkov');
    await expect(page).toHaveTitle(`${KARPENKOV} · Powermap`);
    await expect(page.getByRole('heading', { level: 1, name: KARPENKOV })).toBeVisible();

    const positions = page.getByRole('region', { name: 'Posts held' });
    const mvdPost = positions.getByRole('listitem').filter({ hasText: 'Ministry of Internal Affairs of Belarus' });
    await expect(mvdPost).toContainText('19 Nov 2020 – present');
    await expect(mvdPost).toContainText('Deputy Minister and Commander of Internal Troops');
    await expect(mvdPost.getByRole('link', { name: 'Ministry of Internal Affairs of Belarus', exact: true })).toHaveAttribute(
      'href',
      '/actors/ministry-of-internal-affairs-belarus',
    );

    const ties = page.getByRole('region', { name: 'Ties' });
    const pastLeadership = ties.getByRole('list', { name: 'Leadership: past' });
    const gubopik = pastLeadership.getByRole('listitem').filter({ hasText: 'GUBOPiK' });
    await expect(gubopik).toContainText('Aug 2020 – 19 Nov 2020');
    await expect(gubopik).toContainText('Disputed');
    await expect(gubopik).toContainText('4 claims');
    await expect(gubopik.locator('.badge-grade')).toHaveText(/[A-F][1-6]/);
    await expect(ties.getByRole('list', { name: 'Leadership: current' })).not.toContainText('GUBOPiK');

    const names = page.getByRole('region', { name: 'Names' });
    await expect(names.getByText('Мікалай Карпянкоў')).toBeVisible();
    await expect(names.getByText('Карпенков Николай Николаевич')).toBeVisible();
    await expect(names.getByText('Mikalai Karpiankou')).toBeVisible();

    await expect(page.getByRole('region', { name: 'Sources' }).getByRole('link', { name: 'The Slow Invasion of Belarus' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Change history' })).toHaveAttribute('href', '/history/actor/nikolai-karpenkov');
    await expect(page.getByRole('link', { name: 'Open on the map' })).toHaveAttribute('href', '/?focus=nikolai-karpenkov');
  });

  test('onward to GUBOPiK, then to the tie with both claims side by side, then to the article’s claims', async ({ page }) => {
    await page.goto('/actors/nikolai-karpenkov');
    const ties = page.getByRole('region', { name: 'Ties' });
    await ties.getByRole('list', { name: 'Leadership: past' }).getByRole('link', { name: 'GUBOPiK', exact: true }).click();

    await expect(page).toHaveURL('/actors/gubopik');
    await expect(page.getByRole('heading', { level: 1, name: 'GUBOPiK' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Names' }).getByText('ГУБОПиК', { exact: true })).toBeVisible();
    const ledBy = page.getByRole('list', { name: 'Leadership: past' }).getByRole('listitem').filter({ hasText: KARPENKOV });
    await expect(ledBy).toContainText('led by');
    await ledBy.getByRole('link', { name: /4 claims/ }).click();

    await expect(page).toHaveURL('/ties/karpenkov-leads-gubopik');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${KARPENKOV} leads GUBOPiK`);
    const banner = page.getByRole('note').filter({ hasText: 'Disputed' });
    await expect(banner).toContainText('One source says the tie still holds; another says it ended 19 Nov 2020');

    const about = page.getByRole('region', { name: 'The tie' });
    await expect(about).toContainText('Aug 2020 – 19 Nov 2020');
    await expect(about).toContainText('Ended');
    await expect(about).toContainText('5 of 5');

    const stillHolds = page.locator('#claim-karpenkov-leads-gubopik-c1');
    const ended = page.locator('#claim-karpenkov-leads-gubopik-c2');
    await expect(stillHolds).toContainText('Says it still holds');
    await expect(stillHolds).toContainText('who heads both Belarus’s security forces');
    await expect(stillHolds).toContainText('Disputed');
    await expect(stillHolds).toContainText('5 · Improbable');
    await expect(ended).toContainText('Says it ended 19 Nov 2020');
    await expect(ended).toContainText('Decree No. 433');
    // Side by side on a laptop: the two claims share a row.
    const [a, b] = [await stillHolds.boundingBox(), await ended.boundingBox()];
    expect(a && b && Math.abs(a.y - b.y) < 4 && b.x > a.x + a.width - 1).toBe(true);

    await stillHolds.getByRole('link', { name: 'The Slow Invasion of Belarus' }).click();
    await expect(page).toHaveURL('/sources/slow-invasion-article');
    await expect(page.getByRole('heading', { level: 1, name: 'The Slow Invasion of Belarus' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'The source' })).toContainText('Kelly Alkhouli');
    await expect(page.getByRole('region', { name: 'The source' })).toContainText('C · Fairly reliable');
    const claim = page.locator('#claim-karpenkov-leads-gubopik-c1');
    await expect(claim).toContainText(`${KARPENKOV} leads GUBOPiK`);
    await expect(claim).toContainText('C5');
    await expect(page.getByRole('region', { name: 'Claims it supports' }).getByRole('article')).toHaveCount(ARTICLE_CLAIMS);
  });

  test('a cited claim’s address scrolls to it on the source and tie pages', async ({ page }) => {
    await page.goto('/sources/slow-invasion-article#claim-karpenkov-holds-position-mvd-c1');
    await expect(page.locator('#claim-karpenkov-holds-position-mvd-c1')).toBeInViewport();
    await page.locator('#claim-karpenkov-holds-position-mvd-c1').getByRole('link', { name: '(tie)' }).click();
    await expect(page).toHaveURL('/ties/karpenkov-holds-position-mvd#claim-karpenkov-holds-position-mvd-c1');
    await expect(page.locator('#claim-karpenkov-holds-position-mvd-c1')).toBeInViewport();
    await expect(page.getByRole('note').filter({ hasText: 'Disputed' })).toHaveCount(0);
  });

  test('the ego map opens a neighbour’s profile when it is clicked', async ({ page }) => {
    await page.goto('/actors/nikolai-karpenkov');
    // No fallback: a profile whose ego map stops exposing window.__egoCy fails here.
    await page.waitForFunction(() => Boolean((window as unknown as { __egoCy?: unknown }).__egoCy), null, { timeout: 15_000 });
    const neighbours = await page.evaluate(() => {
      const cy = (window as unknown as { __egoCy: { nodes: () => { map: <T>(f: (n: { id: () => string }) => T) => T[] } } }).__egoCy;
      return cy.nodes().map((n) => n.id());
    });
    expect(neighbours).toEqual(expect.arrayContaining(['actor:nikolai-karpenkov', 'actor:gubopik', 'actor:ministry-of-internal-affairs-belarus']));
    await page.evaluate(() => {
      const cy = (window as unknown as { __egoCy: { $id: (id: string) => { emit: (e: string) => void } } }).__egoCy;
      cy.$id('actor:gubopik').emit('tap');
    });
    await expect(page).toHaveURL('/actors/gubopik');
    await expect(page.getByRole('heading', { level: 1, name: 'GUBOPiK' })).toBeVisible();
  });
});

test.describe('notes', () => {
  test('internal notes show to a signed-in analyst and never to an anonymous reader', async ({ page, browser }) => {
    await signIn(page, 'analyst');
    const stamp = Date.now();
    const internal = `Internal: check the desk's file on GUBOPiK (${stamp})`;
    const open = `Public: GUBOPiK's headquarters are on Revolutsionnaya Street (${stamp})`;
    for (const [body, visibility] of [[internal, 'internal'], [open, 'public']] as const) {
      const created = await page.request.post('/api/notes', { data: { actor: 'gubopik', body, visibility } });
      expect(created.status(), await created.text()).toBe(201);
    }

    await page.goto('/actors/gubopik');
    const notes = page.getByRole('region', { name: 'Notes' });
    await expect(notes).toContainText(internal);
    await expect(notes).toContainText(open);

    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    await reader.goto('/actors/gubopik');
    const readerNotes = reader.getByRole('region', { name: 'Notes' });
    await expect(readerNotes).toContainText(open);
    await expect(readerNotes).not.toContainText(internal);
    await expect(readerNotes).toContainText('Signed-in analysts also see internal notes here.');
    const json = await (await anonymous.request.get('/api/actors/gubopik')).json();
    expect(json.notes.map((n: { body: string }) => n.body)).toEqual(expect.arrayContaining([open]));
    expect(json.notes.map((n: { body: string }) => n.body)).not.toContain(internal);
    expect(json.notes.every((n: { author: unknown }) => n.author === null)).toBe(true);
    await anonymous.close();
  });
});

test.describe('the actor index', () => {
  test('finds “Ціханоўская” and opens Tsikhanouskaya', async ({ page }) => {
    await page.goto('/actors');
    await expect(page.getByRole('status')).toContainText(`${SEEDED_ACTORS} actors`);
    await page.getByLabel('Name, in any script').fill('Ціханоўская');
    await page.getByRole('button', { name: 'Show actors' }).click();

    await expect(page).toHaveTitle('Actors matching “Ціханоўская” · Powermap');
    await expect(page.getByRole('status')).toContainText('1 actor matches “Ціханоўская”');
    const row = page.getByRole('row').filter({ hasText: 'Sviatlana Tsikhanouskaya' });
    await expect(row).toContainText('matched “Святлана Георгіеўна Ціханоўская”');
    await row.getByRole('link', { name: 'Sviatlana Tsikhanouskaya' }).click();

    await expect(page).toHaveURL('/actors/sviatlana-tsikhanouskaya');
    await expect(page.getByRole('heading', { level: 1, name: 'Sviatlana Tsikhanouskaya' })).toBeVisible();
    await expect(page.getByText('Born 11 Sep 1982')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Names' }).getByText('Святлана Ціханоўская', { exact: true })).toBeVisible();
  });

  test('the header search finds a Latin transliteration and a Russian form', async ({ page }) => {
    await searchFromHeader(page, 'Тихановская');
    await expect(page.getByRole('table').getByRole('link', { name: 'Sviatlana Tsikhanouskaya' })).toBeVisible();
    await searchFromHeader(page, 'lukashenka');
    await expect(page.getByRole('table').getByRole('link', { name: 'Alexander Lukashenko' })).toBeVisible();
  });

  test('sorts by a column header, and again the other way, announcing it with aria-sort', async ({ page }) => {
    await page.goto('/actors');
    const tiesHeader = page.getByRole('columnheader', { name: /Ties/ });
    const nameHeader = page.getByRole('columnheader', { name: /Name/ });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(tiesHeader).not.toHaveAttribute('aria-sort', /.*/);

    await tiesHeader.getByRole('link').click();
    await expect(page).toHaveURL('/actors?sort=ties');
    await expect(tiesHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(nameHeader).not.toHaveAttribute('aria-sort', /.*/);
    const firstRow = page.getByRole('row').nth(1);
    await expect(firstRow).toContainText('Alexander Lukashenko');

    await tiesHeader.getByRole('link').click();
    await expect(page).toHaveURL('/actors?sort=ties&dir=asc');
    await expect(tiesHeader).toHaveAttribute('aria-sort', 'ascending');
    const counts = await page.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((x, y) => x - y));
  });

  test('filters by kind and faction', async ({ page }) => {
    await page.goto('/actors');
    await page.getByLabel('Kind').selectOption({ label: 'Organisation' });
    await page.getByLabel('Faction').selectOption({ label: 'Belarusian state' });
    await page.getByRole('button', { name: 'Show actors' }).click();
    await expect(page).toHaveURL(/kind=organization/);
    const kinds = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    const factions = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(3);
    expect(new Set(kinds)).toEqual(new Set(['Organisation']));
    expect(new Set(factions)).toEqual(new Set(['Belarusian state']));
    await expect(page.getByRole('link', { name: 'GUBOPiK' })).toBeVisible();
  });

  test('says what was wrong with a hand-edited address and still shows the index', async ({ page }) => {
    await page.goto('/actors?kind=robot');
    await expect(page.getByRole('alert').filter({ hasText: 'invalid' })).toContainText('kind: must be one of');
    await expect(page.getByRole('status')).toContainText(`${SEEDED_ACTORS} actors`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('search, sort and profiles work with plain links and forms', async ({ page }) => {
    await page.goto('/actors');
    await page.getByLabel('Name, in any script').fill('karpiankou');
    await page.getByRole('button', { name: 'Show actors' }).click();
    await expect(page).toHaveURL('/actors?q=karpiankou&kind=&faction=');
    await page.getByRole('link', { name: KARPENKOV }).click();
    await expect(page.getByRole('heading', { level: 1, name: KARPENKOV })).toBeVisible();
    await page.getByRole('link', { name: 'Sources', exact: true }).first().click();
    await expect(page).toHaveURL('/sources');
    await page.getByLabel('Reliability').selectOption('B');
    await page.getByRole('button', { name: 'Show sources' }).click();
    await expect(page.getByRole('status')).toContainText(/\d+ sources? match/);
  });
});

test.describe('not found', () => {
  for (const [path, heading, onward] of [
    ['/actors/no-such-actor', 'Actor not found', 'Search all actors'],
    ['/actors/Not_A_Slug', 'Actor not found', 'Search all actors'],
    ['/ties/no-such-tie', 'Tie not found', 'Browse the actors'],
    ['/sources/no-such-source', 'Source not found', 'Browse all sources'],
  ] as const) {
    test(`${path} answers 404 with the not-found page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: onward })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: 'open the map' })).toHaveAttribute('href', '/');
    });
  }
});

test.describe('the JSON API', () => {
  test('finds actors by any name variant and refuses bad parameters', async ({ request }) => {
    const found = await request.get(`/api/actors?q=${encodeURIComponent('Ціханоўская')}`);
    expect(found.status()).toBe(200);
    const body = await found.json();
    expect(body.actors.map((a: { slug: string }) => a.slug)).toEqual(['sviatlana-tsikhanouskaya']);
    expect(body.query).toMatchObject({ q: 'Ціханоўская', sort: 'relevance' });

    const sorted = await (await request.get('/api/actors?kind=person&sort=ties')).json();
    expect(sorted.actors[0].slug).toBe('alexander-lukashenko');

    for (const bad of ['kind=robot', 'faction=martians', 'sort=height', 'dir=up', 'page=2']) {
      const response = await request.get(`/api/actors?${bad}`);
      expect(response.status(), bad).toBe(400);
      expect((await response.json()).error.code).toBe('invalid');
    }
  });

  test('returns a profile, a tie and a source, 404 for unknown ids and 400 for malformed ones', async ({ request }) => {
    const profile = await request.get('/api/actors/nikolai-karpenkov');
    expect(profile.status()).toBe(200);
    const actor = await profile.json();
    expect(actor.names).toContainEqual({ name: 'Мікалай Карпянкоў', lang: 'be', script: 'Cyrl', kind: 'transliteration' });
    expect(actor.ties.find((t: { tieId: string }) => t.tieId === 'karpenkov-leads-gubopik')).toMatchObject({ status: 'past', disputed: true });

    const tie = await (await request.get('/api/ties/karpenkov-leads-gubopik')).json();
    expect(tie).toMatchObject({ disputed: true, status: 'past', source: { slug: 'nikolai-karpenkov' }, target: { slug: 'gubopik' } });
    expect(tie.claims).toHaveLength(4);

    const source = await (await request.get('/api/sources/slow-invasion-article')).json();
    expect(source).toMatchObject({ reliability: 'C', url: null });
    expect(source.claims.some((c: { id: string }) => c.id === 'karpenkov-leads-gubopik-c1')).toBe(true);

    const sources = await (await request.get('/api/sources?reliability=B')).json();
    expect(sources.sources.length).toBeGreaterThan(0);
    expect(sources.sources.every((s: { reliability: string }) => s.reliability === 'B')).toBe(true);

    for (const [path, status] of [
      ['/api/actors/no-such-actor', 404],
      ['/api/ties/no-such-tie', 404],
      ['/api/sources/no-such-source', 404],
      ['/api/actors/Not_A_Slug', 400],
      ['/api/ties/..%2Fsecret', 400],
      ['/api/sources?reliability=G', 400],
      ['/api/sources?colour=red', 400],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      expect((await response.json()).error.code, path).toBe(status === 404 ? 'not_found' : 'invalid');
    }
  });
});

test.describe('readable on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const path of ['/actors/nikolai-karpenkov', '/ties/karpenkov-leads-gubopik', '/sources/slow-invasion-article', '/actors', '/sources']) {
    test(`${path} fits the screen's width`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('the disputed claims stack one above the other', async ({ page }) => {
    await page.goto('/ties/karpenkov-leads-gubopik');
    const a = await page.locator('#claim-karpenkov-leads-gubopik-c1').boundingBox();
    const b = await page.locator('#claim-karpenkov-leads-gubopik-c2').boundingBox();
    expect(a && b && b.y >= a.y + a.height).toBe(true);
  });
});

test.describe('screenshots for a person to look at', () => {
  const pages = [
    ['profile-karpenkov', '/actors/nikolai-karpenkov'],
    ['tie-karpenkov-gubopik', '/ties/karpenkov-leads-gubopik'],
    ['source-article', '/sources/slow-invasion-article'],
    ['actor-index', '/actors?q=%D0%A6%D1%96%D1%85%D0%B0%D0%BD%D0%BE%D1%9E%D1%81%D0%BA%D0%B0%D1%8F'],
    ['actor-index-all', '/actors?sort=ties'],
    ['sources', '/sources'],
  ] as const;
  for (const [viewport, size] of [
    ['desktop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`${viewport}`, async ({ page }) => {
      await page.setViewportSize(size);
      for (const [name, path] of pages) {
        await page.goto(path);
        if (path.startsWith('/actors/')) {
          // Let the ego map load and lay itself out before the picture is taken.
          await page.waitForFunction(() => Boolean((window as unknown as { __egoCy?: unknown }).__egoCy));
          await page.waitForTimeout(1000);
        }
        await page.screenshot({ path: `e2e/screenshots/profiles-${name}-${viewport}.png`, fullPage: viewport === 'desktop' });
      }
    });
  }
});
