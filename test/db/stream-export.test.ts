// GET /api/export?scope=all streams the whole network a page of rows at a time
// (lib/data/export/stream-network.ts → writeViewParts): every format's file must be the file the
// whole view gives (loadExportView → writeView), on both databases, with pages small enough that
// actors and ties each span many, with actors the layout has not placed (given places beside their
// neighbours) and actors ended by the day (whose ties are past).
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { loadExportEvidence, loadExportView } from '../../lib/data/export/load-export-view';
import { streamNetwork } from '../../lib/data/export/stream-network';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { VIEW_EXPORT_FORMATS } from '../../lib/exchange/export-formats';
import { exportText, NO_EVIDENCE, writeView, writeViewParts, type ExportBody, type ExportMeta } from '../../lib/exchange/export-writer';
import type { ViewExportFormatId } from '../../lib/validation/export-queries';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const AS_OF = '2021-06-01';
const META: ExportMeta = { title: 'All', address: 'http://powermap.test/', asOf: AS_OF, generatedAt: '2024-01-01T00:00:00.000Z', scope: 'all' };

async function bytesOf(body: ExportBody): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<string | Uint8Array>) parts.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zip's files as text (the deflate stream may cut differently; what it holds may not). */
const unzipped = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]));

describe.skipIf(!available)(`the streamed whole-network export on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    // Most actors placed, some not (the layout job has not reached them): both kinds must come out alike.
    const actors = await db.actor.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    for (const [i, a] of actors.entries()) if (i % 5 !== 0) await db.actor.update({ where: { id: a.id }, data: { x: (i * 37) % 900, y: (i * 53) % 700 } });
  });

  for (const id of Object.keys(VIEW_EXPORT_FORMATS) as ViewExportFormatId[]) {
    it(`writes the same ${id} file as the whole view, a page of 7 rows at a time`, async () => {
      const format = VIEW_EXPORT_FORMATS[id];
      const view = await loadExportView(ANONYMOUS, 'all', { asOf: AS_OF, showEnded: true, hops: 1 });
      expect(view.nodes.some((n) => n.ended)).toBe(true);
      const evidence = format.needsEvidence ? await loadExportEvidence(ANONYMOUS, view.edges.map((e) => e.tieId)) : NO_EVIDENCE;
      const whole = writeView(format, view, META, evidence);
      const streamed = writeViewParts(format, streamNetwork(ANONYMOUS, { asOf: AS_OF, evidence: format.needsEvidence, pageSize: 7 }), META);
      if (id === 'csv') expect(unzipped(await bytesOf(streamed))).toEqual(unzipped(await bytesOf(whole)));
      else expect(await exportText(streamed)).toBe(await exportText(whole));
    });
  }

  it('pages through every live actor and tie once', async () => {
    const parts = [];
    for await (const part of streamNetwork(ANONYMOUS, { asOf: AS_OF, pageSize: 10 })) parts.push(part);
    const nodes = parts.flatMap((p) => ('nodes' in p ? p.nodes : []));
    const edges = parts.flatMap((p) => ('edges' in p ? p.edges : []));
    const db = await getDb();
    expect(new Set(nodes.map((n) => n.id)).size).toBe(await db.actor.count({ where: { deletedAt: null } }));
    expect(new Set(edges.map((e) => e.tieId)).size).toBe(edges.length);
    expect(edges.length).toBe((await loadExportView(ANONYMOUS, 'all', { asOf: AS_OF, showEnded: true, hops: 1 })).edges.length);
    expect(parts.findIndex((p) => 'edges' in p)).toBeGreaterThan(parts.findLastIndex((p) => 'nodes' in p));
  });
});
