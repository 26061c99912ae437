// GET /api/graph/paths: up to k shortest chains of ties between two actors (?from=&to=&k=), with
// actors to avoid, a hub limit, tie direction, tie types and a minimum grade for the path, in the
// view the map's own query parameters (asOf, ended, kinds, factions, types, minGrade, focus, hops)
// define. See docs/api.md.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError, parseInput } from '@/lib/data/errors';
import { loadPaths } from '@/lib/data/network/load-paths';
import { parseGraphQuery } from '@/lib/validation/graph-queries';
import { PATH_PARAM_NAMES, pathParamsSchema } from '@/lib/validation/path-queries';
import { searchParamsRecord, type SearchParamsInput } from '@/lib/validation/shared-queries';
import { handle } from '@/lib/http/errors';
import { overviewAboveForTests } from '@/lib/http/test-overrides';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const all = searchParamsRecord(new URL(request.url).searchParams);
  const pathPart: SearchParamsInput = {};
  const mapPart: SearchParamsInput = {};
  for (const [key, value] of Object.entries(all)) (PATH_PARAM_NAMES.includes(key) ? pathPart : mapPart)[key] = value;
  const repeated = Object.keys(pathPart).filter((key) => Array.isArray(pathPart[key]));
  if (repeated.length > 0) throw new AppError('invalid', `Invalid query: ${repeated.map((k) => `${k}: given more than once`).join('; ')}`);
  const parsed = parseGraphQuery(mapPart);
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  const params = parseInput(pathParamsSchema, pathPart, 'Query');
  return NextResponse.json({ data: await loadPaths(await currentPrincipal(), parsed.query, params, { overviewAbove: await overviewAboveForTests() }) });
});
