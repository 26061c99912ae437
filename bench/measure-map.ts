// Browser figures, in headless Chromium with software rendering: Powermap's map beside bare
// Cytoscape.js drawing the same elements (Powermap's own element adapter and stylesheet, stored
// positions) from a static page. On the large network: the first readable map against bare
// Cytoscape drawing every element, and the initial payload against the minimal JSON of what is
// drawn. On the small network (drawn whole): first draw, a filter, a date move, frame time.
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from '@playwright/test';
import { graphStylesheet } from '../components/graph/graph-style';
import { disconnectDb } from '../lib/db/client';
import { loadGraph } from '../lib/data/graph';
import { SEED } from '../lib/data/principal';
import { buildView } from '../lib/graph/build-view';
import { toCytoscapeElements } from '../lib/graph/cytoscape-elements';
import { median } from './load';
import type { BenchOptions } from './options';
import type { Report } from './report';
import type { Server } from './servers';
import { todayIso } from '../lib/domain/dates';

const require = createRequire(import.meta.url);
const FILTER_TYPE = 'opposes';
const DATE = '2000-01-01';

/** Runs `read` against another database: the bench process holds one Prisma connection at a time. */
async function withDatabase<T>(url: string, read: () => Promise<T>): Promise<T> {
  await disconnectDb();
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    return await read();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = before;
  }
}

interface BareElements {
  json: string;
  nodes: number;
  edges: number;
  /** The date move as bare Cytoscape makes it: what is no longer drawn at DATE, and what is drawn differently. */
  dateMove: DateMove;
}

/**
 * The same change Powermap's map makes when its date moves to DATE: the elements buildView no
 * longer shows are removed, and those it shows with another mark (a tie past today but current
 * then, an actor not yet ended) get that data, all in one batch. Moving the date changes marks as
 * well as membership; an anchor that only removed edges would time less than the same change.
 */
interface DateMove {
  keep: string[];
  data: [id: string, data: Record<string, unknown>][];
}

function dateMoveOf(today: ReturnType<typeof toCytoscapeElements>, atDate: ReturnType<typeof toCytoscapeElements>): DateMove {
  const before = new Map<string, Record<string, unknown>>([...today.nodes, ...today.edges].map((e) => [String(e.data.id), e.data as unknown as Record<string, unknown>]));
  const data: DateMove['data'] = [];
  for (const element of [...atDate.nodes, ...atDate.edges]) {
    const was = before.get(String(element.data.id));
    if (!was) continue;
    const changed = Object.fromEntries(Object.entries(element.data).filter(([key, value]) => JSON.stringify(was[key]) !== JSON.stringify(value)));
    if (Object.keys(changed).length > 0) data.push([String(element.data.id), changed]);
  }
  return { keep: [...atDate.nodes, ...atDate.edges].map((e) => String(e.data.id)), data };
}

/** Every element of today's whole-network view, as Powermap's adapter makes them, with stored positions. */
export async function bareElements(databaseUrl: string): Promise<BareElements> {
  return withDatabase(databaseUrl, async () => {
    const graph = await loadGraph(SEED);
    const elements = toCytoscapeElements(buildView(graph, { showEnded: true, hops: 1 }, todayIso()));
    const dateMove = dateMoveOf(elements, toCytoscapeElements(buildView(graph, { asOf: DATE, showEnded: true, hops: 1 }, todayIso())));
    const positioned = { nodes: elements.nodes.map((n) => ({ ...n, position: n.position ?? { x: 0, y: 0 } })), edges: elements.edges };
    return { json: JSON.stringify(positioned), nodes: elements.nodes.length, edges: elements.edges.length, dateMove };
  });
}

