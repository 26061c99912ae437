// The network map at /: what it draws, and how search, time, filters, focus, paths, sharing,
// export and the keyboard list change it. Graph state is read from the live Cytoscape instance
// (window.__cy, exposed because the test server runs with POWERMAP_TEST_HOOKS=1).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const seed = JSON.parse(readFileSync(path.join('seed', 'belarus.json'), 'utf8')) as { actors: { slug: string }[] };

interface CyNode {
  id(): string;
  data(key: string): unknown;
  position(): { x: number; y: number };
  renderedPosition(): { x: number; y: number };
  hasClass(name: string): boolean;
  style(name: string): string;
}
interface CyCollection {
  length: number;
  map<T>(f: (ele: CyNode) => T): T[];
}
interface Cy {
  nodes(selector?: string): CyCollection;
  edges(selector?: string): CyCollection;
  elements(selector?: string): CyCollection;
  $(selector: string): CyCollection;
  $id(id: string): CyCollection & CyNode;
  zoom(): number;
  container(): HTMLElement;
}
type CyWindow = Window & { __cy: Cy };

async function openMap(page: Page, address = '/') {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

/** Ids of the elements matching a selector on the live map. */
function ids(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((s) => (window as unknown as CyWindow).__cy.$(s).map((e) => e.id()), selector);
}

/** "26 Jan 2025", as the map writes a day. */
function formatDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function selectedIds(page: Page) {
  return ids(page, ':selected');
}

async function setDate(page: Page, iso: string) {
  await page.getByLabel('As of date', { exact: true }).fill(iso);
  await expect(page).toHaveURL(new RegExp(`asOf=${iso}`));
}

async function edgeState(page: Page, id: string) {
  return page.evaluate((edgeId) => {
    const edge = (window as unknown as CyWindow).__cy.$id(edgeId);
    return edge.length ? { past: edge.data('past') as boolean, lineStyle: edge.style('line-style') } : null;
  }, id);
}

interface LayoutNode {
  id: string;
  x: number;
  y: number;
  degree: number;
  faction: string;
}
interface LayoutState {
  nodes: LayoutNode[];
}

/** Every node's model position, with what the layouts sort by. */
function layoutState(page: Page): Promise<LayoutState> {
  return page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__cy as unknown as {
      nodes(): { map<T>(f: (n: { id(): string; position(): { x: number; y: number }; degree(loops: boolean): number; data(k: string): unknown }) => T): T[] };
    };
    const nodes = cy.nodes().map((n) => ({ id: n.id(), ...n.position(), degree: n.degree(false), faction: String(n.data('faction')) }));
    return { nodes: nodes.sort((a, b) => (a.id < b.id ? -1 : 1)) };
  });
}

async function chooseLayout(page: Page, layout: string) {
  await page.getByLabel('Layout').selectOption(layout);
  // Force is the default, which the address leaves out.
  if (layout === 'force') await expect(page).not.toHaveURL(/layout=/);
  else await expect(page).toHaveURL(new RegExp(`layout=${layout}`));
}

/**
 * Waits until the nodes have left the previous layout's places and stopped moving (the change
 * animates), then returns where they came to rest. A layout that did nothing fails here.
 */
async function settledLayout(page: Page, previous: LayoutState): Promise<LayoutState> {
  const key = (state: LayoutState) => JSON.stringify(state.nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]));
  await expect.poll(async () => key(await layoutState(page)), { message: 'the layout moved no node' }).not.toBe(key(previous));
  let last = '';
  await expect
    .poll(
      async () => {
        const now = key(await layoutState(page));
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [250], message: 'the nodes never came to rest' },
    )
    .toBe(true);
  return layoutState(page);
}

/** The stored (force-layout) positions the server sends for a view. */
async function storedPositions(page: Page, address: string): Promise<Record<string, { x: number; y: number }>> {
  const api = await (await page.request.get(`/api/graph${address.slice(1)}`)).json();
  return Object.fromEntries(api.elements.nodes.map((n: { data: { id: string }; position: { x: number; y: number } }) => [n.data.id, n.position]));
}

