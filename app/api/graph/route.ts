// GET /api/graph: the network as Cytoscape JSON, cut by the same query parameters as the map's address.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { loadGraph } from '@/lib/data/graph';
import { buildView } from '@/lib/graph/build-view';
import { toCytoscapeElements } from '@/lib/graph/cytoscape-elements';
import { parseGraphQuery } from '@/lib/validation/graph-queries';
import { searchParamsRecord } from '@/lib/validation/shared-queries';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const parsed = parseGraphQuery(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  const graph = await loadGraph(await currentPrincipal());
  const view = buildView(graph, parsed.query);
  return NextResponse.json({ data: { asOf: view.asOf }, elements: toCytoscapeElements(view) });
});
