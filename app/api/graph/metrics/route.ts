// GET /api/graph/metrics: a metric of the view GET /api/graph would return for the same query
// (date, filters, focus), as ranked rows { id, slug, label, value, rank } (+ community; + the
// rank interval fields with samples=). metric= is required; weight=, resolution=, samples= optional.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { computeViewMetrics } from '@/lib/data/network/compute-view-metrics';
import { describeMethod } from '@/lib/graph/analysis/vocabulary';
import { DEFAULT_WEIGHT, parseGraphQuery } from '@/lib/validation/graph-queries';
import { searchParamsRecord } from '@/lib/validation/shared-queries';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const parsed = parseGraphQuery(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  const { metric, weight = DEFAULT_WEIGHT, resolution, samples } = parsed.view;
  if (!metric) throw new AppError('invalid', 'Invalid query: metric: required (for example metric=betweenness)', { fieldErrors: { metric: ['required'] } });
  const options = { metric, weight, ...(resolution !== undefined ? { resolution } : {}), ...(samples !== undefined ? { samples } : {}) };
  const { asOf, result } = await computeViewMetrics(await currentPrincipal(), parsed.query, options);
  const { rows, ...facts } = result;
  return NextResponse.json({ data: { asOf, ...facts, actors: rows.length, note: describeMethod({ ...facts, actors: rows.length }) }, rows });
});