test.describe('the network map', () => {
  test('draws every seeded actor and tie, with a legend and a list', async ({ page }) => {
    await openMap(page);
    const nodeIds = await ids(page, 'node');
    expect(nodeIds.sort()).toEqual(seed.actors.map((a) => `actor:${a.slug}`).sort());
    const api = await (await page.request.get('/api/graph')).json();
    expect(await ids(page, 'edge')).toHaveLength(api.elements.edges.length);

    await expect(page.getByRole('status').filter({ hasText: `${seed.actors.length} actors` })).toBeVisible();
    await expect(page.getByRole('listbox', { name: /^Actors/ }).getByRole('option')).toHaveCount(seed.actors.length);
    const legend = page.locator('.map-legend');
    for (const text of ['Person', 'Organisation', 'Belarusian state', 'Russian state', 'arrow points to the superior', 'Opposes or rivals', 'Dashed: ended by this date']) {
      await expect(legend).toContainText(text);
    }
    // Style mapping on the live instance: shape by kind, hierarchy arrows, hostile warm, past dashed.
    const looks = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return {
        person: cy.$id('actor:alexander-lukashenko').style('shape'),
        organisation: cy.$id('actor:kgb-belarus').style('shape'),
        hierarchyArrow: cy.edges('[category = "hierarchy"]').map((e) => e.style('target-arrow-shape'))[0],
        hostile: cy.edges('[category = "hostile"]').map((e) => e.style('line-color'))[0],
        pastStyles: [...new Set(cy.edges('[?past]').map((e) => e.style('line-style')))],
      };
    });
    expect(looks).toMatchObject({ person: 'ellipse', organisation: 'round-rectangle', hierarchyArrow: 'triangle', pastStyles: ['dashed'] });
    expect(looks.hostile).toBe('rgb(228,87,46)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-default.png') });
  });

  test('search in any script finds, centres and selects Lukashenko', async ({ page }) => {
    await openMap(page);
    const search = page.getByRole('combobox', { name: 'Find an actor' });
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    for (const typed of ['lukash', 'Lukashenka']) {
      await search.fill(typed);
      await expect(suggestions.getByRole('option').first()).toContainText('Alexander Lukashenko');
    }
    await search.fill('Лукашэнка');
    await expect(suggestions.getByRole('option')).toHaveCount(1);
    await expect(suggestions.getByRole('option')).toContainText('Alexander Lukashenko');
    await expect(suggestions.getByRole('option')).toContainText('Лукашэнка');
    await search.press('Enter');

    await expect.poll(() => selectedIds(page)).toEqual(['actor:alexander-lukashenko']);
    await expect(page).toHaveURL(/select=actor%3Aalexander-lukashenko/);
    await expect(page.getByRole('heading', { level: 2, name: 'Alexander Lukashenko' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Alexander Lukashenko.s profile/ })).toHaveAttribute('href', '/actors/alexander-lukashenko');
    // Centred: the node sits in the middle of the canvas.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const cy = (window as unknown as CyWindow).__cy;
          const p = cy.$id('actor:alexander-lukashenko').renderedPosition();
          const box = cy.container()!.getBoundingClientRect();
          return Math.abs(p.x - box.width / 2) < 20 && Math.abs(p.y - box.height / 2) < 20;
        }),
      )
      .toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-selected-lukashenko.png') });
  });

  test('hovering an actor lights its neighbourhood and fades the rest', async ({ page }) => {
    await openMap(page, '/?focus=ivan-tertel&hops=2');
    const point = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const p = cy.$id('actor:ivan-tertel').renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const cy = (window as unknown as CyWindow).__cy;
          return {
            tertelLit: cy.$id('actor:ivan-tertel').hasClass('highlighted'),
            kgbLit: cy.$id('actor:kgb-belarus').hasClass('highlighted'),
            faded: cy.$('.hover-faded').length > 0,
          };
        }),
      )
      .toEqual({ tertelLit: true, kgbLit: true, faded: true });
    // Leaving the canvas clears the emphasis.
    await page.mouse.move(point.x, 5);
    await expect.poll(() => ids(page, '.hover-faded')).toEqual([]);
  });

  test('the date hides ties not yet begun, and marks Makei’s ties past after his death', async ({ page }) => {
    await openMap(page);
    await setDate(page, '2019-06-01');
    await expect.poll(() => edgeState(page, 'tie:tertel-leads-kgb')).toBeNull();
    await setDate(page, '2020-09-02');
    await expect.poll(() => edgeState(page, 'tie:tertel-leads-kgb')).toBeNull();
    await setDate(page, '2020-09-03');
    await expect.poll(() => edgeState(page, 'tie:tertel-leads-kgb')).toEqual({ past: false, lineStyle: 'solid' });
    await setDate(page, '2021-01-01');
    await expect.poll(() => edgeState(page, 'tie:tertel-leads-kgb')).toEqual({ past: false, lineStyle: 'solid' });

    await setDate(page, '2022-11-25');
    await expect.poll(() => edgeState(page, 'tie:makei-opposes-russian-state')).toEqual({ past: false, lineStyle: 'solid' });
    await setDate(page, '2023-01-01');
    await expect.poll(() => edgeState(page, 'tie:makei-opposes-russian-state')).toEqual({ past: true, lineStyle: 'dashed' });
    await expect.poll(() => edgeState(page, 'tie:makei-sanctioned-by-european-union')).toEqual({ past: true, lineStyle: 'dashed' });
    const makei = await page.evaluate(() => {
      const node = (window as unknown as CyWindow).__cy.$id('actor:vladimir-makei');
      return { ended: node.data('ended'), label: node.data('displayLabel') };
    });
    expect(makei).toEqual({ ended: true, label: 'Vladimir Makei †' });
    await expect(page.getByRole('listbox', { name: /^Actors/ })).toContainText('Vladimir Makei †');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-2023.png') });

    // Ended ties hidden by the toggle; Makei himself stays, marked.
    await page.getByLabel('Show ended ties (dashed)').uncheck();
    await expect(page).toHaveURL(/ended=hide/);
    await expect.poll(() => ids(page, 'edge[?past]')).toEqual([]);
    expect(await ids(page, '#actor\\:vladimir-makei')).toEqual(['actor:vladimir-makei']);

    // The slider moves through time too, and Play runs forward to today.
    const slider = page.getByRole('slider', { name: 'As of' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/asOf=2022-12-31/);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page).not.toHaveURL(/asOf=2022-12-31/);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('a tie-type filter changes what is drawn, and positions stay put', async ({ page }) => {
    await openMap(page);
    const before = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return { participation: cy.edges('[type = "participated_in"]').length, nodes: cy.nodes().length, kgb: cy.$id('actor:kgb-belarus').position() };
    });
    expect(before.participation).toBeGreaterThan(0);
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('group', { name: 'Tie types' }).getByLabel('participated in').uncheck();
    await expect(page).toHaveURL(/types=/);
    await expect.poll(() => ids(page, 'edge[type = "participated_in"]')).toEqual([]);
    const after = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return { nodes: cy.nodes().length, kgb: cy.$id('actor:kgb-belarus').position() };
    });
    expect(after.nodes).toBe(before.nodes);
    expect(after.kgb).toEqual(before.kgb);

    // Minimum grade "B2 or better" keeps only ties graded that well.
    await page.getByLabel('Minimum grade').selectOption('B2');
    await expect(page).toHaveURL(/minGrade=B2/);
    const grades = await page.evaluate(() => (window as unknown as CyWindow).__cy.edges().map((e) => String(e.data('grade'))));
    expect(grades.length).toBeGreaterThan(0);
    for (const grade of grades) expect(grade).toMatch(/^(A[1-6]|B[12])$/);

    // Actor kind: without events, no triangles.
    await page.getByRole('group', { name: 'Actor kinds' }).getByLabel('Event').uncheck();
    await expect.poll(() => ids(page, 'node[kind = "event"]')).toEqual([]);
  });

  test('focus shows a neighbourhood and returns to the whole network', async ({ page }) => {
    await openMap(page, '/?select=actor%3Aivan-tertel');
    await page.getByLabel('Hops').selectOption('1');
    await page.getByRole('button', { name: 'Show neighbourhood' }).click();
    await expect(page).toHaveURL(/focus=ivan-tertel/);
    const near = await ids(page, 'node');
    expect(near).toEqual(expect.arrayContaining(['actor:ivan-tertel', 'actor:kgb-belarus', 'actor:alexander-lukashenko']));
    expect(near.length).toBeLessThan(seed.actors.length);
    await page.getByLabel('Hops').selectOption('2');
    await page.getByRole('button', { name: 'Update neighbourhood' }).click();
    await expect(page).toHaveURL(/hops=2/);
    await expect.poll(async () => (await ids(page, 'node')).length).toBeGreaterThan(near.length);
    await page.getByRole('button', { name: 'Whole network' }).first().click();
    await expect.poll(async () => (await ids(page, 'node')).length).toBe(seed.actors.length);
  });

  test('traces and lists the path between Tsikhanouskaya and Gryzlov', async ({ page }) => {
    await openMap(page);
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await page.getByRole('combobox', { name: 'From', exact: true }).fill('Ціханоўская');
    await suggestions.getByRole('option', { name: /Sviatlana Tsikhanouskaya/ }).click();
    await page.getByRole('combobox', { name: 'To', exact: true }).fill('Gryzlov');
    await suggestions.getByRole('option', { name: /Boris Gryzlov/ }).click();
    await page.getByRole('button', { name: 'Trace path' }).click();

    await expect(page).toHaveURL(/path=sviatlana-tsikhanouskaya%2Cboris-gryzlov/);
    const steps = page.getByRole('list', { name: 'Path, tie by tie' }).getByRole('listitem');
    await expect(steps.first()).toBeVisible();
    const count = await steps.count();
    const onPath = await ids(page, '.path');
    expect(onPath).toEqual(expect.arrayContaining(['actor:sviatlana-tsikhanouskaya', 'actor:boris-gryzlov']));
    expect(onPath.filter((id) => id.startsWith('tie:'))).toHaveLength(count);
    expect(onPath.filter((id) => id.startsWith('actor:'))).toHaveLength(count + 1);
    await expect(steps.first()).toContainText('Sviatlana Tsikhanouskaya');
    await expect(steps.last()).toContainText('Boris Gryzlov');
    expect((await ids(page, '.path-faded')).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-path.png') });

    await page.getByRole('button', { name: 'Clear path' }).click();
    await expect(page).not.toHaveURL(/path=/);
    await expect.poll(() => ids(page, '.path')).toEqual([]);
  });

  test('a shared address restores the whole view, and back and forward work', async ({ page }) => {
    const address =
      '/?asOf=2021-06-01&types=leads,appointed_by,subordinate_to,opposes,supports,represents&minGrade=C3&focus=alexander-lukashenko&hops=2&layout=concentric&select=actor%3Aivan-tertel';
    await openMap(page, address);
    const read = async () => ({
      nodes: (await ids(page, 'node')).sort(),
      edges: (await ids(page, 'edge')).sort(),
      selected: await selectedIds(page),
      date: await page.getByLabel('As of date', { exact: true }).inputValue(),
      layout: await page.getByLabel('Layout').inputValue(),
      grade: await page.getByLabel('Minimum grade').inputValue(),
    });
    const first = await read();
    expect(first).toMatchObject({ selected: ['actor:ivan-tertel'], date: '2021-06-01', layout: 'concentric', grade: 'C3' });
    const api = await (await page.request.get(`/api/graph${address.slice(1)}`)).json();
    expect(first.nodes).toEqual(api.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort());
    expect(first.edges).toEqual(api.elements.edges.map((e: { data: { id: string } }) => e.data.id).sort());
    await expect(page.getByRole('heading', { level: 2, name: 'Ivan Tertel' })).toBeVisible();

    await page.reload();
    await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy));
    expect(await read()).toEqual(first);

    // A change makes a history entry; back restores the view, forward returns to the change.
    await page.getByLabel('Layout').selectOption('circle');
    await expect(page).toHaveURL(/layout=circle/);
    await page.getByRole('listbox', { name: /^Actors/ }).getByRole('option', { name: /KGB of Belarus/ }).click();
    await expect.poll(() => selectedIds(page)).toEqual(['actor:kgb-belarus']);
    await page.goBack();
    await expect.poll(() => selectedIds(page)).toEqual(['actor:ivan-tertel']);
    await page.goBack();
    await expect(page.getByLabel('Layout')).toHaveValue('concentric');
    await page.goForward();
    await expect(page.getByLabel('Layout')).toHaveValue('circle');
  });

  test('an address it cannot read says what is wrong and shows the whole network', async ({ page }) => {
    await openMap(page, '/?kinds=robot&hops=9');
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(alert).toContainText('kinds: unknown value "robot"');
    await expect(alert).toContainText('hops:');
    expect(await ids(page, 'node')).toHaveLength(seed.actors.length);
  });

  test('clicking a tie shows its dates, grade, first claim and links', async ({ page }) => {
    await openMap(page, '/?select=tie%3Atertel-leads-kgb');
    const panel = page.locator('.map-details');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Ivan Tertel leads KGB of Belarus');
    await expect(panel).toContainText('3 Sep 2020');
    await expect(panel).toContainText('known to the day');
    await expect(panel.locator('blockquote')).not.toBeEmpty();
    await expect(panel.getByRole('link', { name: 'Open the tie’s page' })).toHaveAttribute('href', '/ties/tertel-leads-kgb');
    await expect(panel).toContainText(/\d+ claims?, \d+ notes?/);
    expect(await selectedIds(page)).toEqual(['tie:tertel-leads-kgb']);

    // A tap on an edge on the canvas selects it the same way.
    await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy as unknown as { $id(id: string): { emit(e: string): void } };
      cy.$id('tie:makei-opposes-russian-state').emit('tap');
    });
    await expect(page).toHaveURL(/select=tie%3Amakei-opposes-russian-state/);
    await expect(panel.getByRole('heading', { level: 2 })).toContainText('Vladimir Makei opposes');
  });

  test('each layout places the actors its own way: hierarchy in ranks, concentric in rings by ties, circle by faction, force as stored', async ({ page }) => {
    const address = '/?focus=ivan-tertel&hops=1';
    await openMap(page, address);
    const stored = await storedPositions(page, address);
    let previous = await layoutState(page);
    // The map opens on the stored force layout.
    expect(previous.nodes.map((n) => [n.id, { x: n.x, y: n.y }])).toEqual(previous.nodes.map((n) => [n.id, stored[n.id]]));

    await chooseLayout(page, 'hierarchy');
    const hierarchy = await settledLayout(page, previous);
    const at = (state: LayoutState, id: string) => state.nodes.find((n) => n.id === id)!;
    expect(at(hierarchy, 'actor:alexander-lukashenko').y).toBeLessThan(at(hierarchy, 'actor:ivan-tertel').y);
    expect(at(hierarchy, 'actor:ivan-tertel').y).toBeLessThan(at(hierarchy, 'actor:kgb-belarus').y);
    // dagre ranks: actors share a few y-levels rather than each having its own.
    const levels = new Set(hierarchy.nodes.map((n) => Math.round(n.y)));
    expect(levels.size).toBeGreaterThanOrEqual(3);
    expect(levels.size).toBeLessThan(hierarchy.nodes.length);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-hierarchy.png') });
    previous = hierarchy;

    await chooseLayout(page, 'concentric');
    const concentric = await settledLayout(page, previous);
    // The most tied actor (the focus) sits alone in the middle; a more tied actor is never on an outer ring.
    const byDegree = [...concentric.nodes].sort((a, b) => b.degree - a.degree);
    expect(byDegree[0].id).toBe('actor:ivan-tertel');
    expect(byDegree[0].degree).toBeGreaterThan(byDegree[1].degree);
    const middle = byDegree[0];
    const radius = (n: LayoutNode) => Math.hypot(n.x - middle.x, n.y - middle.y);
    for (const n of byDegree.slice(1)) expect(radius(n)).toBeGreaterThan(20);
    for (const a of concentric.nodes)
      for (const b of concentric.nodes) if (a.degree > b.degree) expect(radius(a), `${a.id} inside ${b.id}`).toBeLessThanOrEqual(radius(b) + 1);
    previous = concentric;

    await chooseLayout(page, 'circle');
    const circle = await settledLayout(page, previous);
    // Evenly spaced on one circle, so the centroid is its centre and every actor is one radius away.
    const cx = circle.nodes.reduce((sum, n) => sum + n.x, 0) / circle.nodes.length;
    const cy = circle.nodes.reduce((sum, n) => sum + n.y, 0) / circle.nodes.length;
    const radii = circle.nodes.map((n) => Math.hypot(n.x - cx, n.y - cy));
    expect(Math.min(...radii)).toBeGreaterThan(20);
    expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(1);
    // Grouped by faction: going round, the faction changes no more often than there are factions.
    const round = [...circle.nodes].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx)).map((n) => n.faction);
    const changes = round.filter((f, i) => f !== round[(i + 1) % round.length]).length;
    expect(new Set(round).size).toBeGreaterThan(1);
    expect(changes).toBe(new Set(round).size);
    previous = circle;

    await chooseLayout(page, 'force');
    const force = await settledLayout(page, previous);
    expect(force.nodes.map((n) => [n.id, { x: n.x, y: n.y }])).toEqual(force.nodes.map((n) => [n.id, stored[n.id]]));
  });

  test('each export downloads a file that parses', async ({ page }) => {
    await openMap(page, '/?asOf=2022-01-01');
    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      return { file: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    };
    const png = await save('PNG');
    expect(png.file).toBe('powermap-2022-01-01.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const svg = await save('SVG');
    expect(svg.file).toMatch(/\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length };
    }, svg.bytes.toString('utf8'));
    expect(parsed).toEqual({ root: 'svg', errors: 0 });

    // The view's data comes from GET /api/export, linked with the map's query.
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('list', { name: 'This view as a file' }).getByRole('link', { name: 'Cytoscape JSON', exact: true }).click(),
    ]);
    const json = { file: jsonDownload.suggestedFilename(), bytes: readFileSync(await jsonDownload.path()) };
    expect(json.file).toBe('powermap-view-2022-01-01.cyjs');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    const drawn = await page.evaluate(() => [(window as unknown as CyWindow).__cy.nodes().length, (window as unknown as CyWindow).__cy.edges().length]);
    expect([doc.elements.nodes.length, doc.elements.edges.length]).toEqual(drawn);
    const drawnIds = await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes().map((n) => n.id()).sort());
    expect(doc.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(drawnIds);
    expect(doc.elements.nodes[0]).toMatchObject({ data: { id: expect.stringMatching(/^actor:/), name: expect.any(String) }, position: { x: expect.any(Number) } });
    expect(doc.elements.edges[0].data).toMatchObject({ source: expect.stringMatching(/^actor:/), target: expect.stringMatching(/^actor:/), interaction: expect.any(String) });
  });

  test('the list view reaches and selects an actor by keyboard alone', async ({ page }) => {
    await openMap(page);
    const actors = page.getByRole('listbox', { name: /^Actors/ });
    // Tab from the top of the page until the actor list has focus.
    for (let i = 0; i < 80 && !(await actors.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(actors).toBeFocused();
    const activeText = () =>
      actors.evaluate((el) => document.getElementById(el.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');
    await page.keyboard.press('Home');
    for (let i = 0; i < seed.actors.length && !(await activeText()).startsWith('Ivan Tertel'); i++) await page.keyboard.press('ArrowDown');
    expect(await activeText()).toMatch(/^Ivan Tertel/);
    await page.keyboard.press('Enter');
    await expect.poll(() => selectedIds(page)).toEqual(['actor:ivan-tertel']);
    await expect(actors.getByRole('option', { selected: true })).toContainText('Ivan Tertel');
    await expect(page.getByRole('heading', { level: 2, name: 'Ivan Tertel' })).toBeVisible();

    // The ties list works the same way.
    const ties = page.getByRole('listbox', { name: /^Ties/ });
    await ties.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await selectedIds(page))[0]).toMatch(/^tie:/);
  });
});

