// GraphML and CSV both ways through the database: the seed's whole network written as GraphML, and
// as the CSV zip, read by Powermap's readers, mapped with the mapping the preview suggests and
// imported into an empty database, then written again, keeps every actor (name, kind, faction,
// summary) and every tie (ends, type, role, strength, dates as precise as they were). The import's
// own path takes one CSV file of text: the edges table alone brings the ties and their ends.
import { describe, expect, it } from 'vitest';
import { dateText } from '../../lib/domain/dates';
import { importDocument } from '../../lib/data/import-document';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { readCsvZip } from '../../lib/exchange/csv/read-csv';
import { writeCsvFiles, writeCsvZip } from '../../lib/exchange/csv/write-csv';
import type { ForeignGraph } from '../../lib/exchange/foreign-graph';
import { readGraphml } from '../../lib/exchange/graphml/read-graphml';
import { writeGraphml } from '../../lib/exchange/graphml/write-graphml';
import { foreignImportFormat } from '../../lib/exchange/import-formats';
import { mapForeignGraph } from '../../lib/exchange/map-foreign-graph';
import { suggestMapping } from '../../lib/exchange/suggest-mapping';
import type { GraphView } from '../../lib/graph/types';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const IMPORTER: Principal = { type: 'system', origin: 'import' };
const TODAY = '2024-06-15';
const META = { title: 'round trip', address: '/', asOf: TODAY };

const everything = () => loadView(ANONYMOUS, { showEnded: true, hops: 1 }, { today: TODAY });

async function importGraph(graph: ForeignGraph, fileName: string, formatLabel: string) {
  const { document, skipped } = mapForeignGraph(graph, suggestMapping(graph), { fileName, formatLabel });
  expect(skipped).toEqual({});
  return importDocument(IMPORTER, document);
}

/** What a file says about actors and ties, keyed by what survives a re-import (names, not ids). */
function content(graph: ForeignGraph, typeKey: string) {
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const actors = graph.nodes.map((n) => JSON.stringify([n.label, n.attributes.kind, n.attributes.faction, n.attributes.summary ?? null])).sort();
  const ties = graph.edges
    .map((e) => JSON.stringify([labelOf.get(e.source), labelOf.get(e.target), e.directed, e.attributes[typeKey], e.attributes.role ?? null, e.weight, e.spells]))
    .sort();
  return { actors, ties };
}

describe.skipIf(!available)(`GraphML and CSV → Powermap → the same file (${TEST_KIND})`, () => {
  let seedView: GraphView;

  it('GraphML: the seed keeps every actor and tie, with attributes and dates', async () => {
    await freshDatabase();
    await loadSeed();
    seedView = await everything();
    const before = readGraphml(writeGraphml(seedView, META));

    await freshDatabase();
    const summary = await importGraph(await foreignImportFormat('graphml').read(writeGraphml(seedView, META)), 'belarus.graphml', 'GraphML');
    expect(summary.actors.created).toBe(before.nodes.length);
    const again = readGraphml(writeGraphml(await everything(), META));
    expect([again.nodes.length, again.edges.length]).toEqual([before.nodes.length, before.edges.length]);
    expect(content(again, 'type')).toEqual(content(before, 'type'));
  });

  it('CSV zip: the seed keeps every actor and tie, with attributes and dates', async () => {
    const before = readCsvZip(writeCsvZip(seedView));
    await freshDatabase();
    await importGraph(before, 'belarus.zip', 'CSV');
    const again = readCsvZip(writeCsvZip(await everything()));
    expect([again.nodes.length, again.edges.length]).toEqual([before.nodes.length, before.edges.length]);
    expect(content(again, 'tie_type')).toEqual(content(before, 'tie_type'));
  });

  it('CSV through the import registry: an edges file alone brings every tie between the actors it names', async () => {
    const { edges } = writeCsvFiles(seedView);
    await freshDatabase();
    const graph = await foreignImportFormat('csv').read(edges);
    const summary = await importGraph(graph, 'edges.csv', 'CSV');
    const named = new Set(seedView.edges.flatMap((e) => [e.source, e.target]));
    expect(summary.actors.created).toBe(named.size);
    const again = await everything();
    expect(again.edges.length).toBe(seedView.edges.length);
    // Dates as written: "as of" a day is written as its day, and read back as that day.
    const key = (e: GraphView['edges'][number]) => JSON.stringify([e.type, e.role, e.strength, dateText(e.start), dateText(e.end)]);
    expect(again.edges.map(key).sort()).toEqual(seedView.edges.map(key).sort());
  });
});
