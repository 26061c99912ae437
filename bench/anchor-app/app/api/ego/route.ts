// GET /api/ego?focus=slug&hops=2: the ego network by recursive CTE (anchor for /api/graph?focus=…).
import { egoNetwork } from '../../../lib/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const focus = url.searchParams.get('focus') ?? '';
  const hops = Math.min(3, Math.max(1, Number(url.searchParams.get('hops') ?? 1) || 1));
  return Response.json(await egoNetwork(focus, hops));
}