test.describe('GET /api/graph', () => {
  test('a bad parameter is a 400 that names it', async ({ request }) => {
    for (const [query, name] of [
      ['kinds=robot', 'kinds'],
      ['hops=7', 'hops'],
      ['asOf=2021-02-30', 'asOf'],
      ['minGrade=Z9', 'minGrade'],
      ['colour=red', 'colour'],
    ]) {
      const response = await request.get(`/api/graph?${query}`);
      expect(response.status(), query).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('invalid');
      expect(body.error.message).toContain(name);
    }
  });

  test('filters give the right subset as Cytoscape JSON', async ({ request }) => {
    const all = await (await request.get('/api/graph')).json();
    expect(all.elements.nodes).toHaveLength(seed.actors.length);
    expect(all.elements.nodes[0].data).toMatchObject({ id: expect.any(String), slug: expect.any(String), label: expect.any(String), kind: expect.any(String), faction: expect.any(String) });

    const leads2019 = await (await request.get('/api/graph?asOf=2019-06-01&types=leads')).json();
    const edges2019 = leads2019.elements.edges.map((e: { data: Record<string, unknown> }) => e.data);
    expect(edges2019.every((e: { type: string }) => e.type === 'leads')).toBe(true);
    expect(edges2019.map((e: { id: string }) => e.id)).not.toContain('tie:tertel-leads-kgb');
    for (const key of ['id', 'source', 'target', 'type', 'start', 'end', 'grade']) expect(edges2019[0]).toHaveProperty(key);
    const vakulchik = edges2019.find((e: { id: string }) => e.id === 'tie:vakulchik-leads-kgb');
    expect(vakulchik).toMatchObject({ source: 'actor:valery-vakulchik', target: 'actor:kgb-belarus', start: expect.stringMatching(/^\d{4}-/) });

    const leads2021 = await (await request.get('/api/graph?asOf=2021-06-01&types=leads')).json();
    expect(leads2021.elements.edges.map((e: { data: { id: string } }) => e.data.id)).toContain('tie:tertel-leads-kgb');

    const people = await (await request.get('/api/graph?kinds=person&factions=belarus-opposition')).json();
    expect(people.elements.nodes.length).toBeGreaterThan(0);
    for (const n of people.elements.nodes) expect(n.data).toMatchObject({ kind: 'person', faction: 'belarus-opposition' });

    const focus = await (await request.get('/api/graph?focus=ivan-tertel&hops=1&layout=circle&select=actor:ivan-tertel')).json();
    const focusIds = focus.elements.nodes.map((n: { data: { id: string } }) => n.data.id);
    expect(focusIds).toEqual(expect.arrayContaining(['actor:ivan-tertel', 'actor:kgb-belarus']));
    expect(focusIds.length).toBeLessThan(seed.actors.length);

    const graded = await (await request.get('/api/graph?minGrade=B2')).json();
    for (const e of graded.elements.edges) expect(e.data.grade).toMatch(/^(A[1-6]|B[12])$/);
  });
});

