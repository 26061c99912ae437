// Paths that explain: up to five shortest chains between two actors, around an avoided actor,
// each listed in words and shown on the map one at a time; pickers that let the person choose
// between equally good matches; and GET /api/graph/paths. Map state is read from window.__cy.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SCREENSHOTS = path.join('e2e', 'screenshots');

type CyWindow = Window & { __cy: { $(selector: string): { map<T>(f: (e: { id(): string }) => T): T[] } } };

async function openMap(page: Page, address = '/') {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

const ids = (page: Page, selector: string) => page.evaluate((s) => (window as unknown as CyWindow).__cy.$(s).map((e) => e.id()), selector);

/** Chooses an actor in a picker by typing and clicking its suggestion. */
async function pick(page: Page, label: string, text: string, option: RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).fill(text);
  await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: option }).click();
}

test.describe('paths between two actors', () => {
  test('k paths from Tsikhanouskaya to Gryzlov avoiding the state, each shown on the map in turn', async ({ page }) => {
    await openMap(page);
    await pick(page, 'From', 'Tsikhanouskaya', /^Sviatlana Tsikhanouskaya/);
    await pick(page, 'To', 'Gryzlov', /^Boris Gryzlov/);
    await page.getByLabel('Paths to find').selectOption('5');
    await page.getByRole('button', { name: 'Trace path' }).click();
    await expect(page).toHaveURL(/path=sviatlana-tsikhanouskaya%2Cboris-gryzlov/);
    const found = page.getByRole('list', { name: 'Paths found' }).getByRole('button');
    await expect(found.first()).toBeVisible();
    const withState = await found.count();
    expect(withState).toBeGreaterThan(1);

    // Avoid the state: no path may pass through it any more.
    await page.getByText('Path options', { exact: true }).click();
    await pick(page, 'Avoid actors', 'Belarus', /^Belarus(?: \(the state\))?(?: ·.*)?$/);
    await expect(page.getByRole('list', { name: 'Avoided actors' })).toContainText(/Belarus/);
    await expect(page.getByText(/^Path options \(1 on\)$/)).toBeVisible();
    await expect(found.first()).toBeVisible();
    const count = await found.count();
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(5);
    const lengths: number[] = [];
    for (let i = 0; i < count; i++) {
      const text = await found.nth(i).innerText();
      const [, number, length] = text.match(/^(\d+)\. (\d+) ties?: Sviatlana Tsikhanouskaya → .* → Boris Gryzlov$/) ?? [];
      expect(Number(number), text).toBe(i + 1);
      expect(text.split(' → ')).not.toContain('Belarus');
      lengths.push(Number(length));
    }
    // Shortest first.
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));

    // The first path is on the map and told tie by tie, each tie a link to its page.
    const steps = page.getByRole('list', { name: 'Path, tie by tie' }).getByRole('listitem');
    await expect(steps).toHaveCount(lengths[0]!);
    await expect(steps.first().getByRole('link')).toHaveAttribute('href', /^\/ties\//);
    const first = await ids(page, '.path');
    expect(first).not.toContain('actor:belarus');
    expect(first.filter((id) => id.startsWith('tie:'))).toHaveLength(lengths[0]!);
    await expect(found.first()).toHaveAttribute('aria-pressed', 'true');

    // Showing the second highlights it instead.
    await found.nth(1).click();
    await expect(found.nth(1)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Path 2 of ${count}`) })).toBeVisible();
    await expect.poll(async () => (await ids(page, '.path')).sort()).not.toEqual([...first].sort());
    const second = await ids(page, '.path');
    expect(second).toEqual(expect.arrayContaining(['actor:sviatlana-tsikhanouskaya', 'actor:boris-gryzlov']));
    expect(second).not.toContain('actor:belarus');
    await expect(steps).toHaveCount(lengths[1]!);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-k-paths.png') });

    // The address keeps the options and the highlighted path: reloading it traces the same paths.
    await expect(page).toHaveURL(/[?&]k=5(&|$)/);
    await expect(page).toHaveURL(/[?&]avoid=belarus/);
    await expect(page).toHaveURL(/[?&]pathShown=2(&|$)/);
    const listed = await found.allInnerTexts();
    const address = page.url();
    await page.reload();
    await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
    expect(page.url()).toBe(address);
    await expect(found).toHaveCount(count);
    expect(await found.allInnerTexts()).toEqual(listed);
    await expect(found.nth(1)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Paths to find')).toHaveValue('5');
    await expect(page.getByText(/^Path options \(1 on\)$/)).toBeVisible();
    await expect.poll(async () => (await ids(page, '.path')).sort()).toEqual([...second].sort());
    await page.getByText(/^Path options \(1 on\)$/).click();
    await expect(page.getByRole('list', { name: 'Avoided actors' })).toContainText(/Belarus/);

    // Following the ties' direction leaves fewer (or no) paths, and says so when none is left.
    await page.getByLabel('Follow tie direction (from source to target)').check();
    await expect(page.getByText('Path options (2 on)')).toBeVisible();
    await expect
      .poll(async () => ((await page.getByText(/No chain of ties joins/).count()) > 0 ? 0 : await found.count()))
      .toBeLessThanOrEqual(count);
  });

  test('typing "Tsikhan" and Enter shows both Tsikhanouskis and lets the person choose', async ({ page }) => {
    await openMap(page);
    const from = page.getByRole('combobox', { name: 'From', exact: true });
    await from.fill('Tsikhan');
    await from.press('Enter');
    const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
    await expect(options.filter({ hasText: 'Sviatlana Tsikhanouskaya' })).toBeVisible();
    await expect(options.filter({ hasText: 'Siarhei Tsikhanouski' })).toBeVisible();
    await expect(page.getByText('More than one actor matches “Tsikhan”: choose one from the list.')).toBeVisible();
    // Nothing was chosen: the box still holds what was typed.
    await expect(from).toHaveValue('Tsikhan');
    // Arrows then Enter take the one reached.
    const names = await options.allInnerTexts();
    const sviatlana = names.findIndex((n) => n.startsWith('Sviatlana Tsikhanouskaya'));
    for (let i = 0; i <= sviatlana; i++) await from.press('ArrowDown');
    await from.press('Enter');
    await expect(from).toHaveValue('Sviatlana Tsikhanouskaya');
    // A name that stands alone is taken by Enter at once.
    const to = page.getByRole('combobox', { name: 'To', exact: true });
    await to.fill('Gryzlov');
    await expect(page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /^Boris Gryzlov/ })).toBeVisible();
    await to.press('Enter');
    await expect(to).toHaveValue('Boris Gryzlov');
  });

  test('on a large network the pickers find actors through the server and paths come from both ends\' neighbourhoods', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'powermap-test-overview-above', value: '20', url: baseURL! }]);
    await openMap(page);
    await pick(page, 'From', 'Ціханоўская', /^Sviatlana Tsikhanouskaya/);
    await pick(page, 'To', 'Gryzlov', /^Boris Gryzlov/);
    await page.getByRole('button', { name: 'Trace path' }).click();
    const found = page.getByRole('list', { name: 'Paths found' }).getByRole('button');
    await expect(found.first()).toContainText('Sviatlana Tsikhanouskaya →');
    const onMap = await ids(page, '.path');
    expect(onMap).toEqual(expect.arrayContaining(['actor:sviatlana-tsikhanouskaya', 'actor:boris-gryzlov']));
  });
});

test.describe('GET /api/graph/paths', () => {
  test('answers k paths under the map\'s filters and the path options, and refuses bad input', async ({ request }) => {
    const response = await request.get('/api/graph/paths?from=sviatlana-tsikhanouskaya&to=boris-gryzlov&k=4&avoid=belarus&asOf=2023-01-01');
    expect(response.status()).toBe(200);
    const { data } = (await response.json()) as {
      data: { asOf: string; scope: string; from: { label: string }; paths: { rank: number; length: number; actors: { slug: string }[]; ties: { id: string; sentence: string }[] }[] };
    };
    expect(data).toMatchObject({ asOf: '2023-01-01', scope: 'view', from: { label: 'Sviatlana Tsikhanouskaya' } });
    expect(data.paths.length).toBeGreaterThan(0);
    expect(data.paths.length).toBeLessThanOrEqual(4);
    for (const p of data.paths) {
      expect(p.actors.map((a) => a.slug)).not.toContain('belarus');
      expect(p.ties).toHaveLength(p.length);
    }
    const bad = await request.get('/api/graph/paths?from=sviatlana-tsikhanouskaya&to=boris-gryzlov&k=9&kinds=robot');
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as { error: { message: string } };
    expect(body.error.message).toContain('kinds');
    expect((await request.get('/api/graph/paths?from=sviatlana-tsikhanouskaya&to=boris-gryzlov&k=9')).status()).toBe(400);
    expect((await request.get('/api/graph/paths?to=boris-gryzlov')).status()).toBe(400);
  });
});
