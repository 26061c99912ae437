// npm run bench: how Powermap's map performs on a large network, each figure beside the same
// measurement of bare Cytoscape (same elements, same style, same positions) in the same run.
// Goal: every ratio within 1.2x. It prints figures; it asserts nothing.
//
// Steps: generate a synthetic network (5,000 actors, 20,000 ties; see generate-network.ts), load
// it into data/bench.db, lay it out once, serve Powermap on it, then measure in headless Chromium.
//   npm run bench [-- --actors 5000 --ties 20000 --fresh]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { graphStylesheet } from '../components/graph/graph-style';
import { disconnectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { importDocument } from '../lib/data/import-document';
import { placeUnpositionedActors } from '../lib/data/layout/save-positions';
import { loadGraph } from '../lib/data/graph';
import { SEED } from '../lib/data/principal';
import { buildView } from '../lib/graph/build-view';
import { toCytoscapeElements } from '../lib/graph/cytoscape-elements';
import { todayIso } from '../lib/graph/partial-date';
import { generateNetwork } from './generate-network';

const require = createRequire(import.meta.url);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ACTORS = Number(arg('actors', '5000'));
const TIES = Number(arg('ties', '20000'));
const DB_FILE = `data/bench-${ACTORS}-${TIES}.db`;
const PORT = 3290;
const BARE_PORT = 3291;
const FILTER_TYPE = 'opposes';
const DATE = '2000-01-01';
const ROUNDS = 3;

process.env.DATABASE_URL = `file:${DB_FILE}`;
process.env.NEXT_TELEMETRY_DISABLED = '1';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function prepareDatabase() {
  if (process.argv.includes('--fresh')) for (const suffix of ['', '-wal', '-shm']) rmSync(DB_FILE + suffix, { force: true });
  const exists = existsSync(DB_FILE);
  await applyMigrations({ kind: 'sqlite', url: `file:${path.resolve(DB_FILE)}` });
  if (!exists) {
    let t = performance.now();
    await importDocument(SEED, generateNetwork(ACTORS, TIES));
    console.log(`loaded ${ACTORS} actors and ${TIES} ties in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const placed = await placeUnpositionedActors(SEED);
    console.log(`laid out ${placed} actors (fcose, stored) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

async function startPowermap(): Promise<ChildProcess> {
  const server = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(PORT), POWERMAP_TEST_HOOKS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  server.stdout?.on('data', () => undefined);
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('Powermap did not start within 10 minutes');
}

/** Bare Cytoscape: one static page with the same elements, style and stored positions. */
async function startBare(): Promise<Server> {
  const graph = await loadGraph(SEED);
  const elements = toCytoscapeElements(buildView(graph, { showEnded: true, hops: 1 }, todayIso()));
  const positioned = {
    nodes: elements.nodes.map((n) => ({ ...n, position: n.position ?? { x: 0, y: 0 } })),
    edges: elements.edges,
  };
  const cytoscapeJs = readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
  const data = `window.BENCH_ELEMENTS=${JSON.stringify(positioned)};window.BENCH_STYLE=${JSON.stringify(graphStylesheet())};`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>html,body,#cy{margin:0;width:100%;height:100%}</style></head>
<body><div id="cy"></div><script src="/cytoscape.js"></script><script src="/data.js"></script><script>
window.__cy = cytoscape({ container: document.getElementById('cy'), elements: BENCH_ELEMENTS, style: BENCH_STYLE, layout: { name: 'preset', fit: true } });
</script></body></html>`;
  const server = createServer((req, res) => {
    const body = req.url === '/cytoscape.js' ? cytoscapeJs : req.url === '/data.js' ? data : html;
    res.writeHead(200, { 'content-type': req.url?.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(BARE_PORT, '127.0.0.1', r));
  return server;
}

// In-page measurements, installed as plain JavaScript source: functions passed to
// page.evaluate would carry the TypeScript compiler's helpers, which the page does not have.
const IN_PAGE = `
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
  // Runs an action and times it until the edge count changes and a frame is painted.
  untilRedrawn(action) {
    return new Promise((resolve, reject) => {
      const cy = window.__cy;
      const before = cy.edges().length;
      const t0 = performance.now();
      new Function(action)();
      const deadline = t0 + 30000;
      const check = () => {
        if (cy.edges().length !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
        else if (performance.now() > deadline) reject(new Error('nothing changed'));
        else requestAnimationFrame(check);
      };
      check();
    });
  },
};`;

async function timeToFirstDraw(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate('window.__bench.firstDraw()');
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

function bareDate(keepEdgeIds: string[]): string {
  return `const keep = new Set(${JSON.stringify(keepEdgeIds)});
  window.__cy.batch(() => window.__cy.remove(window.__cy.edges().filter((e) => !keep.has(e.id()))));`;
}

async function measureApi() {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}/api/graph`);
    bytes = (await res.arrayBuffer()).byteLength;
    times.push(performance.now() - t);
  }
  const tf = performance.now();
  const filtered = await fetch(`http://127.0.0.1:${PORT}/api/graph?asOf=${DATE}&types=${FILTER_TYPE}`);
  const filteredBytes = (await filtered.arrayBuffer()).byteLength;
  return { median: median(times), bytes, filteredMs: performance.now() - tf, filteredBytes };
}

function executablePath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function main() {
  await prepareDatabase();
  const graph = await loadGraph(SEED);
  const dateView = buildView(graph, { asOf: DATE, showEnded: true, hops: 1 }, todayIso());
  const keepAtDate = toCytoscapeElements(dateView).edges.map((e) => e.data.id);
  await disconnectDb();

  console.log('starting Powermap (builds if needed)…');
  const powermap = await startPowermap();
  const bare = await startBare();
  const browser = await chromium.launch({
    executablePath: executablePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const rows: [string, number[], number[]][] = [
    ['time to first drawn map (ms)', [], []],
    ['frame time, pan and zoom (ms)', [], []],
    [`apply a filter: hide "${FILTER_TYPE}" (ms)`, [], []],
    [`move the date to ${DATE} (ms)`, [], []],
  ];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [which, url, filter, date] of [
        ['powermap', `http://127.0.0.1:${PORT}/`, powermapFilter, powermapDate],
        ['bare', `http://127.0.0.1:${BARE_PORT}/`, bareFilter, bareDate(keepAtDate)],
      ] as const) {
        const column = which === 'powermap' ? 1 : 2;
        // The actions run as page scripts, which Powermap's Content-Security-Policy would refuse.
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
        await page.addInitScript({ content: IN_PAGE });
        rows[0]![column].push(await timeToFirstDraw(page, url));
        rows[1]![column].push(await frameTime(page));
        rows[2]![column].push(await timeUntilRedrawn(page, filter));
        await page.reload({ waitUntil: 'commit' });
        await timeToFirstDraw(page, url);
        rows[3]![column].push(await timeUntilRedrawn(page, date));
        await page.close();
      }
    }
    const api = await measureApi();
    console.log(`\nnetwork: ${graph.nodes.length} actors, ${graph.edges.length} ties; median of ${ROUNDS} rounds; headless Chromium, software rendering`);
    console.log(`${'measurement'.padEnd(42)}${'Powermap'.padStart(10)}${'bare'.padStart(10)}${'ratio'.padStart(8)}`);
    for (const [name, ours, theirs] of rows) {
      const a = median(ours);
      const b = median(theirs);
      console.log(`${name.padEnd(42)}${a.toFixed(1).padStart(10)}${b.toFixed(1).padStart(10)}${(a / b).toFixed(2).padStart(7)}x`);
    }
    console.log(`GET /api/graph, whole network: ${api.median.toFixed(0)} ms median, ${(api.bytes / 1024 / 1024).toFixed(2)} MiB`);
    console.log(`GET /api/graph?asOf=${DATE}&types=${FILTER_TYPE}: ${api.filteredMs.toFixed(0)} ms, ${(api.filteredBytes / 1024).toFixed(0)} KiB`);
  } finally {
    await browser.close();
    bare.close();
    if (powermap.pid) process.kill(-powermap.pid, 'SIGTERM');
  }
}

await main();