test.describe('GET /api/graph/map', () => {
  test('sends the whole seed as columns, with an ETag that answers 304 until the network changes', async ({ request }) => {
    const first = await request.get('/api/graph/map');
    expect(first.status()).toBe(200);
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers()['cache-control']).toContain('no-cache');
    const payload = await first.json();
    expect(payload).toMatchObject({ format: 'powermap-map/1', mode: 'whole' });
    expect([...payload.actors.slug].sort()).toEqual(seed.actors.map((a) => a.slug).sort());
    expect(payload.ties.id.length).toBe(payload.ties.source.length);
    // No details on the wire: claims, quotes and summaries load on selection.
    expect(JSON.stringify(payload)).not.toContain('quote');

    const again = await request.get('/api/graph/map', { headers: { 'If-None-Match': etag! } });
    expect(again.status()).toBe(304);
    // Another address of a network drawn whole is the same payload.
    expect((await request.get('/api/graph/map?asOf=2001-01-01')).headers()['etag']).toBe(etag);
    const stale = await request.get('/api/graph/map', { headers: { 'If-None-Match': '"something-else"' } });
    expect(stale.status()).toBe(200);
  });

  test('a bad parameter is a 400 that names it', async ({ request }) => {
    const response = await request.get('/api/graph/map?group=robots:person');
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toContain('group');
  });
});

