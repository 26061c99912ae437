// Cross-site scripting (issue 5): a corpus of payloads (e2e/support/xss-payloads.ts) put into actor
// names and name variants, tie roles, claim quotes, source titles and notes through the write API
// shows as inert text on the actor index, profiles, tie pages, source pages and on the map (its
// list, search, panels and Cytoscape labels); javascript: and data: source links are refused; and
// every page runs under its Content-Security-Policy without a violation.
//
// On every page: no dialog opened, window.__xss (which every executable payload would set) is
// unset, no element carries an event-handler attribute or a script URL, no CSP violation was
// reported (securitypolicyviolation listener and console), no uncaught error, and every payload
// the page should show is in its visible text, character for character.
//
// The records are this spec's own (slugs xss-test-<run>-<n>) and are all deleted afterwards,
// even when a test failed, so specs that count the seeded actors are not disturbed.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { normaliseForSearch } from '../lib/graph/search';
import { signIn } from './support/accounts';
import { XSS_FIELD_LIMITS, XSS_PAYLOADS } from './support/xss-payloads';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const COUNT = 10; // actors, ties and sources; claims: one per tie and one per actor

// ---------------------------------------------------------------------------------------------
// Which payload goes where
// ---------------------------------------------------------------------------------------------

type Field = 'name' | 'role' | 'title' | 'quote' | 'note';
const CAPACITY: Record<Field, number> = { role: COUNT, name: COUNT, title: COUNT, quote: 2 * COUNT, note: Number.POSITIVE_INFINITY };
/** Tightest limit first, so a long payload lands in the field sized for it. */
const BY_LIMIT: Field[] = ['role', 'name', 'title', 'quote', 'note'];
const ROUND_ROBIN: Field[] = ['name', 'role', 'title', 'quote', 'note'];

function distribute(payloads: readonly string[]): Record<Field, string[]> {
  const out: Record<Field, string[]> = { name: [], role: [], title: [], quote: [], note: [] };
  const fits = (field: Field, p: string) => p.length <= XSS_FIELD_LIMITS[field] && out[field].length < CAPACITY[field];
  const long = payloads.filter((p) => p.length > XSS_FIELD_LIMITS.role);
  for (const p of long) out[BY_LIMIT.find((f) => fits(f, p)) ?? 'note'].push(p);
  let turn = 0;
  for (const p of payloads.filter((q) => q.length <= XSS_FIELD_LIMITS.role)) {
    for (let i = 0; i < ROUND_ROBIN.length; i++) {
      const field = ROUND_ROBIN[(turn + i) % ROUND_ROBIN.length]!;
      if (fits(field, p)) {
        out[field].push(p);
        break;
      }
    }
    turn++;
  }
  // Should the corpus ever shrink, fill the fixed slots with payloads again.
  const short = payloads.filter((p) => p.length <= XSS_FIELD_LIMITS.role);
  for (const field of ['name', 'role', 'title', 'quote'] as const) {
    for (let i = 0; out[field].length < CAPACITY[field]; i++) out[field].push(short[i % short.length]!);
  }
  return out;
}

const slots = distribute(XSS_PAYLOADS);
const nameSized = XSS_PAYLOADS.filter((p) => p.length <= XSS_FIELD_LIMITS.name);
const NAME_KINDS = ['official', 'transliteration', 'alias', 'former'] as const;

interface ActorModel { slug: string; name: string; variants: string[] }
interface TieModel { id: string; from: number; to: number; role: string }
interface SourceModel { id: string; title: string; publisher: string; notes: string }
interface ClaimModel { id: string; quote: string; source: number; on: { tie: number } | { actor: number } }
interface NoteModel { id: string; body: string; on: { tie: number } | { actor: number }; visibility: 'public' | 'internal' }