/** Bare Cytoscape: one static page with the given elements, Powermap's style, preset positions. */
export async function startBare(port: number, elementsJson: string): Promise<HttpServer> {
  const cytoscapeJs = readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
  const data = `window.BENCH_ELEMENTS=${elementsJson};window.BENCH_STYLE=${JSON.stringify(graphStylesheet())};`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>html,body,#cy{margin:0;width:100%;height:100%}</style></head>
<body><div id="cy"></div><script src="/cytoscape.js"></script><script src="/data.js"></script><script>
window.__cy = cytoscape({ container: document.getElementById('cy'), elements: BENCH_ELEMENTS, style: BENCH_STYLE, layout: { name: 'preset', fit: true } });
</script></body></html>`;
  const server = createServer((req, res) => {
    const body = req.url === '/cytoscape.js' ? cytoscapeJs : req.url === '/data.js' ? data : html;
    res.writeHead(200, { 'content-type': req.url?.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return server;
}

// In-page measurements, installed as plain JavaScript source: functions passed to
// page.evaluate would carry the TypeScript compiler's helpers, which the page does not have.
export const IN_PAGE = `
window.__bench = {
  // Milliseconds from navigation start until the first frame painted after the graph has its elements.
  firstDraw() {
    return new Promise((resolve) => {
      const check = () => {
        const cy = window.__cy;
        if (cy && cy.nodes().length > 0) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        else requestAnimationFrame(check);
      };
      check();
    });
  },
  // What is drawn, as the least JSON that could say it: node ids and positions, edge ids and ends.
  minimalJsonBytes() {
    const cy = window.__cy;
    const nodes = cy.nodes(':visible').map((n) => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))]);
    const edges = cy.edges(':visible').map((e) => [e.id(), e.source().id(), e.target().id()]);
    return { bytes: new TextEncoder().encode(JSON.stringify({ nodes, edges })).length, nodes: nodes.length, edges: edges.length };
  },
  // Average frame time while panning and zooming for a fixed number of frames.
  frameTime(frames) {
    return new Promise((resolve) => {
      const cy = window.__cy;
      let i = 0;
      let start = 0;
      const step = (now) => {
        if (i === 0) start = now;
        if (i === frames) return resolve((now - start) / frames);
        cy.panBy({ x: i % 20 < 10 ? 8 : -8, y: 4 * Math.sin(i / 5) });
        cy.zoom(cy.zoom() * (i % 30 < 15 ? 1.01 : 0.99));
        i += 1;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  },
  // Runs an action and times it until the number of drawn edges changes and a frame is painted.
  untilRedrawn(action) {
    return new Promise((resolve, reject) => {
      const cy = window.__cy;
      const drawn = () => cy.edges(':visible').length;
      const before = drawn();
      const t0 = performance.now();
      new Function(action)();
      const deadline = t0 + 60000;
      const check = () => {
        if (drawn() !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
        else if (performance.now() > deadline) reject(new Error('nothing changed'));
        else requestAnimationFrame(check);
      };
      check();
    });
  },
};`;

async function newPage(browser: Browser): Promise<Page> {
  // The actions run as page scripts, which Powermap's Content-Security-Policy would refuse.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  page.setDefaultTimeout(15 * 60_000);
  await page.addInitScript({ content: IN_PAGE });
  return page;
}

async function timeToFirstDraw(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate('window.__bench.firstDraw()');
}

/**
 * First draw, plus the bytes of the documents and data responses that arrived before it (scripts,
 * styles and fonts are code, not payload). Chromium's inspector keeps no bodies of tens of
 * megabytes, so each such request is sent again from here, with its headers, and its decoded
 * body counted.
 */
async function firstDrawWithPayload(page: Page, url: string): Promise<{ ms: number; payload: number; drawn: { bytes: number; nodes: number; edges: number } }> {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  let drawing = true;
  page.on('response', (response) => {
    const request = response.request();
    const type = request.resourceType();
    if (drawing && request.method() === 'GET' && (type === 'document' || type === 'fetch' || type === 'xhr')) requests.push({ url: response.url(), headers: request.headers() });
  });
  const ms = await timeToFirstDraw(page, url);
  drawing = false;
  let payload = 0;
  for (const r of requests) {
    const headers = Object.fromEntries(Object.entries(r.headers).filter(([name]) => !/^(accept-encoding|if-none-match|if-modified-since)$/i.test(name)));
    payload += (await (await fetch(r.url, { headers })).arrayBuffer()).byteLength;
  }
  const drawn = (await page.evaluate('window.__bench.minimalJsonBytes()')) as { bytes: number; nodes: number; edges: number };
  return { ms, payload, drawn };
}

/** Steady-state frame time: the first frames after a page settles carry its start-up work, so they are run and discarded. */
async function frameTime(page: Page): Promise<number> {
  await page.evaluate('window.__bench.frameTime(60)');
  return page.evaluate('window.__bench.frameTime(120)');
}

async function timeUntilRedrawn(page: Page, action: string): Promise<number> {
  return page.evaluate(`window.__bench.untilRedrawn(${JSON.stringify(action)})`);
}

// In-page actions. Powermap is driven through its own controls, as a person would.
const setReactValue = (selector: string, value: string) => `
  const input = document.querySelector(${JSON.stringify(selector)});
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(value)});
  input.dispatchEvent(new Event('input', { bubbles: true }));`;
const powermapFilter = `
  document.querySelector('details.map-filters').open = true;
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(FILTER_TYPE)});
  label.querySelector('input').click();`;
const powermapDate = setReactValue('input[aria-label="As of date"]', DATE);
const bareFilter = `window.__cy.batch(() => window.__cy.remove(window.__cy.edges('[type = "${FILTER_TYPE}"]')));`;
const bareDate = (move: DateMove) => `const keep = new Set(${JSON.stringify(move.keep)});
  const data = ${JSON.stringify(move.data)};
  window.__cy.batch(() => {
    window.__cy.remove(window.__cy.elements().filter((e) => !keep.has(e.id())));
    for (const [id, d] of data) window.__cy.getElementById(id).data(d);
  });`;

function executablePath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Large network: the first readable map against bare Cytoscape drawing everything, and the payload. */
export async function measureReadableMap(opts: BenchOptions, report: Report, browser: Browser, powermap: Server, databaseUrl: string, barePort: number): Promise<void> {
  const elements = await bareElements(databaseUrl);
  const bare = await startBare(barePort, elements.json);
  const ours: { ms: number; payload: number; drawn: { bytes: number; nodes: number; edges: number } }[] = [];
  const theirs: number[] = [];
  try {
    // Drawing 100,000 ties bare takes minutes here, so fewer rounds than the small network's.
    const rounds = Math.max(1, Math.min(opts.rounds, 2));
    for (let round = 0; round < rounds; round++) {
      let page = await newPage(browser);
      ours.push(await firstDrawWithPayload(page, `${powermap.base}/`));
      await page.close();
      page = await newPage(browser);
      theirs.push(await timeToFirstDraw(page, `http://127.0.0.1:${barePort}/`));
      await page.close();
    }
  } finally {
    bare.close();
  }
  const first = median(ours.map((o) => o.ms));
  const last = ours.at(-1)!;
  const label = `${elements.nodes.toLocaleString('en')} actors, ${elements.edges.toLocaleString('en')} ties`;
  report.add({
    group: 'map',
    name: `first readable map at ${label} ÷ bare Cytoscape drawing every element`,
    unit: 'ms',
    powermap: first,
    anchor: median(theirs),
    anchorName: 'bare Cytoscape, all drawn',
    goal: { op: '<=', value: 0.1 },
    detail: { rounds: ours.length, drawn: last.drawn },
  });
  report.add({
    group: 'map',
    name: `initial payload of the map ÷ minimal JSON of what it draws (${last.drawn.nodes} nodes, ${last.drawn.edges} edges)`,
    unit: 'bytes',
    powermap: last.payload,
    anchor: last.drawn.bytes,
    anchorName: 'ids, ends, positions',
    goal: { op: '<=', value: 1.5 },
  });
}

