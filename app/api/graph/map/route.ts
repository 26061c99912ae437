// GET /api/graph/map: what the map draws for an address, as compact columns (lib/graph/map-payload),
// with an ETag from the network revision, so a second visit to an unchanged network is a 304.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { loadMapPayload, matchesEtag, planMap } from '@/lib/data/network/load-map';
import { handle } from '@/lib/http/errors';
import { overviewAboveForTests } from '@/lib/http/test-overrides';
import { parseGraphQuery } from '@/lib/validation/graph-queries';
import { searchParamsRecord } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const parsed = parseGraphQuery(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  const principal = await currentPrincipal();
  const plan = await planMap(principal, { query: parsed.query, view: parsed.view }, { overviewAbove: await overviewAboveForTests() });
  // Stored by the browser, but asked about again on every use: the answer is usually a 304.
  const headers = { ETag: plan.etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Authorization' };
  if (matchesEtag(request.headers.get('if-none-match'), plan.etag)) return new Response(null, { status: 304, headers });
  const body = await loadMapPayload(principal, plan);
  return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json' } });
});
