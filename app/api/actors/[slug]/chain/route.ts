// GET /api/actors/{slug}/chain?on=YYYY-MM-DD: who commanded this unit on that day (absent: today),
// up its superiors, each step certain or possible by the precision of its ties' dates; with an
// ETag from the network revision, the day and the audience, so a revalidation is a 304.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { chainOfCommandEtag, loadChainOfCommand } from '@/lib/data/actors/load-chain-of-command';
import { matchesEtag } from '@/lib/data/network/load-map';
import { handle } from '@/lib/http/errors';
import { jsonRead, READ_CACHE_HEADERS } from '@/lib/http/json-read';
import { searchParamsRecord } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const principal = await currentPrincipal();
  const input = { ...searchParamsRecord(new URL(request.url).searchParams), slug };
  // Keyed by the network revision like GET /api/graph/map: an unchanged network answers 304 unread.
  const etag = await chainOfCommandEtag(principal, input);
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: { ...READ_CACHE_HEADERS, ETag: etag } });
  return jsonRead({ data: await loadChainOfCommand(principal, input) }, { etag });
});
