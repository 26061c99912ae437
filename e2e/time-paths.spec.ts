// Time-respecting paths on the map's path finder (i2's Find Path with time flow): ties that follow
// one another forward in time, the earliest arrival and its certainty, and, when a maximum gap
// leaves no such path, the answer that one ignoring time exists; then the same through the API.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SCREENSHOTS = path.join('e2e', 'screenshots');

async function openMap(page: Page, address = '/') {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

async function pick(page: Page, label: string, text: string, option: RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).fill(text);
  await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: option }).click();
}

test('from Zaitsev to Kubrakov forward in time: the earliest arrival, then no path within 30 days but one ignoring time', async ({ page }) => {
  await openMap(page);
  await pick(page, 'From', 'Zaitsev', /^Vadim Zaitsev/);
  await pick(page, 'To', 'Kubrakov', /^Ivan Kubrakov/);
  await page.getByText('Path options', { exact: true }).click();
  await page.getByLabel('Time flow').selectOption('forward');
  await page.getByRole('button', { name: 'Trace path' }).click();
  await expect(page).toHaveURL(/path=vadim-zaitsev%2Civan-kubrakov/);

  const found = page.getByRole('list', { name: 'Paths found' }).getByRole('button');
  await expect(found.first()).toHaveText(/^1\. \d ties: Vadim Zaitsev → .* → Ivan Kubrakov — arrives \d{1,2} [A-Z][a-z]{2} \d{4}, (certain|possible)$/);
  const result = page.getByRole('status').filter({ hasText: 'forward in time' });
  await expect(result).toContainText(/Earliest arrival: \d{1,2} [A-Z][a-z]{2} 20\d\d/);
  // Each step says from when it can be taken; the first tie is Zaitsev's chairmanship of the KGB (from Jul 2008).
  const steps = page.getByRole('list', { name: 'Path, tie by tie' }).getByRole('listitem');
  await expect(steps.first()).toContainText(/Vadim Zaitsev leads KGB of Belarus.*\(from 1 Jul 2008, (certain|possible)\)/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'time-path-forward.png') });

  // At most 30 days between steps: Zaitsev left the KGB in 2012, years before any tie of Kubrakov's.
  await page.getByLabel('Most days between steps').fill('30');
  await expect(page.getByRole('status').filter({ hasText: 'No chain of ties' })).toContainText(
    /No chain of ties from Vadim Zaitsev to Ivan Kubrakov runs forward in time, at most 30 days between steps\. Ignoring time, one does: Vadim Zaitsev → .* → Ivan Kubrakov \(\d ties\)\./,
  );
  await expect(page.getByText(/^Path options \(1 on\)$/)).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'time-path-none.png') });
});

test('GET /api/graph/paths with time=forward reports arrival and certainty, and the timeless path when time forbids one', async ({ request }) => {
  const open = await request.get('/api/graph/paths?from=vadim-zaitsev&to=ivan-kubrakov&time=forward');
  expect(open.status()).toBe(200);
  const { data } = await open.json();
  expect(data.time).toEqual({ flow: 'forward', maxGapDays: null, from: null, to: null });
  expect(data.paths[0].arrival).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(['certain', 'possible']).toContain(data.paths[0].certainty);
  expect(data.paths[0].ties[0]).toMatchObject({ id: 'zaitsev-leads-kgb', on: '2008-07-01' });
  expect(data.timeless).toBeNull();

  const tight = await (await request.get('/api/graph/paths?from=vadim-zaitsev&to=ivan-kubrakov&time=forward&maxGapDays=30')).json();
  expect(tight.data.paths).toEqual([]);
  expect(tight.data.timeless.actors[0].slug).toBe('vadim-zaitsev');
  expect(tight.data.timeless.actors.at(-1).slug).toBe('ivan-kubrakov');

  const bad = await request.get('/api/graph/paths?from=vadim-zaitsev&to=ivan-kubrakov&maxGapDays=30');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('maxGapDays: needs time=forward or time=window');
});
