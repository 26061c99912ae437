// The map's address and GET /api/graph's query string, parsed into a GraphQuery (what to show)
// and a GraphViewState (how the map shows it), and written back. Both sides parse and write
// addresses only through here; parsing and writing sit together so they cannot drift apart.
import { z } from 'zod';
import { isGrade } from '../domain/grade';
import { ACTOR_KINDS, FACTIONS, TIE_TYPES, type TieType } from '../domain/vocabulary';
import { DEFAULT_PATHS, MAX_PATHS } from '../graph/k-paths';
import { parseAggregateEdgeId } from '../graph/collapse-nesting';
import { parseGroupKey } from '../graph/overview';
import { TIME_FLOWS, type TimeFlow } from '../graph/time-paths';
import { DEFAULT_RESOLUTION, MAX_SAMPLES, METRICS, WEIGHT_MODES, type Metric, type WeightMode } from '../graph/analysis/vocabulary';
import type { GraphQuery } from '../graph/types';
import { compareParamSchema, writeCompareParam, type CompareWindow } from './change-queries';
import { isoDaySchema, recordIdSchema, slugSchema } from './common';
import type { FieldErrors } from './field-errors';
import type { SearchParamsInput } from './shared-queries';

export const GRAPH_LAYOUTS = ['force', 'hierarchy', 'concentric', 'circle'] as const;
export type GraphLayout = (typeof GRAPH_LAYOUTS)[number];

/**
 * View-only state: changes the picture, never what the query means. (On a network too large to
 * draw whole, the server also reads `path` and `group` to choose which part of the view to send.)
 */
export interface GraphViewState {
  layout: GraphLayout;
  /** Selected element id: `actor:${slug}` or `tie:${tieId}`. */
  select?: string;
  /** Actor slugs whose shortest path is highlighted, written "slugA,slugB" in the address. */
  path?: [string, string];
  /** A large network's overview: the group ("faction:kind") whose members are open. */
  group?: string;
  /** Analysis on the map (lib/graph/analysis): the metric nodes are sized or coloured by, and its options. */
  metric?: Metric;
  weight?: WeightMode;
  resolution?: number;
  /** Evidence-robustness mode: how many resampled views; absent, off. */
  samples?: number;
  /** The path panel's options for the traced path (absent: the defaults), so a shared address traces the same paths. */
  pathOptions?: PathChoices;
  /** Which of the traced paths is highlighted, from 0 (written 1-based as pathShown). */
  pathShown?: number;
  /** Two dates compared (lib/graph/changes.ts): the map shows the later one, marking what changed since the first. */
  compare?: CompareWindow;
  /** Institutions drawn inside their superiors (lib/graph/nesting.ts), and the parents shown collapsed (slugs). */
  nest?: boolean;
  collapsed?: string[];
}

/** The path panel's options as the address keeps them: actors avoided by slug. */
export interface PathChoices {
  k?: number;
  avoid: string[];
  maxDegree?: number;
  directed?: boolean;
  types?: TieType[];
  minGrade?: string;
  /** Time-respecting paths: the flow, the most days between steps, and a window (ISO days, either side open). */
  time?: { flow: TimeFlow; maxGapDays?: number; from?: string; to?: string };
}

export const DEFAULT_HOPS = 1;
export const MAX_HOPS = 3;
export const DEFAULT_LAYOUT: GraphLayout = 'force';
export const DEFAULT_WEIGHT: WeightMode = 'none';

/** A comma-separated list whose every value must come from a vocabulary. */
export function vocabularyList<const T extends string>(vocabulary: readonly T[]) {
  return z.string().transform((raw, ctx): T[] | undefined => {
    const values = raw
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
    const unknown = values.filter((v) => !(vocabulary as readonly string[]).includes(v));
    for (const v of unknown) ctx.addIssue({ code: 'custom', message: `unknown value "${v}"` });
    if (unknown.length > 0) return z.NEVER;
    // Vocabulary order and no repeats, so equal selections give equal addresses.
    const chosen = vocabulary.filter((v) => values.includes(v));
    return chosen.length > 0 ? chosen : undefined;
  });
}

