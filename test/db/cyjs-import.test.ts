// Cytoscape JSON both ways through the app: the Belarus view exported by GET /api/export, imported
// into an empty database through the import (format=cyjs, the suggested mapping) gives the same
// actors with their kinds and factions, and the same ties with their types, roles and dates.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));

import * as exportRoute from '../../app/api/export/route';
import { loadGraph } from '../../lib/data/graph';
import { importFile } from '../../lib/data/import/import-file';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS, SEED } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { dateText } from '../../lib/domain/dates';
import type { GraphEdge, GraphNode } from '../../lib/graph/types';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

describe.skipIf(!available)(`Cytoscape JSON export → import on ${TEST_KIND}`, () => {
  let text: string;
  let shown: { nodes: GraphNode[]; edges: GraphEdge[] };

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    text = await (await exportRoute.GET(new Request('http://powermap.test/api/export?format=cyjs&asOf=2022-01-01'))).text();
    shown = await loadView(ANONYMOUS, { asOf: '2022-01-01', showEnded: true, hops: 1 });
  });

  it('imports the exported view into an empty database as the same network', async () => {
    await freshDatabase();
    await importFile(SEED, { format: 'cyjs', text, fileName: 'powermap-view-2022-01-01.cyjs' });
    const graph = await loadGraph(ANONYMOUS);
    const actor = (n: GraphNode) => [n.label, n.kind, n.faction];
    expect(graph.nodes.map(actor).sort()).toEqual(shown.nodes.map(actor).sort());
    const label = (nodes: GraphNode[]) => new Map(nodes.map((n) => [n.id, n.label]));
    const [before, after] = [label(shown.nodes), label(graph.nodes)];
    const tie = (names: Map<string, string>) => (e: GraphEdge) => JSON.stringify([names.get(e.source), e.type, names.get(e.target), e.role, dateText(e.start), dateText(e.end)]);
    expect(graph.edges.map(tie(after)).sort()).toEqual(shown.edges.map(tie(before)).sort());
  });
});
