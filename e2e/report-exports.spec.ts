// Report-ready exports of the map's view: the PNG at a chosen print scale, the PDF and SVG with
// the legend, date, filters and attribution (the PDF read back with pdftotext, from Debian's
// poppler-utils, which .ci/run installs), and the CSV appendix of the ties in view.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { signIn } from './support/accounts';

mkdirSync(path.join('e2e', 'screenshots'), { recursive: true });

async function openMap(page: Page, address: string) {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

async function save(page: Page, name: string) {
  const exports = page.getByRole('region', { name: 'Export this view' });
  const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name, exact: true }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), file, bytes: readFileSync(file) };
}

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

/** How many ties the map says it draws ("… actors, N ties as of …"). */
async function tiesInView(page: Page): Promise<number> {
  const text = await page.locator('.map-summary').textContent();
  return Number(/(\d+) ties?\b/.exec(text ?? '')?.[1]);
}

test('the PNG is drawn at the chosen scale', async ({ page }) => {
  await openMap(page, '/?asOf=2020-08-09');
  const scale = page.getByRole('region', { name: 'Export this view' }).getByLabel('Image scale');
  await scale.selectOption('1');
  const one = pngSize((await save(page, 'PNG')).bytes);
  await scale.selectOption('4');
  const four = pngSize((await save(page, 'PNG')).bytes);
  expect(one.width).toBeGreaterThan(100);
  expect(four.width / one.width).toBeGreaterThan(3.9);
  expect(four.width / one.width).toBeLessThan(4.1);
  expect(four.height / one.height).toBeGreaterThan(3.9);
});

test('the PDF carries the title, date, filters, legend and attribution', async ({ page }) => {
  await openMap(page, '/?asOf=2020-08-09&focus=alexander-lukashenko&minGrade=C3');
  const pdf = await save(page, 'PDF');
  expect(pdf.name).toBe('powermap-2020-08-09-alexander-lukashenko.pdf');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
  // The first page as a picture, for a person to look at (pdftoppm is poppler-utils too).
  execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', pdf.file, path.join('e2e', 'screenshots', 'report-pdf')]);
  expect(text).toContain('Powermap: the network around Alexander Lukashenko');
  expect(text).toContain('As of 9 Aug 2020');
  expect(text).toMatch(/Filters: within 1 hop of Alexander Lukashenko; graded C3 or better/);
  // The legend names what the on-screen legend names.
  const legend = page.getByRole('group').filter({ has: page.getByText('Legend', { exact: true }) });
  for (const heading of ['Shape: kind of actor', 'Colour: faction', 'Line: kind of tie']) {
    await expect(legend.getByRole('heading', { name: heading })).toBeVisible();
    expect(text).toContain(heading);
  }
  await expect(legend.getByText('Person', { exact: true })).toBeVisible();
  expect(text).toMatch(/\bPerson\b/);
  const attribution = /Powermap — sources: (\d+), graded ([A-F][1-6] ×\d+(, )?)+/.exec(text);
  expect(attribution, text).not.toBeNull();
  expect(Number(attribution![1])).toBeGreaterThan(0);
});

test('the PDF keeps Cyrillic names in their own script, in the embedded font', async ({ page }) => {
  // An actor of our own with a Belarusian name (deleted at the end: the specs share one database).
  const slug = `e2e-pdf-cyrillic-${Date.now().toString(36)}`;
  const name = 'Аляксандр Лукашэнка (E2E PDF)';
  await signIn(page, 'analyst');
  const created = await page.request.post('/api/actors', { data: { slug, name, kind: 'person', faction: 'other' } });
  expect(created.status(), await created.text()).toBe(201);
  try {
    await openMap(page, `/?focus=${slug}`);
    const pdf = await save(page, 'PDF');
    const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`the network around ${name}`);
    expect(text).toContain('Filters: within 1 hop of Аляксандр Лукашэнка');
    expect(text).not.toContain('Aliaksandr');
    const fonts = execFileSync('pdffonts', [pdf.file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/);
    await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
  } finally {
    const remove = (etag: string) => page.request.fetch(`/api/actors/${slug}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    let response = await remove('"1"');
    if (response.status() === 412) response = await remove(response.headers()['etag']!);
    expect(response.status()).toBe(200);
  }
});

test('the font files are served by Powermap itself, and nothing else is', async ({ request }) => {
  const font = await request.get('/fonts/dejavu-sans.ttf');
  expect(font.status()).toBe(200);
  expect(font.headers()['content-type']).toBe('font/ttf');
  // A TrueType file starts with version 1.0 (00 01 00 00).
  expect([...(await font.body()).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
  const other = await request.get('/fonts/..%2Fpackage.json');
  expect(other.status()).toBe(404);
  expect((await other.json()).error.message).toMatch(/No font named/);
});

test('comparing two dates names both in the SVG, with its legend', async ({ page }) => {
  await openMap(page, '/?compare=2019-06-01..2021-06-01');
  const svg = (await save(page, 'SVG')).bytes.toString('utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return { errors: doc.getElementsByTagName('parsererror').length, text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n'), nested: doc.querySelectorAll('svg svg').length };
  }, svg);
  expect(parsed.errors).toBe(0);
  expect(parsed.nested).toBe(1);
  expect(parsed.text).toContain('Changes from 1 Jun 2019 to 1 Jun 2021');
  expect(parsed.text).toContain('No filters');
  expect(parsed.text).toContain('Line: kind of tie');
  expect(parsed.text).toMatch(/Powermap — sources: \d+, graded/);
  // The export section and the page as a reader sees it, for a person to look at.
  await page.getByRole('region', { name: 'Export this view' }).screenshot({ path: path.join('e2e', 'screenshots', 'report-export-section.png') });
  await page.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*\?>/, '')}</body>`);
  await page.screenshot({ path: path.join('e2e', 'screenshots', 'report-svg.png'), fullPage: true });
});

test('the CSV lists every tie in view with its grade and first source', async ({ page }) => {
  await openMap(page, '/?asOf=2020-08-09&focus=alexander-lukashenko');
  const csv = await save(page, 'Ties CSV');
  expect(csv.name).toBe('powermap-2020-08-09-alexander-lukashenko-ties.csv');
  const parsed = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields?.slice(0, 4)).toEqual(['tie', 'from', 'relation', 'to']);
  expect(parsed.data).toHaveLength(await tiesInView(page));
  expect(parsed.data.some((r) => r.from === 'Alexander Lukashenko' || r.to === 'Alexander Lukashenko')).toBe(true);
  const graded = parsed.data.filter((r) => r.grade);
  expect(graded.length).toBeGreaterThan(0);
  for (const row of graded) {
    expect(row.grade).toMatch(/^[A-F][1-6]$/);
    expect(row['first source'], row.tie).not.toBe('');
    expect(row['first source grade']).toMatch(/^[A-F][1-6]$/);
  }
});