export const gradeParam = z
  .string()
  .transform((raw, ctx) => {
    const grade = raw.trim().toUpperCase();
    if (!isGrade(grade)) {
      ctx.addIssue({ code: 'custom', message: `"${raw}" is not a grade like B2 (A–F then 1–6)` });
      return z.NEVER;
    }
    return grade;
  });

const hopsParam = z.string().transform((raw, ctx) => {
  const hops = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(hops >= 1 && hops <= MAX_HOPS)) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a whole number from 1 to ${MAX_HOPS}` });
    return z.NEVER;
  }
  return hops;
});

const elementIdParam = z.string().refine((raw) => {
  // A merged tie of a collapsed institution (lib/graph/collapse-nesting.ts): both ends and the type.
  const merged = parseAggregateEdgeId(raw);
  if (merged) {
    return [merged.source, merged.target].every((id) => slugSchema.safeParse(id.slice('actor:'.length)).success) && (TIE_TYPES as readonly string[]).includes(merged.type);
  }
  const [prefix, rest = '', ...extra] = raw.split(':');
  if (extra.length > 0) return false;
  if (prefix === 'actor') return slugSchema.safeParse(rest).success;
  if (prefix === 'tie') return recordIdSchema.safeParse(rest).success;
  return false;
}, 'not an element id like actor:some-slug, tie:some-id or agg:source-slug.target-slug.tie_type');

const pathParam = z.string().transform((raw, ctx): [string, string] => {
  const parts = raw.split(',').map((p) => p.trim());
  const [from, to] = parts;
  if (parts.length !== 2 || from === undefined || to === undefined || !slugSchema.safeParse(from).success || !slugSchema.safeParse(to).success) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not two actor slugs like slug-a,slug-b` });
    return z.NEVER;
  }
  return [from, to];
});

export const MAX_AVOIDED = 50;
/** The longest gap between steps a time-respecting path may be asked for: a century. */
export const MAX_GAP_DAYS = 36_525;

export const slugListParam = z.string().transform((raw, ctx): string[] => {
  const slugs = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  const bad = slugs.filter((s) => !slugSchema.safeParse(s).success);
  for (const s of bad) ctx.addIssue({ code: 'custom', message: `"${s}" is not an actor slug` });
  if (slugs.length > MAX_AVOIDED) ctx.addIssue({ code: 'custom', message: `at most ${MAX_AVOIDED} actors` });
  return bad.length > 0 || slugs.length > MAX_AVOIDED ? z.NEVER : slugs;
});

