// GEXF out of one Powermap and into another: the Belarus map's view is exported as GEXF from the
// map's export menu, and imported through /import into an empty instance (a second server of the
// same build on its own fresh SQLite database, migrated but never seeded), whose map then draws
// the same actors, with the same kinds and factions, and the same ties.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { expect, test, type Page } from '@playwright/test';
import { createUserWithScript, signInWith } from './support/accounts';

const EMPTY_DB = 'data/e2e-gexf-empty.db';
const EMPTY_URL = `file:${EMPTY_DB}`;
const PORT = Number(process.env.E2E_PORT ?? 3210) + 20;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const analyst = { email: 'gexf-analyst@powermap.test', password: 'gexf-analyst-password-0417', name: 'GEXF Analyst', role: 'analyst' as const };

interface DrawnMap {
  actors: string[];
  ties: string[];
}
type CyWindow = Window & {
  __cy: {
    nodes(): { map<T>(f: (n: { data(key: string): string; id(): string }) => T): T[] };
    edges(): { map<T>(f: (e: { data(key: string): string; source(): { data(key: string): string }; target(): { data(key: string): string } }) => T): T[] };
  };
};

/** What the map draws, by what survives moving between instances: names, kinds, factions, tie types. */
async function drawnMap(page: Page, address: string): Promise<DrawnMap> {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  return page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__cy;
    return {
      actors: cy.nodes().map((n) => `${n.data('name')} · ${n.data('kind')} · ${n.data('faction')}`).sort(),
      ties: cy.edges().map((e) => `${e.source().data('name')} → ${e.target().data('name')} · ${e.data('type')}`).sort(),
    };
  });
}

let server: ChildProcess | null = null;
const logs: string[] = [];

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const env = { ...process.env, DATABASE_URL: EMPTY_URL, NEXT_TELEMETRY_DISABLED: '1' };
  execFileSync('node', ['scripts/reset-local-db.mjs', EMPTY_DB], { env, stdio: 'ignore' });
  // Migrated but not seeded: `npm start` would seed an empty database, so the server is started as `npm start` starts it, without that step.
  execFileSync('npm', ['run', '--silent', 'db:migrate'], { env, stdio: 'ignore' });
  createUserWithScript(analyst, { databaseUrl: EMPTY_URL });
  server = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts'], {
    env: { ...env, PORT: String(PORT), NODE_ENV: 'production', POWERMAP_TEST_HOOKS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so afterAll stops it and its children together
  });
  for (const stream of [server.stdout!, server.stderr!]) stream.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the empty instance stopped (exit ${server.exitCode}):\n${logs.join('')}`);
    if (await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the empty instance did not answer /api/health in time:\n${logs.join('')}`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = once(server, 'exit');
    process.kill(-server.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null) process.kill(-server.pid!, 'SIGKILL');
  }
  execFileSync('node', ['scripts/reset-local-db.mjs', EMPTY_DB], { stdio: 'ignore' });
});

test('the Belarus view exported as GEXF and imported into an empty instance draws the same map', async ({ page, browser }, testInfo) => {
  const address = '/?asOf=2022-01-01';
  const original = await drawnMap(page, address);
  expect(original.actors.length).toBeGreaterThan(30);
  expect(original.ties.length).toBeGreaterThan(30);

  // The export menu's GEXF link for this view.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('list', { name: 'This view as a file' }).getByRole('link', { name: 'GEXF (Gephi)', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('powermap-view-2022-01-01.gexf');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const empty = await browser.newContext({ baseURL: ORIGIN });
  const other = await empty.newPage();
  try {
    expect((await (await other.request.get('/api/actors')).json()).actors).toEqual([]);
    await signInWith(other, analyst);
    await other.goto('/import');
    await other.getByLabel('File', { exact: true }).setInputFiles(file);
    // The file's ending chooses the format; the form says which.
    await expect(other.getByLabel('Format', { exact: true })).toHaveValue('gexf');
    await other.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(other.getByRole('status')).toContainText(`${original.actors.length} actors and ${original.ties.length} ties created`, { timeout: 60_000 });

    const imported = await drawnMap(other, address);
    expect(imported.actors).toEqual(original.actors);
    expect(imported.ties).toEqual(original.ties);
    await other.screenshot({ path: testInfo.outputPath('imported-map.png') });
  } finally {
    await empty.close();
  }
});