const model = {
  actors: Array.from({ length: COUNT }, (_, i): ActorModel => ({
    slug: `xss-test-${run}-${i + 1}`,
    name: slots.name[i]!,
    // Every payload that fits a name is some actor's name variant.
    variants: nameSized.filter((_, j) => j % COUNT === i),
  })),
  ties: Array.from({ length: COUNT }, (_, k): TieModel => ({ id: '', from: k, to: (k + 1) % COUNT, role: slots.role[k]! })),
  sources: Array.from({ length: COUNT }, (_, s): SourceModel => ({
    id: '',
    title: slots.title[s]!,
    publisher: nameSized[(s * 7 + 3) % nameSized.length]!,
    notes: nameSized[(s * 11 + 5) % nameSized.length]!,
  })),
  claims: slots.quote.map((quote, c): ClaimModel => ({
    id: '',
    quote,
    on: c < COUNT ? { tie: c } : { actor: c - COUNT },
    source: c < COUNT ? c : (c - COUNT + 1) % COUNT,
  })),
  notes: slots.note.map((body, n): NoteModel => ({
    id: '',
    body,
    on: n % 2 === 0 ? { tie: (n / 2) % COUNT } : { actor: ((n - 1) / 2) % COUNT },
    visibility: n % 4 < 2 ? 'public' : 'internal',
  })),
};

const isOn = (owner: ClaimModel['on'], what: 'tie' | 'actor', index: number) => what in owner && (owner as Record<string, number>)[what] === index;
const tiesOf = (i: number) => model.ties.filter((t) => t.from === i || t.to === i);

// ---------------------------------------------------------------------------------------------
// Records through the write API, and their removal
// ---------------------------------------------------------------------------------------------

type Kind = 'notes' | 'claims' | 'ties' | 'actors' | 'sources';
const created: { kind: Kind; path: string; etag: string }[] = [];

async function create<T extends Record<string, unknown>>(page: Page, kind: Kind, data: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(`/api/${kind}`, { data });
  const text = await response.text();
  expect(response.status(), `POST /api/${kind}: ${text.slice(0, 500)}`).toBe(201);
  const body = JSON.parse(text) as T & { id: string; slug?: string };
  created.push({ kind, path: `/api/${kind}/${kind === 'actors' ? body.slug : body.id}`, etag: response.headers()['etag'] ?? '"1"' });
  return body;
}

async function createAll(page: Page) {
  for (const actor of model.actors) {
    const body = await create<{ name: string; names: { name: string }[] }>(page, 'actors', {
      slug: actor.slug,
      name: actor.name,
      kind: 'person',
      faction: 'other',
      names: actor.variants.map((name, j) => ({ name, lang: 'en', script: 'Latn', kind: NAME_KINDS[j % NAME_KINDS.length] })),
    });
    // Stored exactly as sent: nothing stripped, escaped or "sanitised" on the way in.
    expect(body.name).toBe(actor.name);
    expect(body.names.map((n) => n.name).sort()).toEqual([...actor.variants].sort());
  }
  for (const source of model.sources) {
    const body = await create<{ id: string; title: string }>(page, 'sources', {
      title: source.title,
      author: `XSS corpus ${run}`,
      publisher: source.publisher,
      notes: source.notes,
      url: `https://example.org/xss/${run}`,
      reliability: 'C',
    });
    expect(body.title).toBe(source.title);
    source.id = body.id;
  }
  for (const tie of model.ties) {
    const body = await create<{ id: string; role: string }>(page, 'ties', {
      source: model.actors[tie.from]!.slug,
      target: model.actors[tie.to]!.slug,
      type: 'associate_of',
      role: tie.role,
    });
    expect(body.role).toBe(tie.role);
    tie.id = body.id;
  }
  for (const claim of model.claims) {
    const on = 'tie' in claim.on ? { tie: model.ties[claim.on.tie]!.id } : { actor: model.actors[claim.on.actor]!.slug };
    const body = await create<{ id: string; quote: string }>(page, 'claims', { ...on, source: model.sources[claim.source]!.id, quote: claim.quote, credibility: 3 });
    expect(body.quote).toBe(claim.quote);
    claim.id = body.id;
  }
  for (const note of model.notes) {
    const on = 'tie' in note.on ? { tie: model.ties[note.on.tie]!.id } : { actor: model.actors[note.on.actor]!.slug };
    const body = await create<{ id: string; body: string }>(page, 'notes', { ...on, body: note.body, visibility: note.visibility });
    expect(body.body).toBe(note.body);
    note.id = body.id;
  }
}

