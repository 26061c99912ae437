// npm run bench:longtasks: does analysis on the large map block the page? The generated network
// (default 20,000 actors / 100,000 ties, the bench database of npm run bench) is drawn whole
// (overview threshold raised), then the analysis panel asks for PageRank and betweenness (the
// map's Web Worker) and for betweenness's robustness (GET /api/graph/metrics?samples=, the
// server's worker thread). Chromium's PerformanceObserver('longtask') records every main-thread
// task over 50 ms from the click until the result is on the canvas. The anchor, in the same page
// and run, is the same computation on the page's main thread (the test build's
// window.__analysisOnMainThread), which is what a page without workers would do. Printed as
// ratios (ours ÷ anchor: longest task, and time blocked in long tasks); the goal is no
// long task over 50 ms while computing, so the counts are printed too. Asserts nothing.
//
// Two phases, split at the mark the page makes when the answer arrives (RESULT_MARK): while
// computing (tasks that end before it: the goal is none over 50 ms) and drawing the result
// (tasks from it on: restyling and redrawing the canvas). Drawing has a floor of its own, which
// bare Cytoscape pays too: its anchor, in the same page, puts back the analysis data the nodes
// held before the click and writes the data Powermap drew, node by node in one cy.batch (the
// fewest writes Cytoscape can be told), and records that redraw's long tasks the same way.
//
//   npm run bench:longtasks                               20,000 × 100,000, 10 resampled views
//   npm run bench:longtasks -- --size 5000x20000 --samples 10 --port 3331
//   npm run bench:longtasks -- --size 5000x20000 --profile    also profiles the main thread of each
//                                                             case (bench/out/*.cpuprofile, top functions printed)
//   npm run bench:longtasks -- --overview                     the product's own way instead: the map opens as
//                                                             the grouped overview, and analysis runs on its
//                                                             largest group, opened (what a user can analyse there)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { networkDatabase } from './bench-database';
import { cliArg } from './cli-arg';
import { reportProfile, startProfile } from './cpu-profile';
import { launchBrowser } from './measure-map';
import { parseOptions, sizeLabel } from './options';
import { stopAll } from './processes';
import { Report } from './report';
import { startPowermap, type Server } from './servers';
import { ANALYSIS_FIELDS } from '../components/graph/analysis-style';
import { RESULT_MARK } from '../components/map/analysis-result-mark';
import { ROBUST_PATH_SOURCES, ROBUSTNESS_MAX_ACTORS } from '../lib/graph/analysis/vocabulary';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const [actors, ties] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const samples = Number(cliArg('samples', '10'));
const port = Number(cliArg('port', '3331'));
const LONG_TASK_MS = 50;
const profile = process.argv.includes('--profile');
const overview = process.argv.includes('--overview');

// Installed before the page's own scripts: every long task since navigation, kept on window.
const OBSERVE = `
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
`;

interface Task {
  start: number;
  duration: number;
}
interface Window {
  tasks: Task[];
  ms: number;
  /** Page time the answer arrived (RESULT_MARK), or null when none did in the window. */
  resultAt: number | null;
}

/** Long tasks that began after `from` (page time). */
async function tasksSince(page: Page, from: number): Promise<Task[]> {
  return page.evaluate(`window.__longTasks.filter((t) => t.start >= ${from})`);
}

const now = (page: Page): Promise<number> => page.evaluate('performance.now()');

/** Waits until the page has had no long task for `quiet` ms (the draw of 100,000 ties settles first). */
async function settle(page: Page, quiet = 3000): Promise<void> {
  for (;;) {
    const t = await now(page);
    const last = await page.evaluate<number>('window.__longTasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0)');
    if (t - last >= quiet) return;
    await page.waitForTimeout(500);
  }
}

/**
 * Runs `act`, waits until `done` holds, two frames and a second more (the canvas restyles), and
 * returns the long tasks in between. With `profileAs`, the main thread is profiled meanwhile.
 */
async function measure(page: Page, act: () => Promise<void>, done: () => Promise<void>, profileAs?: string): Promise<Window> {
  await settle(page);
  const stopProfile = profileAs ? await startProfile(page) : null;
  const from = await now(page);
  await act();
  await done();
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await page.waitForTimeout(1000);
  const to = await now(page);
  if (stopProfile && profileAs) {
    const file = path.join('bench/out', `longtasks-${actors}x${ties}${overview ? '-overview' : ''}-${profileAs.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.cpuprofile`);
    reportProfile(await stopProfile(), file, profileAs);
  }
  const resultAt = await page.evaluate<number | null>(`performance.getEntriesByName(${JSON.stringify(RESULT_MARK)}).filter((m) => m.startTime >= ${from}).at(-1)?.startTime ?? null`);
  return { tasks: await tasksSince(page, from), ms: to - from, resultAt };
}

