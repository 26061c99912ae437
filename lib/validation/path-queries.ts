// GET /api/graph/paths: which two actors, how many paths and under which constraints. The map's
// own filters (asOf, ended, kinds, factions, types, minGrade, focus, hops) arrive beside these and
// are read by parseGraphQuery, so a path is found in exactly the view the map would show.
import { z } from 'zod';
import { DEFAULT_PATHS } from '../graph/k-paths';
import { slugSchema } from './common';
import { checkPathOptions, pathOptionParams } from './graph-queries';

export { MAX_AVOIDED, MAX_GAP_DAYS } from './graph-queries';

export const pathParamsSchema = z.strictObject({
  from: slugSchema,
  to: slugSchema,
  ...pathOptionParams,
  k: pathOptionParams.k.default(DEFAULT_PATHS),
  direction: pathOptionParams.direction.default('any'),
}).superRefine(checkPathOptions);

export type PathParams = z.output<typeof pathParamsSchema>;
/** The parameters that are the path's own; the rest of a query is the map's. */
export const PATH_PARAM_NAMES: readonly string[] = ['from', 'to', 'k', 'avoid', 'maxDegree', 'direction', 'pathTypes', 'pathMinGrade', 'time', 'maxGapDays', 'timeFrom', 'timeTo'] satisfies (keyof PathParams)[];