/** Deletes at the version the record was made at; a 412 names the current one; 404: gone with its parent. */
async function deleteAll(page: Page): Promise<string[]> {
  const order: Kind[] = ['notes', 'claims', 'ties', 'actors', 'sources'];
  const failures: string[] = [];
  for (const kind of order) {
    for (const record of created.filter((r) => r.kind === kind)) {
      const send = (etag: string) => page.request.delete(record.path, { headers: { 'If-Match': etag } });
      let response = await send(record.etag);
      if (response.status() === 412) response = await send(response.headers()['etag'] ?? record.etag);
      if (response.status() !== 200 && response.status() !== 404) failures.push(`DELETE ${record.path}: ${response.status()} ${(await response.text()).slice(0, 200)}`);
    }
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------
// The guard: nothing ran, nothing was injected, nothing broke the policy
// ---------------------------------------------------------------------------------------------

interface Guard {
  dialogs: string[];
  csp: string[];
  errors: string[];
}

async function guardedPage(context: BrowserContext): Promise<{ page: Page; guard: Guard }> {
  const page = await context.newPage();
  const guard: Guard = { dialogs: [], csp: [], errors: [] };
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (/content security policy|refused to (load|execute|apply|frame|connect)/i.test(message.text())) guard.csp.push(message.text());
  });
  page.on('pageerror', (error) => guard.errors.push(error.message));
  await page.exposeFunction('__reportCspViolation', (text: string) => guard.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} (${event.sample})`,
      );
    });
  });
  return { page, guard };
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A payload getByText can look for as it is: markup in it, no tab or invisible characters. */
function textSample(expected: readonly string[]): string {
  return expected.find((p) => /[<>]/.test(p) && p.length <= 200 && !/[\t\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/.test(p)) ?? expected[0]!;
}

/** Elements and attributes a parsed payload would leave behind, and which this app never renders. */
function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    const scriptUrl = /^(javascript|vbscript|data:text\/html|data:image\/svg)/i;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${attr.name} on ${describe(el)}`);
        // Browsers ignore tabs, newlines and leading controls in URLs: so does this check.
        if (/^(href|src|action|formaction|data|srcdoc|xlink:href|background|poster|content)$/i.test(attr.name) && scriptUrl.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) {
          found.push(`${attr.name}="${attr.value.slice(0, 60)}" on ${describe(el)}`);
        }
      }
    }
    const foreign = 'iframe, object, embed, frame, frameset, marquee, x, image, video, audio, source, math, mglyph, base, meta[http-equiv], main script, main style, main link, svg script, svg animate, svg set, main [autofocus], main [style*="expression" i]';
    for (const el of Array.from(document.querySelectorAll(foreign))) found.push(describe(el));
    return found;
  });
}

async function expectInert(page: Page, guard: Guard, where: string, expected: readonly string[]) {
  if (expected.length) {
    // Shown as text: one payload as a person would read it, then every one the page should show.
    await expect(page.getByText(textSample(expected), { exact: false }).filter({ visible: true }).first(), `${where}: a payload as visible text`).toBeVisible();
    const missing = await page.evaluate((list) => {
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
      const text = norm(document.body.innerText);
      return list.filter((p) => !text.includes(norm(p)));
    }, expected as string[]);
    expect(missing.map((p) => p.slice(0, 120)), `${where}: payloads missing from the visible text`).toEqual([]);
  }
  expect(await page.evaluate(() => typeof (window as unknown as { __xss?: unknown }).__xss), `${where}: window.__xss`).toBe('undefined');
  expect(await injectedMarkup(page), `${where}: markup from a payload in the document`).toEqual([]);
  expect(guard.dialogs, `${where}: dialogs`).toEqual([]);
  expect(guard.csp, `${where}: CSP violations`).toEqual([]);
  expect(guard.errors, `${where}: uncaught errors`).toEqual([]);
}