export const wholeNumberParam = (min: number, max: number) =>
  z.string().transform((raw, ctx) => {
    const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `"${raw}" is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

/**
 * A path's options, the same parameters in the map's address and in GET /api/graph/paths (whose
 * schema, lib/validation/path-queries.ts, spreads these beside from and to).
 */
export const pathOptionParams = {
  k: wholeNumberParam(1, MAX_PATHS).optional(),
  avoid: slugListParam.optional(),
  maxDegree: wholeNumberParam(1, 1_000_000).optional(),
  direction: z.enum(['any', 'follow'], { error: 'must be "any" or "follow"' }).optional(),
  pathTypes: vocabularyList(TIE_TYPES).optional(),
  pathMinGrade: gradeParam.optional(),
  /** Time-respecting paths (lib/graph/time-paths.ts): ties forward in time, or all within one window. */
  time: z.enum(TIME_FLOWS, { error: `must be one of ${TIME_FLOWS.join(', ')}` }).optional(),
  maxGapDays: wholeNumberParam(0, MAX_GAP_DAYS).optional(),
  timeFrom: isoDaySchema.optional(),
  timeTo: isoDaySchema.optional(),
};

type PathOptionValues = { [K in keyof typeof pathOptionParams]?: z.output<(typeof pathOptionParams)[K]> };

/** The time options only make sense together: refused rather than silently dropped. */
export function checkPathOptions(p: PathOptionValues, ctx: z.RefinementCtx): void {
  if (!p.time) {
    for (const key of ['maxGapDays', 'timeFrom', 'timeTo'] as const) if (p[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'needs time=forward or time=window' });
    return;
  }
  if (p.time === 'window' && p.maxGapDays !== undefined) ctx.addIssue({ code: 'custom', path: ['maxGapDays'], message: 'a gap between steps applies to time=forward only' });
  if (p.timeFrom && p.timeTo && p.timeFrom > p.timeTo) ctx.addIssue({ code: 'custom', path: ['timeTo'], message: 'must not come before timeFrom' });
}

function toPathChoices(p: PathOptionValues): PathChoices | undefined {
  const c: PathChoices = { avoid: p.avoid ?? [] };
  if (p.k !== undefined && p.k !== DEFAULT_PATHS) c.k = p.k;
  if (p.maxDegree !== undefined) c.maxDegree = p.maxDegree;
  if (p.direction === 'follow') c.directed = true;
  if (p.pathTypes !== undefined) c.types = p.pathTypes;
  if (p.pathMinGrade !== undefined) c.minGrade = p.pathMinGrade;
  if (p.time) {
    c.time = { flow: p.time };
    if (p.maxGapDays !== undefined) c.time.maxGapDays = p.maxGapDays;
    if (p.timeFrom !== undefined) c.time.from = p.timeFrom;
    if (p.timeTo !== undefined) c.time.to = p.timeTo;
  }
  return Object.keys(c).length > 1 || c.avoid.length > 0 ? c : undefined;
}

function writePathChoices(params: URLSearchParams, c: PathChoices): void {
  if (c.k !== undefined && c.k !== DEFAULT_PATHS) params.set('k', String(c.k));
  if (c.avoid.length) params.set('avoid', [...new Set(c.avoid)].join(','));
  if (c.maxDegree !== undefined) params.set('maxDegree', String(c.maxDegree));
  if (c.directed) params.set('direction', 'follow');
  if (c.types?.length) params.set('pathTypes', TIE_TYPES.filter((t) => c.types!.includes(t)).join(','));
  if (c.minGrade) params.set('pathMinGrade', c.minGrade);
  if (c.time) {
    params.set('time', c.time.flow);
    if (c.time.maxGapDays !== undefined && c.time.flow === 'forward') params.set('maxGapDays', String(c.time.maxGapDays));
    if (c.time.from) params.set('timeFrom', c.time.from);
    if (c.time.to) params.set('timeTo', c.time.to);
  }
}

const MIN_SAMPLES = 10;
const samplesParam = z.string().transform((raw, ctx) => {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(n >= MIN_SAMPLES && n <= MAX_SAMPLES)) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a whole number from ${MIN_SAMPLES} to ${MAX_SAMPLES}` });
    return z.NEVER;
  }
  return n;
});
const resolutionParam = z.string().transform((raw, ctx) => {
  const r = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(r >= 0.1 && r <= 10)) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a number from 0.1 to 10` });
    return z.NEVER;
  }
  return r;
});

const groupParam = z.string().refine((raw) => parseGroupKey(raw) !== null, 'not a group like belarus-state:person (a faction, a colon, an actor kind)');

/** Every parameter the address may carry; anything else is an error, so typos do not pass silently. */
export const graphParamsSchema = z.strictObject({
  asOf: isoDaySchema.optional(),
  ended: z.enum(['show', 'hide'], { error: 'must be "show" or "hide"' }).default('show'),
  kinds: vocabularyList(ACTOR_KINDS).optional(),
  factions: vocabularyList(FACTIONS).optional(),
  types: vocabularyList(TIE_TYPES).optional(),
  minGrade: gradeParam.optional(),
  focus: slugSchema.optional(),
  hops: hopsParam.optional(),
  known: isoDaySchema.optional(),
  layout: z.enum(GRAPH_LAYOUTS, { error: `must be one of ${GRAPH_LAYOUTS.join(', ')}` }).optional(),
  select: elementIdParam.optional(),
  path: pathParam.optional(),
  group: groupParam.optional(),
  metric: z.enum(METRICS, { error: `must be one of ${METRICS.join(', ')}` }).optional(),
  weight: z.enum(WEIGHT_MODES, { error: `must be one of ${WEIGHT_MODES.join(', ')}` }).optional(),
  resolution: resolutionParam.optional(),
  samples: samplesParam.optional(),
  compare: compareParamSchema.optional(),
  nest: z.enum(['1'], { error: 'must be "1"' }).optional(),
  collapsed: z.string().transform((raw, ctx): string[] => {
    // Sorted and unique, so equal states share one address.
    const slugs = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))].sort();
    const bad = slugs.filter((s) => !slugSchema.safeParse(s).success);
    for (const s of bad) ctx.addIssue({ code: 'custom', message: `"${s}" is not an actor slug` });
    return bad.length > 0 ? z.NEVER : slugs;
  }).optional(),
  ...pathOptionParams,
  pathShown: wholeNumberParam(1, MAX_PATHS).optional(),
}).superRefine(checkPathOptions);
type GraphParams = z.output<typeof graphParamsSchema>;

export const MAX_EXPANDED = 20;

/**
 * GET /api/graph's `expand`: slugs of capped hubs whose every tie a neighbourhood follows
 * ("+N more" opened; see lib/graph/cap-hubs.ts), comma-separated. Not part of the map's address.
 */
const expandList = z.string().transform((raw, ctx): string[] => {
  const slugs = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  const bad = slugs.filter((s) => !slugSchema.safeParse(s).success);
  for (const s of bad) ctx.addIssue({ code: 'custom', message: `"${s}" is not an actor slug` });
  if (slugs.length > MAX_EXPANDED) ctx.addIssue({ code: 'custom', message: `at most ${MAX_EXPANDED} actors at once` });
  return bad.length > 0 || slugs.length > MAX_EXPANDED ? z.NEVER : slugs;
});
export const graphExpandSchema = z.object({ expand: expandList.optional() });

export const GRAPH_PARAM_NAMES = Object.keys(graphParamsSchema.shape);

function toQuery(p: GraphParams): GraphQuery {
  const query: GraphQuery = { showEnded: p.ended === 'show', hops: p.hops ?? DEFAULT_HOPS };
  // Absent keys stay absent (not undefined-valued), so parsed queries compare equal with toStrictEqual.
  if (p.asOf !== undefined) query.asOf = p.asOf;
  if (p.kinds !== undefined) query.kinds = p.kinds;
  if (p.factions !== undefined) query.factions = p.factions;
  if (p.types !== undefined) query.types = p.types;
  if (p.minGrade !== undefined) query.minGrade = p.minGrade;
  if (p.focus !== undefined) query.focus = p.focus;
  if (p.known !== undefined) query.known = p.known;
  return query;
}

function toViewState(p: GraphParams): GraphViewState {
  const view: GraphViewState = { layout: p.layout ?? DEFAULT_LAYOUT };
  if (p.select !== undefined) view.select = p.select;
  if (p.path !== undefined) view.path = p.path;
  if (p.group !== undefined) view.group = p.group;
  if (p.metric !== undefined) view.metric = p.metric;
  if (p.weight !== undefined && p.weight !== DEFAULT_WEIGHT) view.weight = p.weight;
  if (p.resolution !== undefined && p.resolution !== DEFAULT_RESOLUTION) view.resolution = p.resolution;
  if (p.samples !== undefined) view.samples = p.samples;
  if (p.compare !== undefined) view.compare = p.compare;
  // Path options mean something only beside a traced path; without one they are left out.
  const pathOptions = p.path ? toPathChoices(p) : undefined;
  if (pathOptions) view.pathOptions = pathOptions;
  if (p.path && p.pathShown !== undefined && p.pathShown > 1) view.pathShown = p.pathShown - 1;
  if (p.nest) view.nest = true;
  // Collapsing means something only while nesting.
  if (p.nest && p.collapsed?.length) view.collapsed = p.collapsed;
  return view;
}

/** Parses search params into a GraphQuery; the view-only parameters are accepted and ignored. */
export const graphQuerySchema = graphParamsSchema.transform(toQuery);

/** Parses search params into both halves. */
export const graphAddressSchema = graphParamsSchema.transform((p) => ({ query: toQuery(p), view: toViewState(p) }));

export type ParseGraphQueryResult =
  | { ok: true; query: GraphQuery; view: GraphViewState }
  /** `errors` as sentences ("param: problem"), `fieldErrors` the same messages keyed by parameter. */
  | { ok: false; errors: string[]; fieldErrors: FieldErrors };

/**
 * Accepts a plain record (Object.fromEntries(url.searchParams)) or Next's page searchParams,
 * whose repeated keys arrive as arrays; a repeated key is an error rather than a silent pick.
 * Errors read "param: problem", e.g. `kinds: unknown value "robot"`.
 */
export function parseGraphQuery(params: SearchParamsInput): ParseGraphQueryResult {
  const errors: string[] = [];
  const fieldErrors: FieldErrors = {};
  const refuse = (param: string, message: string) => {
    errors.push(`${param}: ${message}`);
    (fieldErrors[param] ??= []).push(message);
  };
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 1 && value[0] !== undefined) flat[key] = value[0];
      else refuse(key, 'given more than once');
      continue;
    }
    flat[key] = value;
  }
  const parsed = graphAddressSchema.safeParse(flat);
  if (!parsed.success) {
    // Not fieldErrorsOf: an unknown parameter is reported under its own name, not under the query.
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) refuse(key, `unknown parameter (allowed: ${GRAPH_PARAM_NAMES.join(', ')})`);
      } else {
        refuse(issue.path.map(String).join('.') || 'query', issue.message);
      }
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors, fieldErrors };
  return { ok: true, query: parsed.data.query, view: parsed.data.view };
}

/**
 * Writes the address for a query and view state, leaving out defaults so addresses stay short
 * and equal views share one address. parseGraphQuery(Object.fromEntries(result)) gives them back.
 */
export function serializeGraphQuery(query: GraphQuery, view: Partial<GraphViewState> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.asOf) params.set('asOf', query.asOf);
  if (!query.showEnded) params.set('ended', 'hide');
  if (query.kinds?.length) params.set('kinds', query.kinds.join(','));
  if (query.factions?.length) params.set('factions', query.factions.join(','));
  if (query.types?.length) params.set('types', query.types.join(','));
  if (query.minGrade) params.set('minGrade', query.minGrade);
  if (query.focus) params.set('focus', query.focus);
  if (query.hops !== DEFAULT_HOPS) params.set('hops', String(query.hops));
  if (query.known) params.set('known', query.known);
  if (view.layout && view.layout !== DEFAULT_LAYOUT) params.set('layout', view.layout);
  if (view.select) params.set('select', view.select);
  if (view.path) params.set('path', view.path.join(','));
  if (view.group) params.set('group', view.group);
  if (view.metric) params.set('metric', view.metric);
  if (view.weight && view.weight !== DEFAULT_WEIGHT) params.set('weight', view.weight);
  if (view.resolution !== undefined && view.resolution !== DEFAULT_RESOLUTION) params.set('resolution', String(view.resolution));
  if (view.samples !== undefined) params.set('samples', String(view.samples));
  if (view.compare) params.set('compare', writeCompareParam(view.compare));
  if (view.path && view.pathOptions) writePathChoices(params, view.pathOptions);
  if (view.path && view.pathShown) params.set('pathShown', String(view.pathShown + 1));
  if (view.nest) params.set('nest', '1');
  if (view.nest && view.collapsed?.length) params.set('collapsed', [...new Set(view.collapsed)].sort().join(','));
  return params;
}

/** What the map shows for an address: comparing two dates shows the later one with its ended ties. */
export function shownQuery(query: GraphQuery, view: GraphViewState): GraphQuery {
  return view.compare ? { ...query, asOf: view.compare.to, showEnded: true } : query;
}
