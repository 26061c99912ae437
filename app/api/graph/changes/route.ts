// GET /api/graph/changes?from=YYYY-MM-DD&to=YYYY-MM-DD: what changed between two dates in the view
// the map's other parameters describe (filters, focus): ties begun, ended, posts that changed hands.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError, parseInput } from '@/lib/data/errors';
import { loadChanges } from '@/lib/data/network/load-changes';
import { handle } from '@/lib/http/errors';
import { changesWindowSchema } from '@/lib/validation/change-queries';
import { parseGraphQuery } from '@/lib/validation/graph-queries';
import { searchParamsRecord } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const { from, to, ...params } = searchParamsRecord(new URL(request.url).searchParams);
  const window = parseInput(changesWindowSchema, { from, to }, 'Query');
  const parsed = parseGraphQuery(params);
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  const changes = await loadChanges(await currentPrincipal(), parsed.query, window);
  return NextResponse.json({ data: changes });
});