/** Small network (drawn whole): the interactions against bare Cytoscape doing the same change. */
export async function measureInteractions(opts: BenchOptions, report: Report, browser: Browser, powermap: Server, databaseUrl: string, barePort: number): Promise<void> {
  const elements = await bareElements(databaseUrl);
  const bare = await startBare(barePort, elements.json);
  const rows: [name: string, goal: number, ours: number[], theirs: number[]][] = [
    ['first drawn map', 1.1, [], []],
    ['frame time, pan and zoom', 1.0, [], []],
    [`apply a filter: hide "${FILTER_TYPE}"`, 1.0, [], []],
    [`move the date to ${DATE}`, 1.0, [], []],
  ];
  try {
    // One untimed visit each first: a server just started builds its first payload cold (the
    // database's pages, the JIT), which is start-up, not the first draw a reader of a running
    // server waits for; the bare page is a static file and has nothing to warm.
    for (const url of [`${powermap.base}/`, `http://127.0.0.1:${barePort}/`]) {
      const page = await newPage(browser);
      await timeToFirstDraw(page, url);
      await page.close();
    }
    for (let round = 0; round < opts.rounds; round++) {
      for (const [which, url, filter, date] of [
        ['powermap', `${powermap.base}/`, powermapFilter, powermapDate],
        ['bare', `http://127.0.0.1:${barePort}/`, bareFilter, bareDate(elements.dateMove)],
      ] as const) {
        const column = which === 'powermap' ? 2 : 3;
        const page = await newPage(browser);
        rows[0]![column].push(await timeToFirstDraw(page, url));
        rows[1]![column].push(await frameTime(page));
        rows[2]![column].push(await timeUntilRedrawn(page, filter));
        await page.reload({ waitUntil: 'commit' });
        await page.evaluate('window.__bench.firstDraw()');
        // Settled as before the filter (which follows the frame measurement): the change is timed, not what is left of the load.
        await frameTime(page);
        rows[3]![column].push(await timeUntilRedrawn(page, date));
        await page.close();
      }
    }
  } finally {
    bare.close();
  }
  const label = `${elements.nodes.toLocaleString('en')}/${elements.edges.toLocaleString('en')}, all drawn`;
  for (const [name, goal, ours, theirs] of rows) {
    report.add({
      group: 'interact',
      name: `${name} (${label})`,
      unit: 'ms',
      powermap: median(ours),
      anchor: median(theirs),
      anchorName: 'bare Cytoscape',
      goal: { op: '<=', value: goal },
      detail: { rounds: ours.length, powermap: ours, bare: theirs },
    });
  }
}