test.describe('a network too large to draw whole', () => {
  // The test server honours this cookie (POWERMAP_TEST_HOOKS=1 only): above 20 actors and ties, the
  // seed is "large", so it opens as an overview and every view comes cut from the server.
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: 'powermap-test-overview-above', value: '20', url: baseURL! }]);
  });

  // Moving between the overview and a neighbourhood replaces the canvas: wait for the new one.
  const drawn = async (page: Page, selector: string) => {
    await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy));
    return ids(page, selector);
  };
  const groupIds = (page: Page) => drawn(page, 'node[?group]');

  test('opens as an overview of groups, opens one by a click and one by zooming in', async ({ page }) => {
    await openMap(page);
    await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${seed.actors.length} actors in \\d+ groups as of`) })).toBeVisible();
    const groups = page.getByRole('listbox', { name: /^Groups/ }).getByRole('option');
    const groupsDrawn = await groupIds(page);
    expect(groupsDrawn.length).toBeGreaterThan(5);
    await expect(groups).toHaveCount(groupsDrawn.length);
    // Every actor of the seed is counted in exactly one group.
    const members = await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('[?group]').map((n) => Number(n.data('members'))));
    expect(members.reduce((a, b) => a + b, 0)).toBe(seed.actors.length);
    expect(await drawn(page, 'node[!group]')).toEqual([]);
    expect((await drawn(page, 'edge[?aggregate]')).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-overview.png') });

    // Choosing a group in the list opens it: its members come from the server, drawn at their places.
    await groups.filter({ hasText: 'Belarusian state · people' }).click();
    await expect(page).toHaveURL(/group=belarus-state%3Aperson/);
    await expect.poll(() => drawn(page, 'node[kind = "person"][faction = "belarus-state"][!group]')).toEqual(
      expect.arrayContaining(['actor:alexander-lukashenko', 'actor:ivan-tertel', 'actor:nikolai-karpenkov']),
    );
    await expect(page.getByRole('status').filter({ hasText: 'Belarusian state · people open' })).toBeVisible();
    expect(await groupIds(page)).not.toContain('group:belarus-state:person');
    expect((await drawn(page, 'edge[?member]')).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-overview-open.png') });

    // A member opens in the details panel like on the whole map.
    await page.getByRole('listbox', { name: /^Actors/ }).getByRole('option', { name: /Ivan Tertel/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ivan Tertel' })).toBeVisible();

    await page.getByRole('button', { name: 'Close Belarusian state · people' }).click();
    await expect(page).not.toHaveURL(/group=/);
    await expect.poll(() => drawn(page, 'node[!group]')).toEqual([]);

    // Zooming well into a group opens it too.
    await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy as unknown as {
        $id(id: string): unknown;
        center(eles: unknown): void;
        zoom(options: { level: number; renderedPosition: { x: number; y: number } }): void;
        zoom(): number;
        width(): number;
        height(): number;
      };
      cy.center(cy.$id('group:russia-state:person'));
      cy.zoom({ level: cy.zoom() * 4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await expect(page).toHaveURL(/group=russia-state%3Aperson/);
    await expect.poll(() => drawn(page, 'node[faction = "russia-state"][kind = "person"][!group]')).toContain('actor:boris-gryzlov');
  });

  test('plays through the overview: each step a new cut of the groups, marked, stopping at the last dated tie', async ({ page }) => {
    await openMap(page);
    // The overview holds no ties; the server sends the first and last dates of the view's ties.
    const range = page.getByText(/^Play runs from (.+) to (.+)\.$/);
    await expect(range).toBeVisible();
    const [, fromLabel, toLabel] = /^Play runs from (.+) to (.+)\.$/.exec((await range.textContent())!)!;
    // The seed's last dated tie: the latest start, or end at the close of its period ("2020" ends 31 Dec).
    type SeedDate = { date: string; precision: string } | null | undefined;
    const startDay = (d: SeedDate) => (d ? (d.date + '-01-01').slice(0, 10) : undefined);
    const endDay = (d: SeedDate) => {
      if (!d) return undefined;
      const [y, m] = d.date.split('-').map(Number);
      if (d.precision === 'year') return `${y}-12-31`;
      if (d.precision === 'month') return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
      return d.date;
    };
    const seedTies = JSON.parse(readFileSync(path.join('seed', 'belarus.json'), 'utf8')).ties as { start?: SeedDate; end?: SeedDate }[];
    const seedDays = seedTies.flatMap((t) => [startDay(t.start), endDay(t.end)]).filter((d): d is string => Boolean(d));
    const last = seedDays.sort().at(-1)!;
    expect(toLabel).toBe(formatDay(last));
    const play = page.getByRole('button', { name: 'Play' });
    await expect(play).toBeEnabled();

    // Each step's marks, as the live graph holds them, are noted while play runs (a step lasts a moment).
    await page.evaluate(() => {
      const w = window as unknown as CyWindow & { __marked: number; __groups: string[] };
      w.__marked = 0;
      w.__groups = [];
      setInterval(() => {
        const cy = w.__cy;
        w.__marked = Math.max(w.__marked, cy.elements('.change-new, .change-gone').length);
        const counts = cy.nodes('[?group]').map((n) => `${n.id()}=${String(n.data('members'))}`).join(',');
        if (w.__groups.at(-1) !== counts) w.__groups.push(counts);
      }, 40);
    });
    await page.getByLabel('Play step').selectOption('year');
    await page.getByLabel('Play speed').selectOption('fast');
    await play.click();
    const dateBox = page.getByLabel('As of date', { exact: true });
    const first = await dateBox.inputValue();
    expect(formatDay(first)).toBe(fromLabel);
    // The date advances, a year a step, each step's overview fetched and drawn before the next.
    await expect.poll(() => dateBox.inputValue(), { timeout: 15_000 }).not.toBe(first);
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-overview-play.png') });
    // It stops at the last dated tie's day.
    await expect(page).toHaveURL(new RegExp(`asOf=${last}`), { timeout: 90_000 });
    await expect(play).toBeVisible();
    await expect(dateBox).toHaveValue(last);
    await expect(page.getByRole('status').filter({ hasText: new RegExp(`as of ${toLabel}$`) })).toBeVisible();
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __marked: number; __groups: string[] };
      return { __marked: w.__marked, __groups: w.__groups };
    });
    // The groups were cut anew as the years went by, and what changed at a step was marked.
    expect(seen.__groups.length).toBeGreaterThan(3);
    expect(seen.__marked).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-overview-play-end.png') });
  });

  test('search asks the server, and a found actor opens with its neighbourhood', async ({ page }) => {
    await openMap(page);
    const search = page.getByRole('combobox', { name: 'Find an actor' });
    await search.fill('Тэртэль');
    const suggestion = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /Ivan Tertel/ });
    await expect(suggestion).toBeVisible();
    await search.press('Enter');
    await expect(page).toHaveURL(/focus=ivan-tertel/);
    await expect(page).toHaveURL(/select=actor%3Aivan-tertel/);
    await expect.poll(() => drawn(page, 'node')).toEqual(expect.arrayContaining(['actor:ivan-tertel', 'actor:kgb-belarus', 'actor:alexander-lukashenko']));
    expect(await groupIds(page)).toEqual([]);
    await expect(page.getByRole('status').filter({ hasText: 'within 1 hop of Ivan Tertel' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Ivan Tertel' })).toBeVisible();
    await expect.poll(() => drawn(page, ':selected')).toEqual(['actor:ivan-tertel']);

    // Two hops fetch a larger neighbourhood; the way back is the overview.
    const near = (await drawn(page, 'node')).length;
    await page.getByLabel('Hops').selectOption('2');
    await page.getByRole('button', { name: 'Update neighbourhood' }).click();
    await expect(page).toHaveURL(/hops=2/);
    await expect.poll(async () => (await drawn(page, 'node')).length).toBeGreaterThan(near);
    await page.getByRole('button', { name: 'Whole network' }).first().click();
    await expect(page).not.toHaveURL(/focus=/);
    await expect.poll(async () => (await groupIds(page)).length).toBeGreaterThan(5);
  });

  test('a traced path comes with the neighbourhoods of both ends', async ({ page }) => {
    await openMap(page);
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await page.getByRole('combobox', { name: 'From', exact: true }).fill('Ціханоўская');
    await suggestions.getByRole('option', { name: /Sviatlana Tsikhanouskaya/ }).click();
    await page.getByRole('combobox', { name: 'To', exact: true }).fill('Gryzlov');
    await suggestions.getByRole('option', { name: /Boris Gryzlov/ }).click();
    await page.getByRole('button', { name: 'Trace path' }).click();
    await expect(page).toHaveURL(/path=sviatlana-tsikhanouskaya%2Cboris-gryzlov/);
    const steps = page.getByRole('list', { name: 'Path, tie by tie' }).getByRole('listitem');
    await expect(steps.first()).toContainText('Sviatlana Tsikhanouskaya');
    await expect(steps.last()).toContainText('Boris Gryzlov');
    const onPath = await drawn(page, '.path');
    expect(onPath).toEqual(expect.arrayContaining(['actor:sviatlana-tsikhanouskaya', 'actor:boris-gryzlov']));
    expect(onPath.filter((id) => id.startsWith('tie:'))).toHaveLength(await steps.count());
  });

  test('every view is an address: a shared one opens the same group or neighbourhood', async ({ page }) => {
    await openMap(page, '/?group=west%3Astate&asOf=2021-06-01');
    await expect.poll(() => drawn(page, 'node[faction = "west"][kind = "state"][!group]')).not.toEqual([]);
    await expect(page.getByLabel('As of date', { exact: true })).toHaveValue('2021-06-01');
    await openMap(page, '/?focus=kgb-belarus&hops=1&select=actor%3Akgb-belarus');
    await expect.poll(() => drawn(page, ':selected')).toEqual(['actor:kgb-belarus']);
    expect(await groupIds(page)).toEqual([]);
  });
});
