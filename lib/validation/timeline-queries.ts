// /timeline's address and GET /api/graph/timeline's query: the map's own parameters (asOf, the
// date cursor the map shares; kinds, factions, types, minGrade, focus, hops, known), read by
// parseGraphQuery, beside the timeline's `rows` and `page`. A plain HTML form submits a list of
// checkboxes as a repeated key and an empty date as "", which the map's address writes as one
// comma list and leaves out; both are put in the map's form before it is parsed.
import { z } from 'zod';
import { TIMELINE_ROWS } from '../graph/timeline';
import { parseGraphQuery, type ParseGraphQueryResult } from './graph-queries';
import type { SearchParamsInput } from './shared-queries';

export const MAX_TIMELINE_PAGE = 100_000;

export const timelineParamsSchema = z.strictObject({
  rows: z.enum(TIMELINE_ROWS, { error: `must be one of ${TIMELINE_ROWS.join(', ')}` }).default('post'),
  page: z
    .string()
    .regex(/^\d+$/, 'must be a whole number from 1')
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_TIMELINE_PAGE, `must be a whole number from 1 to ${MAX_TIMELINE_PAGE}`)
    .default(1),
});
export type TimelineParams = z.output<typeof timelineParamsSchema>;
export const TIMELINE_PARAM_NAMES = Object.keys(timelineParamsSchema.shape);

/** The map's list parameters, which a form may submit as repeated keys. */
const LIST_PARAMS = new Set(['kinds', 'factions', 'types']);

export type ParseTimelineResult =
  | { ok: true; query: Extract<ParseGraphQueryResult, { ok: true }>['query']; timeline: TimelineParams }
  | { ok: false; errors: string[] };

export function parseTimelineQuery(params: SearchParamsInput): ParseTimelineResult {
  const mapPart: SearchParamsInput = {};
  const own: Record<string, string> = {};
  const errors: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    if (TIMELINE_PARAM_NAMES.includes(key)) {
      if (values.length > 1) errors.push(`${key}: given more than once`);
      else own[key] = values[0]!;
    } else mapPart[key] = LIST_PARAMS.has(key) ? values.join(',') : values.length === 1 ? values[0] : values;
  }
  const map = parseGraphQuery(mapPart);
  if (!map.ok) errors.push(...map.errors);
  const timeline = timelineParamsSchema.safeParse(own);
  if (!timeline.success) for (const issue of timeline.error.issues) errors.push(`${issue.path.join('.') || 'query'}: ${issue.message}`);
  if (errors.length > 0 || !map.ok || !timeline.success) return { ok: false, errors };
  return { ok: true, query: map.query, timeline: timeline.data };
}
