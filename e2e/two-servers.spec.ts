// Several app servers on one PostgreSQL, as the README promises a deployment may run: two
// Powermap servers (the same build, started by `npm start` as a deployment would) share one
// fresh PostgreSQL database, and everything that must hold across servers is checked through
// both: a session made on one is honoured and ended on the other, a write through one is read at
// once through the other (no server-side cache serves the old record, and the map's ETag moves),
// a stale edit is refused whichever server it reaches, and failed sign-ins spread across both
// add up to the 429. Runs where TEST_POSTGRES_URL names a server (.ci/run sets it); skips with
// that reason elsewhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { createUserWithScript } from './support/accounts';

const POSTGRES = process.env.TEST_POSTGRES_URL;
const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);
const PORTS = [BASE_PORT + 11, BASE_PORT + 12] as const;
const DATABASE = `powermap_e2e_two_servers_${process.pid}`;

test.skip(!POSTGRES, 'TEST_POSTGRES_URL is not set: the two-server test needs a PostgreSQL server');
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const databaseUrl = () => {
  const url = new URL(POSTGRES!);
  url.pathname = `/${DATABASE}`;
  return url.toString();
};
const origin = (port: number) => `http://127.0.0.1:${port}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const servers: ChildProcess[] = [];
const logs: string[] = [];

async function startServer(port: number): Promise<void> {
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl(), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so afterAll stops npm, tsx and next together
  });
  servers.push(child);
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => logs.push(`[${port}] ${chunk.toString()}`));
  const deadline = Date.now() + 110_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} stopped (exit ${child.exitCode}):\n${logs.join('')}`);
    const healthy = await fetch(`${origin(port)}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server on ${port} did not answer /api/health in time:\n${logs.join('')}`);
}

const analyst = { email: 'two-servers-analyst@powermap.test', password: 'two-servers-password-0417', name: 'Two Servers', role: 'analyst' as const };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  // The first server migrates and seeds the empty database; the second finds it up to date.
  await startServer(PORTS[0]);
  await startServer(PORTS[1]);
  createUserWithScript(analyst, { databaseUrl: databaseUrl() });
});

test.afterAll(async () => {
  await Promise.all(
    servers.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }),
  );
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

/** One client (one cookie jar) talking to both servers, as a browser behind a load balancer does. */
async function client(): Promise<APIRequestContext> {
  return playwrightRequest.newContext();
}

async function signInOn(api: APIRequestContext, port: number, credentials: { email: string; password: string }) {
  return api.post(`${origin(port)}/api/auth/sign-in/email`, { data: credentials, headers: { Origin: origin(port) } });
}

test('a session made on one server is honoured by the other, and signing out on either ends it on both', async () => {
  const api = await client();
  const [a, b] = PORTS;
  expect((await signInOn(api, a, analyst)).status()).toBe(200);
  for (const port of PORTS) {
    const me = await api.get(`${origin(port)}/api/me`);
    expect(me.status(), `GET /api/me on ${port}`).toBe(200);
    expect(await me.json()).toMatchObject({ name: analyst.name, role: 'analyst' });
  }
  const signOut = await api.post(`${origin(b)}/api/auth/sign-out`, { headers: { Origin: origin(b) }, data: {} });
  expect(signOut.status()).toBe(200);
  // The cookie jar dropped the cookie; the session row must be gone too, so resend the old one.
  for (const port of PORTS) expect((await api.get(`${origin(port)}/api/me`)).status(), `after sign-out, on ${port}`).toBe(401);
  expect((await signInOn(api, a, analyst)).status()).toBe(200);
  const cookie = (await api.storageState()).cookies.find((c) => c.name.endsWith('powermap.session_token'))!;
  await api.post(`${origin(a)}/api/auth/sign-out`, { headers: { Origin: origin(a) }, data: {} });
  const stale = await playwrightRequest.newContext({ extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` } });
  for (const port of PORTS) expect((await stale.get(`${origin(port)}/api/me`)).status(), `an ended session's cookie on ${port}`).toBe(401);
  await Promise.all([api.dispose(), stale.dispose()]);
});

test('a write through one server is read at once through the other, and a stale edit is refused on either', async () => {
  const api = await client();
  const [a, b] = PORTS;
  expect((await signInOn(api, a, analyst)).status()).toBe(200);

  const actorUrl = (port: number) => `${origin(port)}/api/actors/viktor-lukashenko`;
  const before = await api.get(actorUrl(b));
  expect(before.status()).toBe(200);
  const version = before.headers().etag;
  const mapBefore = await api.get(`${origin(b)}/api/graph/map`);
  const mapTag = mapBefore.headers().etag;
  expect(mapTag, 'the map answers with an ETag').toBeTruthy();
  expect((await api.get(`${origin(b)}/api/graph/map`, { headers: { 'If-None-Match': mapTag } })).status(), 'unchanged: 304').toBe(304);

  // An anonymous reader's copy of the profile on the other server (lib/http/page-cache.ts)…
  const anonymous = await playwrightRequest.newContext();
  const profileOnB = () => anonymous.get(`${origin(b)}/actors/viktor-lukashenko`);
  await profileOnB();
  expect((await profileOnB()).headers()['x-powermap-page-cache'], 'the second anonymous read is a copy').toBe('hit');

  const summary = `Edited through the server on ${a} at ${Date.now()}`;
  const write = await api.patch(actorUrl(a), { data: { summary, reason: 'two-server test' }, headers: { 'If-Match': version, Origin: origin(a) } });
  expect(write.status(), await write.text()).toBe(200);

  const after = await api.get(actorUrl(b));
  expect((await after.json()).summary).toBe(summary);
  expect(after.headers().etag).not.toBe(version);
  // The map's ETag is the network's revision, kept in the database: the other server moves it too.
  expect((await api.get(`${origin(b)}/api/graph/map`, { headers: { 'If-None-Match': mapTag } })).status(), 'changed: 200, not 304').toBe(200);
  // The profile page (server-rendered, cached per server) shows the new summary on the other server.
  const page = await api.get(`${origin(b)}/actors/viktor-lukashenko`);
  expect(await page.text()).toContain(summary);
  // …is not served after the write through the first: the copy's key holds the database's revision.
  const copy = await profileOnB();
  expect(copy.headers()['x-powermap-page-cache']).toBe('fill');
  expect(await copy.text()).toContain(summary);
  await anonymous.dispose();

  // The edit made against the old version is refused on both servers, and changes nothing.
  for (const port of PORTS) {
    const stale = await api.patch(actorUrl(port), { data: { summary: 'a lost update', reason: 'stale' }, headers: { 'If-Match': version, Origin: origin(port) } });
    expect(stale.status(), `a stale If-Match on ${port}`).toBe(412);
  }
  const now = await api.get(actorUrl(a));
  expect((await now.json()).summary).toBe(summary);
  await api.dispose();
});

test('failed sign-ins spread across both servers add up: the eleventh gets 429 on either', async () => {
  const api = await client();
  const wrong = { email: analyst.email, password: 'not-the-password-000' };
  for (let i = 1; i <= 10; i++) {
    const port = PORTS[i % 2];
    expect((await signInOn(api, port, wrong)).status(), `failure ${i}, on ${port}`).toBe(401);
  }
  for (const port of PORTS) {
    const eleventh = await signInOn(api, port, wrong);
    expect(eleventh.status(), `the next attempt on ${port}`).toBe(429);
    expect(eleventh.headers()['retry-after']).toBeTruthy();
  }
  // The right password waits too, on either server: a 429 is no oracle.
  expect((await signInOn(api, PORTS[0], analyst)).status()).toBe(429);
  await api.dispose();
});