/** The tasks of `w` while computing (ended before the answer arrived) or drawing it (the rest). */
function phase(w: Window, which: 'compute' | 'draw'): Window {
  const computing = (t: Task) => w.resultAt !== null && t.start + t.duration <= w.resultAt;
  return { ...w, tasks: w.tasks.filter((t) => computing(t) === (which === 'compute')) };
}

type Drawn = Record<string, Partial<Record<string, number | string>>>;
/** Every node's analysis data (ANALYSIS_FIELDS), as the canvas draws it now. */
const FIELDS = JSON.stringify(Object.values(ANALYSIS_FIELDS));
const snapshot = (page: Page): Promise<Drawn> =>
  page.evaluate(`(() => { const out = {}; for (const n of window.__cy.nodes()) { const d = {}; for (const f of ${FIELDS}) if (n.data(f) !== undefined) d[f] = n.data(f); out[n.id()] = d; } return out; })()`);
/** Bare Cytoscape writing `drawn` onto the canvas: only the fields that differ, in one batch. */
const write = (drawn: Drawn) => `(() => {
  const drawn = ${JSON.stringify(drawn)};
  window.__cy.batch(() => {
    for (const n of window.__cy.nodes()) {
      const d = drawn[n.id()] ?? {};
      for (const f of ${FIELDS}) {
        if (n.data(f) === d[f]) continue;
        if (d[f] === undefined) n.removeData(f).updateStyle(); else n.data(f, d[f]);
      }
    }
  });
})()`;

const longest = (w: Window) => Math.max(0, ...w.tasks.map((t) => t.duration));
const blocked = (w: Window) => w.tasks.reduce((sum, t) => sum + t.duration, 0);
const over = (w: Window) => w.tasks.filter((t) => t.duration > LONG_TASK_MS).length;

