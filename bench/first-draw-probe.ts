// Where a map page's first draw goes: its User Timing marks, resources and a Chromium CPU profile,
// timed by measure-map's own firstDraw. Works on any page that sets window.__cy (Powermap with
// POWERMAP_TEST_HOOKS=1, or measure-map's bare page), so both sides can be read the same way.
// Usage: node --conditions=react-server --import tsx bench/first-draw-probe.ts URL [rounds]
// URL may be bare:DATABASE_URL: measure-map's bare page of that database, served here on port 3407.
// (SKIP=text leaves frames containing it out of the by-total list, TOP=n lists n of them).
import { frameCosts, startProfile } from './cpu-profile';
import { bareElements, IN_PAGE, launchBrowser, startBare } from './measure-map';

const BARE_PORT = 3407;
const target = process.argv[2]!;
const bare = target.startsWith('bare:') ? await startBare(BARE_PORT, (await bareElements(target.slice('bare:'.length))).json) : null;
const url = bare ? `http://127.0.0.1:${BARE_PORT}/` : target;
const rounds = Number(process.argv[3] ?? 2);
const browser = await launchBrowser();
for (let r = 0; r < rounds; r++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  await page.addInitScript({ content: IN_PAGE });
  const stop = await startProfile(page);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = (await page.evaluate('window.__bench.firstDraw()')) as number;
  const profile = await stop();
  const info = (await page.evaluate(`({
    marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
    nav: (() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: Math.round(n.responseEnd), dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) }; })(),
    res: performance.getEntriesByType('resource').map((e) => [e.name.replace(/^https?:\\/\\/[^/]+/, ''), Math.round(e.startTime), Math.round(e.responseEnd), e.encodedBodySize, e.decodedBodySize]),
  })`)) as { marks: [string, number][]; nav: unknown; res: unknown[] };
  console.log(`round ${r}: first draw ${ms.toFixed(0)} ms`, JSON.stringify(info.nav));
  for (const m of info.marks) console.log('  mark', m[1], m[0]);
  for (const e of info.res) console.log('  res', JSON.stringify(e));
  if (r === rounds - 1) {
    const costs = frameCosts(profile);
    const line = (c: { selfMs: number; totalMs: number; frame: string }) => `  ${c.selfMs.toFixed(0).padStart(6)} self ${c.totalMs.toFixed(0).padStart(6)} total  ${c.frame.slice(0, 160)}`;
    console.log(' by self:');
    for (const c of [...costs].sort((a, b) => b.selfMs - a.selfMs).slice(0, 25)) console.log(line(c));
    console.log(' by total:');
    for (const c of [...costs].filter((c) => !c.frame.includes(process.env.SKIP ?? "\u0000")).sort((a, b) => b.totalMs - a.totalMs).slice(0, Number(process.env.TOP ?? 60))) console.log(line(c));
  }
  await page.close();
}
await browser.close();
bare?.close();
