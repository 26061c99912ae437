// GET /api/graph: the network as Cytoscape JSON, cut in the database by the same query parameters
// as the map's address. With a focus, hubs show their strongest ties and data.hidden says how many
// ties each capped hub leaves out ("+N more"); ?expand=slug,… opens them.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError, parseInput } from '@/lib/data/errors';
import { loadView } from '@/lib/data/network/load-view';
import { toCytoscapeElements } from '@/lib/graph/cytoscape-elements';
import { graphExpandSchema, parseGraphQuery } from '@/lib/validation/graph-queries';
import { searchParamsRecord } from '@/lib/validation/shared-queries';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const { expand: rawExpand, ...params } = searchParamsRecord(new URL(request.url).searchParams);
  const parsed = parseGraphQuery(params);
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  const { expand = [] } = parseInput(graphExpandSchema, { expand: rawExpand }, 'Query');
  const view = await loadView(await currentPrincipal(), parsed.query, { expand });
  return jsonRead({ data: { asOf: view.asOf, hidden: view.hidden }, elements: toCytoscapeElements(view) });
});