const opts = { ...parseOptions([]), size: { actors, ties } };
const report = new Report();
let server: Server | null = null;
const browser = await launchBrowser();
try {
  const database = await networkDatabase(opts, opts.size);
  server = await startPowermap(`powermap-longtasks-${sizeLabel(opts.size)}`, port, database.url, overview ? {} : { POWERMAP_MAP_OVERVIEW_ABOVE: '100000000' });
  // Playwright's in-page waits are scripts, which Powermap's Content-Security-Policy would refuse.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  page.setDefaultTimeout(20 * 60_000);
  await page.addInitScript({ content: OBSERVE });
  // samples= without a metric computes nothing; choosing a metric then resamples on the server.
  const drawStart = Date.now();
  let group = '';
  if (overview) {
    // The overview's groups are nodes `group:<key>` holding their member counts; the largest is opened.
    await page.goto(`${server.base}/`, { waitUntil: 'commit' });
    await page.waitForFunction('window.__cy && window.__cy.nodes("[?group]").length > 0', null, { polling: 1000 });
    const key = await page.evaluate<string>('window.__cy.nodes("[?group]").max((n) => n.data("members")).ele.id().slice("group:".length)');
    group = `&group=${encodeURIComponent(key)}`;
    console.log(`overview: opening its largest group, ${key}`);
  }
  await page.goto(`${server.base}/?samples=${samples}${group}`, { waitUntil: 'commit' });
  await page.waitForFunction('window.__cy && window.__cy.nodes().length > 0', null, { polling: 1000 });
  await settle(page);
  const drawn = await page.evaluate<{ nodes: number; edges: number }>('({ nodes: window.__cy.nodes().length, edges: window.__cy.edges().length })');
  console.log(`drawn ${overview ? 'as the overview with its largest group open' : 'whole'}: ${drawn.nodes} nodes, ${drawn.edges} edges, in ${((Date.now() - drawStart) / 1000).toFixed(0)} s`);
  const analysis = page.getByRole('region', { name: 'Analysis' });
  // Done: the table ranks by the metric asked for (with or without intervals), and the status has stopped computing.
  const resultShown = (table: string, robust: boolean) =>
    page.waitForFunction(
      ([name, withIntervals]) => {
        const table = document.querySelector(`table[aria-label="${name}"]`);
        const text = document.querySelector('section.map-analysis [role="status"]')?.textContent ?? '';
        const intervals = [...(table?.querySelectorAll('th') ?? [])].some((th) => th.textContent?.includes('Rank interval'));
        return Boolean(table) && intervals === withIntervals && text !== '' && !/Computing|Updating|Resampling/.test(text);
      },
      [table, robust] as const,
      { polling: 250 },
    );

  const cases: { name: string; ours: (profileAs?: string) => Promise<Window>; anchor: string }[] = [
    {
      name: `robustness of betweenness, ${samples} resampled views (server)`,
      ours: (profileAs) => measure(page, () => analysis.getByLabel('Metric').selectOption('betweenness').then(() => undefined), () => resultShown('Actors ranked by betweenness', true).then(() => undefined), profileAs),
      anchor: `window.__analysisOnMainThread({ metric: 'betweenness', weight: 'none', perSample: { exactPathsUpTo: ${ROBUSTNESS_MAX_ACTORS}, pathSources: ${ROBUST_PATH_SOURCES} } }, ${samples})`,
    },
    {
      name: 'betweenness (Web Worker)',
      ours: (profileAs) => measure(page, () => analysis.getByLabel(/Robustness to weak evidence/).uncheck(), () => resultShown('Actors ranked by betweenness', false).then(() => undefined), profileAs),
      anchor: `window.__analysisOnMainThread({ metric: 'betweenness', weight: 'none' })`,
    },
    {
      name: 'PageRank (Web Worker)',
      ours: (profileAs) => measure(page, () => analysis.getByLabel('Metric').selectOption('pagerank').then(() => undefined), () => resultShown('Actors ranked by pagerank', false).then(() => undefined), profileAs),
      anchor: `window.__analysisOnMainThread({ metric: 'pagerank', weight: 'none' })`,
    },
  ];
  for (const c of cases) {
    const before = await snapshot(page);
    const ours = await c.ours(profile ? c.name : undefined);
    const after = await snapshot(page);
    // Bare Cytoscape's redraw of the same change: back to what was drawn before, then the same writes.
    await page.evaluate(write(before));
    const bare = await measure(
      page,
      async () => {
        await page.evaluate(write(after));
      },
      async () => {},
    );
    const anchor = await measure(
      page,
      async () => {
        await page.evaluate(c.anchor);
      },
      async () => {},
    );
    const label = `${c.name}, ${drawn.nodes.toLocaleString('en')} actors`;
    const [computing, drawing] = [phase(ours, 'compute'), phase(ours, 'draw')];
    const changed = Object.keys(after).filter((id) => JSON.stringify(after[id]) !== JSON.stringify(before[id])).length;
    console.log(
      `${c.name}: while computing, ${over(computing)} long tasks over ${LONG_TASK_MS} ms (longest ${longest(computing).toFixed(0)} ms; the main thread's computation: longest ${longest(anchor).toFixed(0)} ms)` +
        (ours.resultAt === null ? ' [no answer mark: every task counted as computing]' : '') +
        `; drawing the result (${changed.toLocaleString('en')} nodes changed): ${over(drawing)} long tasks (longest ${longest(drawing).toFixed(0)} ms, ${blocked(drawing).toFixed(0)} ms blocked), bare Cytoscape ${over(bare)} (longest ${longest(bare).toFixed(0)} ms, ${blocked(bare).toFixed(0)} ms blocked); window ${(ours.ms / 1000).toFixed(1)} s`,
    );
    const detail = { oursTasks: ours.tasks, oursWindowMs: ours.ms, resultAt: ours.resultAt, bareTasks: bare.tasks, anchorTasks: anchor.tasks, anchorWindowMs: anchor.ms, nodesChanged: changed, longTasksOver50: { computing: over(computing), drawing: over(drawing), bare: over(bare), anchor: over(anchor) } };
    // Goal while computing: no task over 50 ms; against a main-thread computation of `longest(anchor)` ms, that is this ratio.
    const goal = Math.round((LONG_TASK_MS / Math.max(LONG_TASK_MS, longest(anchor))) * 1000) / 1000;
    report.add({ group: 'longtasks', name: `longest main-thread task while computing ${label}`, unit: 'ms', powermap: longest(computing), anchor: longest(anchor), anchorName: 'same metric on the main thread', goal: { op: '<=', value: goal }, detail });
    // A count has no ratio: it is a note (the goal is none).
    report.note('longtasks', `long tasks over ${LONG_TASK_MS} ms while computing ${label} (goal: none)`, `${over(computing)} (the main thread's computation: ${over(anchor)})`);
    // Drawing: against bare Cytoscape's redraw of the same change; the 1.2× for each metric vs its bare library.
    report.add({ group: 'longtasks', name: `longest main-thread task drawing ${label}`, unit: 'ms', powermap: longest(drawing), anchor: longest(bare), anchorName: 'bare Cytoscape, same writes in one batch', goal: { op: '<=', value: 1.2 } });
    report.add({ group: 'longtasks', name: `time blocked in long tasks drawing ${label}`, unit: 'ms', powermap: blocked(drawing), anchor: blocked(bare), anchorName: 'bare Cytoscape, same writes in one batch', goal: { op: '<=', value: 1.2 } });
  }
  await page.close();
} finally {
  await browser.close();
  server?.stop();
  stopAll();
}
const file = path.join('bench/out', `longtasks-${actors}x${ties}${overview ? '-overview' : ''}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(path.dirname(file), { recursive: true });
report.write(file, { size: { actors, ties }, samples });
console.log(`\nPowermap ÷ the same computation on the page's main thread, same run:\n`);
console.log(report.table());
console.log(`\nwritten to ${file}`);
