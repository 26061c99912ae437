// GET /api/graph/timeline: one page of the timeline (who held which post when) as /timeline draws
// it: groups of rows of bars, each bar a tie with its dates, its drawn shape in day numbers and
// its words; `rows=post|actor`, `page=`, and the map's own parameters (asOf is the cursor). See docs/api.md.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { loadTimeline } from '@/lib/data/network/load-timeline';
import { handle } from '@/lib/http/errors';
import { searchParamsRecord } from '@/lib/validation/shared-queries';
import { parseTimelineQuery } from '@/lib/validation/timeline-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const parsed = parseTimelineQuery(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`);
  return NextResponse.json({ data: await loadTimeline(await currentPrincipal(), parsed.query, parsed.timeline) });
});
