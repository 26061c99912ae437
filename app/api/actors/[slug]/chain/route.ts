// GET /api/actors/{slug}/chain?on=YYYY-MM-DD: who commanded this unit on that day (absent: today),
// up its superiors, each step certain or possible by the precision of its ties' dates.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { loadChainOfCommand } from '@/lib/data/actors/load-chain-of-command';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';
import { searchParamsRecord } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const chain = await loadChainOfCommand(await currentPrincipal(), { ...searchParamsRecord(new URL(request.url).searchParams), slug });
  return jsonRead({ data: chain });
});
