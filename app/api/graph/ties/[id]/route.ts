// GET /api/graph/ties/{id}: the map's tie panel: first claim with its source, claim and note counts.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getTieSummary } from '@/lib/data/ties/get-tie-summary';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return jsonRead(await getTieSummary(await currentPrincipal(), { id }));
});