/** Opens a page, waits for it to hydrate and settle, and checks it. */
async function visit(page: Page, guard: Guard, path: string, expected: readonly string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(response?.headers()['content-security-policy'] ?? '', `${path}: CSP header`).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
  await page.waitForLoadState('networkidle');
  await expectInert(page, guard, path, expected);
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

interface CyElement {
  length: number;
  id(): string;
  data(key: string): unknown;
  style(name: string): string;
}
interface Cy {
  $id(id: string): CyElement;
  $(selector: string): { map<T>(f: (e: CyElement) => T): T[] };
}
/** The live Cytoscape instances the test server exposes (POWERMAP_TEST_HOOKS=1). */
type CyWindow = Window & { __cy?: Cy };
type EgoWindow = Window & { __egoCy?: Cy };

let context: BrowserContext | undefined;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  expect(new Set(XSS_PAYLOADS).size, 'distinct payloads').toBe(XSS_PAYLOADS.length);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  // Every payload is used at least once in the fields the issue names.
  const used = new Set([...Object.values(slots).flat(), ...model.actors.flatMap((a) => a.variants)]);
  expect(XSS_PAYLOADS.filter((p) => !used.has(p))).toEqual([]);

  context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'analyst');
  await createAll(page);
  await page.close();
});

test.afterAll(async () => {
  if (!context) return;
  test.setTimeout(120_000);
  const page = await context.newPage();
  const failures = await deleteAll(page);
  for (const actor of model.actors) {
    const status = (await page.request.get(`/api/actors/${actor.slug}`)).status();
    if (status !== 404) failures.push(`actor ${actor.slug} still answers ${status}`);
  }
  await context.close();
  context = undefined;
  expect(failures, 'clean-up').toEqual([]);
});

test('javascript: and data: source links are refused and create nothing', async () => {
  const page = await context!.newPage();
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    'javascript://example.org/%0Aalert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
  ];
  for (const [i, url] of refused.entries()) {
    const response = await page.request.post('/api/sources', { data: { title: `XSS refused ${run} ${i}`, reliability: 'C', url } });
    expect(response.status(), url).toBe(400);
    const body = (await response.json()) as { error: { code: string; fieldErrors?: Record<string, string[]> } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.fieldErrors?.url, url).toBeTruthy();
  }
  const found = (await (await page.request.get(`/api/sources?q=${encodeURIComponent(`refused ${run}`)}`)).json()) as { sources: unknown[] };
  expect(found.sources).toEqual([]);

  // Nor can an existing source be changed to one.
  const source = model.sources[0]!;
  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
    const response = await page.request.patch(`/api/sources/${source.id}`, { headers: { 'If-Match': '"1"' }, data: { url } });
    expect(response.status(), url).toBe(400);
  }
  const after = await page.request.get(`/api/sources/${source.id}`);
  expect(((await after.json()) as { url: string | null }).url).toBe(`https://example.org/xss/${run}`);
  await page.close();
});

test('the actor index shows every payload name as text', async () => {
  const { page, guard } = await guardedPage(context!);
  await visit(page, guard, '/actors', model.actors.map((a) => a.name));
  const matching = model.actors.filter((a) => [a.name, ...a.variants].some((n) => normaliseForSearch(n).split(' ').some((w) => w.startsWith('xss'))));
  expect(matching.length).toBeGreaterThan(0);
  await visit(page, guard, '/actors?q=xss', matching.map((a) => a.name));

  // Payloads in the address are echoed as text too (the count line repeats the query).
  const reflected = '<img src=x onerror=window.__xss=true>';
  await visit(page, guard, `/actors?q=${encodeURIComponent(reflected)}`, [reflected]);
  await visit(page, guard, `/actors?kind=${encodeURIComponent('"><script>window.__xss=true</script>')}`, []);
  await visit(page, guard, `/sources?q=${encodeURIComponent(reflected)}`, []);
  await expect(page.getByRole('searchbox', { name: 'Title, author or publisher' })).toHaveValue(reflected);
  await visit(page, guard, `/?focus=${encodeURIComponent('"><svg/onload=window.__xss=true>')}&select=${encodeURIComponent('<script>window.__xss=true</script>')}`, []);
  await page.close();
});

