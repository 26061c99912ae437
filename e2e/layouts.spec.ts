// Layouts that help: circle by faction then kind, a whole-network hierarchy laid out part by part,
// zoom in / zoom out / fit buttons, a fit after filtering, and the hovered actor's name and kind.
// Positions and zoom are read from the live instance (window.__cy, POWERMAP_TEST_HOOKS=1).
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SCREENSHOTS = path.join('e2e', 'screenshots');

interface LayoutNode {
  id: string;
  x: number;
  y: number;
  faction: string;
  kind: string;
}

async function openMap(page: Page, address = '/') {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

function layoutNodes(page: Page): Promise<LayoutNode[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: { nodes(): { map<T>(f: (n: { id(): string; position(): { x: number; y: number }; data(k: string): string }) => T): T[] } } }).__cy;
    return cy.nodes().map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y, faction: n.data('faction'), kind: n.data('kind') }));
  });
}

/** Chooses a layout and waits until the nodes have left their places and come to rest. */
async function chooseLayout(page: Page, layout: string): Promise<LayoutNode[]> {
  const key = (nodes: LayoutNode[]) => JSON.stringify(nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]));
  const before = key(await layoutNodes(page));
  await page.getByLabel('Layout').selectOption(layout);
  await expect(page).toHaveURL(new RegExp(`layout=${layout}`));
  await expect.poll(async () => key(await layoutNodes(page))).not.toBe(before);
  let last = '';
  await expect
    .poll(async () => {
      const now = key(await layoutNodes(page));
      const still = now === last;
      last = now;
      return still;
    }, { intervals: [250] })
    .toBe(true);
  return layoutNodes(page);
}

/** The zoom, and whether every drawn node lies within the visible part of the canvas. */
function camera(page: Page): Promise<{ zoom: number; allInView: boolean }> {
  return page.evaluate(() => {
    type Box = { x1: number; x2: number; y1: number; y2: number };
    const cy = (window as unknown as { __cy: { zoom(): number; extent(): Box; nodes(): { boundingBox(): Box } } }).__cy;
    const view = cy.extent();
    const box = cy.nodes().boundingBox();
    const slack = 2;
    return { zoom: cy.zoom(), allInView: box.x1 >= view.x1 - slack && box.x2 <= view.x2 + slack && box.y1 >= view.y1 - slack && box.y2 <= view.y2 + slack };
  });
}

test.describe('layouts and the camera', () => {
  test('circle by faction groups the actors by faction, then by kind within each', async ({ page }) => {
    await openMap(page);
    const nodes = await chooseLayout(page, 'circle');
    const cx = nodes.reduce((s, n) => s + n.x, 0) / nodes.length;
    const cy = nodes.reduce((s, n) => s + n.y, 0) / nodes.length;
    const round = [...nodes].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
    // Going round, each faction is one arc and each faction's kind one run within it.
    const runs = (values: string[]) => values.filter((v, i) => v !== values[(i + 1) % values.length]).length;
    const factions = round.map((n) => n.faction);
    expect(new Set(factions).size).toBeGreaterThan(2);
    expect(runs(factions)).toBe(new Set(factions).size);
    const groups = round.map((n) => `${n.faction}:${n.kind}`);
    expect(runs(groups)).toBe(new Set(groups).size);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-circle-by-faction.png') });
  });

  test('hierarchy on the whole network lays out each chain of command apart, not as one strip', async ({ page }) => {
    await openMap(page);
    const nodes = await chooseLayout(page, 'hierarchy');
    const xs = nodes.map((n) => n.x);
    const ys = nodes.map((n) => n.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(width / height).toBeLessThan(3);
    // Ranks: nodes share y-levels.
    expect(new Set(ys.map((y) => Math.round(y))).size).toBeLessThan(nodes.length / 2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-hierarchy-whole.png') });
  });

  test('concentric by a metric puts its highest actor in the middle: betweenness, with Lukashenko first', async ({ page, request }) => {
    const metrics = (await (await request.get('/api/graph/metrics?metric=betweenness')).json()) as { rows: { id: string; value: number }[] };
    const top = metrics.rows[0]!;
    const lowest = metrics.rows.at(-1)!;
    expect(top.id).toBe('actor:alexander-lukashenko');
    await openMap(page, '/?layout=concentric&metric=betweenness');
    await expect.poll(async () => {
      const nodes = await layoutNodes(page);
      const centre = nodes.find((n) => n.id === top.id)!;
      const radius = (n: LayoutNode) => Math.hypot(n.x - centre.x, n.y - centre.y);
      const others = nodes.filter((n) => n.id !== top.id);
      // Alone in the middle: everyone else is on a ring round it, the least between on the outermost.
      return Math.min(...others.map(radius)) > 20 && radius(nodes.find((n) => n.id === lowest.id)!) >= Math.max(...others.map(radius)) - 1;
    }).toBe(true);
  });

  test('zoom in, zoom out and fit buttons move the camera; a filter fits what is left', async ({ page }) => {
    await openMap(page);
    const zoom = page.getByRole('group', { name: 'Zoom' });
    const start = await camera(page);
    expect(start.allInView).toBe(true);
    await zoom.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await camera(page)).zoom).toBeCloseTo(start.zoom * 1.5, 2);
    await zoom.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await camera(page)).zoom).toBeCloseTo(start.zoom * 2.25, 2);
    expect((await camera(page)).allInView).toBe(false);
    await zoom.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(async () => (await camera(page)).zoom).toBeCloseTo(start.zoom * 1.5, 2);
    await zoom.getByRole('button', { name: 'Fit to screen' }).click();
    await expect.poll(async () => (await camera(page)).allInView).toBe(true);

    // Zoomed in, then a filter: the picture fits what the filter leaves.
    await zoom.getByRole('button', { name: 'Zoom in' }).click();
    await zoom.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await camera(page)).allInView).toBe(false);
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('group', { name: 'Factions' }).getByLabel('Russian state').uncheck();
    await expect(page).toHaveURL(/factions=/);
    await expect.poll(async () => (await camera(page)).allInView).toBe(true);
  });

  test('hovering an actor shows its name and kind', async ({ page }) => {
    await openMap(page, '/?focus=ivan-tertel&hops=1');
    const at = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: { $id(id: string): { renderedPosition(): { x: number; y: number } }; container(): HTMLElement } }).__cy;
      const p = cy.$id('actor:ivan-tertel').renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(at.x, at.y);
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('Ivan Tertel');
    await expect(tooltip).toContainText('Person');
    await page.mouse.move(5, 5);
    await expect(tooltip).toBeHidden();
  });
});
