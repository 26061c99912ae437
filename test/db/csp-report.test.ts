// POST /api/csp-report stores what browsers report, at a bounded rate counted in the database
// (so every app server shares it), keeps the newest reports only, and refuses what is not a report.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST } from '../../app/api/csp-report/route';
import { getDb } from '../../lib/db/client';
import { KEPT_REPORTS, STORED_PER_MINUTE, storeCspReports } from '../../lib/data/csp-reports/store-csp-reports';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

const legacy = (n: number) => ({
  'csp-report': { 'document-uri': `http://powermap.test/actors/a-${n}`, 'blocked-uri': 'inline', 'effective-directive': 'script-src-elem', 'line-number': n, 'script-sample': 'alert(1)' },
});
const post = (body: string, type = 'application/csp-report', headers: Record<string, string> = {}) =>
  POST(new Request('http://powermap.test/api/csp-report', { method: 'POST', headers: { 'content-type': type, 'user-agent': 'TestBrowser/1', ...headers }, body }));

describe.skipIf(!available)(`POST /api/csp-report on ${TEST_KIND}`, () => {
  beforeEach(async () => {
    await freshDatabase();
  });

  it('stores a report (either format) with 204, then refuses past the minute’s rate with 429', async () => {
    const first = await post(JSON.stringify(legacy(1)));
    expect(first.status).toBe(204);
    const reporting = await post(JSON.stringify([{ type: 'csp-violation', user_agent: 'Chrome/140', body: { documentURL: 'http://powermap.test/', blockedURL: 'eval', effectiveDirective: 'script-src' } }]), 'application/reports+json');
    expect(reporting.status).toBe(204);
    const db = await getDb();
    const stored = await db.cspReport.findMany({ orderBy: { documentUrl: 'asc' } });
    expect(stored.map((r) => [r.documentUrl, r.blockedUrl, r.effectiveDirective, r.userAgent])).toEqual([
      ['http://powermap.test/', 'eval', 'script-src', 'Chrome/140'],
      ['http://powermap.test/actors/a-1', 'inline', 'script-src-elem', 'TestBrowser/1'],
    ]);

    const statuses: number[] = [];
    for (let n = 2; n <= STORED_PER_MINUTE + 5; n++) statuses.push((await post(JSON.stringify(legacy(n)))).status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(STORED_PER_MINUTE - 2);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    expect(await db.cspReport.count()).toBe(STORED_PER_MINUTE);
  });

  it('opens again once the minute has passed, and keeps only the newest reports', async () => {
    const db = await getDb();
    const report = { documentUrl: 'http://powermap.test/', blockedUrl: 'inline', effectiveDirective: 'script-src', disposition: 'enforce', sourceFile: '', lineNumber: null, sample: '', userAgent: '' };
    // Old reports filling the store, written as they would have been over the past days.
    const old = Date.now() - 3 * 86_400_000;
    await db.cspReport.createMany({ data: Array.from({ length: KEPT_REPORTS }, (_, i) => ({ ...report, receivedAt: new Date(old + i * 1000) })) });
    const now = new Date();
    expect(await storeCspReports(Array(STORED_PER_MINUTE + 1).fill(report), now)).toEqual({ stored: STORED_PER_MINUTE, dropped: 1 });
    expect(await storeCspReports([report], new Date(now.getTime() + 30_000))).toEqual({ stored: 0, dropped: 1 });
    expect(await storeCspReports([report], new Date(now.getTime() + 61_000))).toEqual({ stored: 1, dropped: 0 });
    expect(await db.cspReport.count()).toBe(KEPT_REPORTS);
    // The oldest went first.
    const oldest = await db.cspReport.findFirstOrThrow({ orderBy: { receivedAt: 'asc' } });
    expect(oldest.receivedAt.getTime()).toBe(old + (STORED_PER_MINUTE + 1) * 1000);
  });

  it('refuses other content types, bodies that are not reports, and bodies past 64 KB, storing nothing', async () => {
    expect((await post('{}', 'application/json')).status).toBe(415);
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ something: 'else' }))).status).toBe(400);
    const big = await post(JSON.stringify({ 'csp-report': { 'script-sample': 'x'.repeat(70_000) } }));
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: { message: string } }).error.message).toBe('A report is at most 64 KB');
    expect(await (await getDb()).cspReport.count()).toBe(0);
  });
});