test('every profile shows its names, variants, claims, sources, ties and notes as text', async () => {
  test.setTimeout(120_000);
  const { page, guard } = await guardedPage(context!);
  for (const [i, actor] of model.actors.entries()) {
    const ties = tiesOf(i);
    const claims = model.claims.filter((c) => isOn(c.on, 'actor', i) || ties.some((t) => isOn(c.on, 'tie', model.ties.indexOf(t))));
    const expected = [
      actor.name,
      ...actor.variants,
      ...model.claims.filter((c) => isOn(c.on, 'actor', i)).map((c) => c.quote),
      ...claims.map((c) => model.sources[c.source]!.title),
      ...ties.map((t) => t.role),
      ...ties.map((t) => model.actors[t.from === i ? t.to : t.from]!.name),
      ...model.notes.filter((n) => isOn(n.on, 'actor', i)).map((n) => n.body),
    ];
    await visit(page, guard, `/actors/${actor.slug}`, expected);
    // The title is the name, as text: "</title><script>" does not close it.
    expect(normalise(await page.title())).toBe(normalise(`${actor.name} · Powermap`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(actor.name);
    // The one-hop map beside it labels the actor and its neighbours with their names, as text.
    const around = [actor, ...ties.map((t) => model.actors[t.from === i ? t.to : t.from]!)];
    await page.waitForFunction((slug) => Boolean((window as EgoWindow).__egoCy?.$id(`actor:${slug}`).length), actor.slug, { timeout: 20_000 });
    const egoLabels = await page.evaluate((slugs) => slugs.map((slug) => (window as EgoWindow).__egoCy!.$id(`actor:${slug}`).data('label')), around.map((a) => a.slug));
    expect(egoLabels).toEqual(around.map((a) => a.name));
    await expectInert(page, guard, `/actors/${actor.slug} with its map drawn`, []);
  }
  // The history of a record names it as text too.
  await visit(page, guard, `/history/actor/${model.actors[0]!.slug}`, [model.actors[0]!.name]);
  await page.close();
});

test('every tie page shows its role, ends, claims, sources and notes as text', async () => {
  test.setTimeout(120_000);
  const { page, guard } = await guardedPage(context!);
  for (const [k, tie] of model.ties.entries()) {
    const claims = model.claims.filter((c) => isOn(c.on, 'tie', k));
    await visit(page, guard, `/ties/${tie.id}`, [
      tie.role,
      model.actors[tie.from]!.name,
      model.actors[tie.to]!.name,
      ...claims.map((c) => c.quote),
      ...claims.map((c) => model.sources[c.source]!.title),
      ...model.notes.filter((n) => isOn(n.on, 'tie', k)).map((n) => n.body),
    ]);
  }
  await page.close();
});

test('the source list and every source page show titles, claims and subjects as text', async () => {
  test.setTimeout(120_000);
  const { page, guard } = await guardedPage(context!);
  await visit(page, guard, '/sources', model.sources.flatMap((s) => [s.title, s.publisher]));
  for (const [s, source] of model.sources.entries()) {
    const claims = model.claims.filter((c) => c.source === s);
    const subjects = claims.flatMap((c) => {
      if ('actor' in c.on) return [model.actors[c.on.actor]!.name];
      const tie = model.ties[c.on.tie]!;
      return [tie.role, model.actors[tie.from]!.name, model.actors[tie.to]!.name];
    });
    await visit(page, guard, `/sources/${source.id}`, [source.title, source.publisher, source.notes, ...claims.map((c) => c.quote), ...subjects]);
    // The link out is the http(s) address it was given, and nothing else is a link out.
    await expect(page.getByRole('link', { name: `https://example.org/xss/${run}` })).toHaveAttribute('href', `https://example.org/xss/${run}`);
  }
  await page.close();
});


test('the map: labels, list, search and both panels show the payloads as text', async () => {
  test.setTimeout(120_000);
  const { page, guard } = await guardedPage(context!);
  await visit(page, guard, '/', [...model.actors.map((a) => a.name), ...model.ties.map((t) => t.role)]);
  await page.waitForFunction(() => Boolean((window as CyWindow).__cy), null, { timeout: 30_000 });

  // Labels on the canvas are the names, character for character; roles ride on the edges as data.
  const drawn = await page.evaluate(
    ({ actors, ties }) => {
      const cy = (window as CyWindow).__cy!;
      return {
        labels: actors.map((slug) => {
          const node = cy.$id(`actor:${slug}`);
          return node.length ? { data: node.data('label'), style: node.style('label') } : null;
        }),
        roles: ties.map((id) => {
          const edge = cy.$id(`tie:${id}`);
          return edge.length ? edge.data('role') : null;
        }),
      };
    },
    { actors: model.actors.map((a) => a.slug), ties: model.ties.map((t) => t.id) },
  );
  expect(drawn.labels).toEqual(model.actors.map((a) => ({ data: a.name, style: a.name })));
  expect(drawn.roles).toEqual(model.ties.map((t) => t.role));
  const selected = () => page.evaluate(() => (window as CyWindow).__cy!.$(':selected').map((e) => e.id()));
  const panel = page.locator('section.map-details');

  // The list view: choose the first payload actor; the panel names it and every other name it has.
  const first = model.actors[0]!;
  const actorOptions = page.getByRole('listbox', { name: /^Actors/ }).getByRole('option');
  const actorIndex = await actorOptions.evaluateAll((options, name) => options.findIndex((o) => o.querySelector('.item-text')?.textContent === name), first.name);
  expect(actorIndex, 'the payload actor in the list').toBeGreaterThanOrEqual(0);
  await actorOptions.nth(actorIndex).click();
  await expect.poll(selected).toEqual([`actor:${first.slug}`]);
  await expect(panel.locator('#details-heading')).toHaveText(first.name);
  await expectInert(page, guard, 'map, actor panel from the list', [first.name, ...first.variants]);

  // Search: typing a payload name suggests it as text; choosing it selects it.
  const normalisedNames = model.actors.flatMap((a) => [a.name, ...a.variants].map(normaliseForSearch));
  const searchable = model.actors.slice(1).find((a) => {
    const key = normaliseForSearch(a.name);
    return key && !a.name.includes('\t') && normalisedNames.filter((n) => n === key).length <= 4;
  })!;
  expect(searchable, 'an actor the search can single out').toBeTruthy();
  await page.getByRole('combobox', { name: 'Find an actor' }).fill(searchable.name);
  const suggestions = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await expect(suggestions.first()).toBeVisible();
  const hitIndex = await suggestions.evaluateAll((options, name) => options.findIndex((o) => o.querySelector('.option-label')?.textContent === name), searchable.name);
  expect(hitIndex, 'the payload actor among the suggestions').toBeGreaterThanOrEqual(0);
  await expectInert(page, guard, 'map, search suggestions', [searchable.name]);
  await suggestions.nth(hitIndex).click();
  await expect.poll(selected).toEqual([`actor:${searchable.slug}`]);
  await expect(panel.locator('#details-heading')).toHaveText(searchable.name);
  await expectInert(page, guard, 'map, actor panel from the search', [searchable.name, ...searchable.variants]);

  // A tie from the list: the panel shows its role, its first claim's quote and source.
  const k = 0;
  const tie = model.ties[k]!;
  const claim = model.claims.find((c) => isOn(c.on, 'tie', k))!;
  const source = model.sources[claim.source]!;
  const tieOptions = page.getByRole('listbox', { name: /^Ties/ }).getByRole('option');
  const tieText = `${model.actors[tie.from]!.name} associate of ${model.actors[tie.to]!.name}`;
  const tieIndex = await tieOptions.evaluateAll(
    (options, { text, role }) =>
      options.findIndex((o) => o.querySelector('.item-text')?.textContent === text && (o.querySelector('.item-detail')?.textContent ?? '').startsWith(role)),
    { text: tieText, role: tie.role },
  );
  expect(tieIndex, 'the payload tie in the list').toBeGreaterThanOrEqual(0);
  await tieOptions.nth(tieIndex).click();
  await expect.poll(selected).toEqual([`tie:${tie.id}`]);
  await expect(panel.locator('blockquote')).toHaveText(claim.quote);
  await expectInert(page, guard, 'map, tie panel', [tie.role, claim.quote, source.title, source.publisher, model.actors[tie.from]!.name, model.actors[tie.to]!.name]);

  // And the guard does hear an injection: markup parsed from a payload is found, and the policy
  // refuses its handler (so the CSP, not luck, is what keeps window.__xss unset if one slips through).
  await page.evaluate((html) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    document.body.append(div);
  }, `<img src="/xss-guard-check.png" onerror="window.__xss=true">`);
  await expect.poll(() => guard.csp.some((v) => v.includes('script-src'))).toBe(true);
  expect(await injectedMarkup(page)).toEqual([expect.stringContaining('onerror on <img')]);
  expect(await page.evaluate(() => typeof (window as unknown as { __xss?: unknown }).__xss)).toBe('undefined');
  await page.close();
});
