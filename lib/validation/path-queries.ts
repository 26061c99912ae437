// GET /api/graph/paths: which two actors, how many paths and under which constraints. The map's
// own filters (asOf, ended, kinds, factions, types, minGrade, focus, hops) arrive beside these and
// are read by parseGraphQuery, so a path is found in exactly the view the map would show.
import { z } from 'zod';
import { TIE_TYPES } from '../domain/vocabulary';
import { DEFAULT_PATHS, MAX_PATHS } from '../graph/k-paths';
import { TIME_FLOWS } from '../graph/time-paths';
import { isoDaySchema, slugSchema } from './common';
import { gradeParam, vocabularyList } from './graph-queries';

export const MAX_AVOIDED = 50;

const slugList = z.string().transform((raw, ctx): string[] => {
  const slugs = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  const bad = slugs.filter((s) => !slugSchema.safeParse(s).success);
  for (const s of bad) ctx.addIssue({ code: 'custom', message: `"${s}" is not an actor slug` });
  if (slugs.length > MAX_AVOIDED) ctx.addIssue({ code: 'custom', message: `at most ${MAX_AVOIDED} actors` });
  return bad.length > 0 || slugs.length > MAX_AVOIDED ? z.NEVER : slugs;
});

const wholeNumber = (min: number, max: number) =>
  z.string().transform((raw, ctx) => {
    const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `"${raw}" is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

/** The longest gap between steps a time-respecting path may be asked for: a century. */
export const MAX_GAP_DAYS = 36_525;

export const pathParamsSchema = z.strictObject({
  from: slugSchema,
  to: slugSchema,
  k: wholeNumber(1, MAX_PATHS).default(DEFAULT_PATHS),
  avoid: slugList.optional(),
  maxDegree: wholeNumber(1, 1_000_000).optional(),
  direction: z.enum(['any', 'follow'], { error: 'must be "any" or "follow"' }).default('any'),
  pathTypes: vocabularyList(TIE_TYPES).optional(),
  pathMinGrade: gradeParam.optional(),
  /** Time-respecting paths (lib/graph/time-paths.ts): ties forward in time, or all within one window. */
  time: z.enum(TIME_FLOWS, { error: `must be one of ${TIME_FLOWS.join(', ')}` }).optional(),
  maxGapDays: wholeNumber(0, MAX_GAP_DAYS).optional(),
  timeFrom: isoDaySchema.optional(),
  timeTo: isoDaySchema.optional(),
}).superRefine((p, ctx) => {
  if (!p.time) {
    for (const key of ['maxGapDays', 'timeFrom', 'timeTo'] as const) if (p[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'needs time=forward or time=window' });
    return;
  }
  if (p.time === 'window' && p.maxGapDays !== undefined) ctx.addIssue({ code: 'custom', path: ['maxGapDays'], message: 'a gap between steps applies to time=forward only' });
  if (p.timeFrom && p.timeTo && p.timeFrom > p.timeTo) ctx.addIssue({ code: 'custom', path: ['timeTo'], message: 'must not come before timeFrom' });
});

export type PathParams = z.output<typeof pathParamsSchema>;
/** The parameters that are the path's own; the rest of a query is the map's. */
export const PATH_PARAM_NAMES: readonly string[] = ['from', 'to', 'k', 'avoid', 'maxDegree', 'direction', 'pathTypes', 'pathMinGrade', 'time', 'maxGapDays', 'timeFrom', 'timeTo'] satisfies (keyof PathParams)[];
