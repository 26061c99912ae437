// A saved view's state: the map's whole address (date, compare dates, knowledge date, filters,
// focus, selection, path, group, layout, metric sizing) as the address writes it, with a schema
// version, plus the places of what it shows and the camera. The address itself is parsed and
// written only by graph-queries.ts: this module stores its output and never defines a parameter.
//
// Versions: 0 is a bare map address ("?asOf=…&focus=…", or a whole URL), what analysts kept
// before views could be saved; 1 is { schemaVersion: 1, params }. Writes take only what parses
// today; reading a stored state (openViewState) keeps what still parses and says what it dropped,
// so a view saved before a parameter changed still opens.
import { z } from 'zod';
import type { GraphQuery } from '../graph/types';
import { parseGraphQuery, serializeGraphQuery, type GraphViewState } from './graph-queries';

export const VIEW_STATE_VERSION = 1;

/** The most element places one view stores: above the map's whole-network limit (4,000 actors), so every drawn view fits. */
export const MAX_VIEW_POSITIONS = 5_000;
/** The most actors or ties a story step highlights. */
export const MAX_HIGHLIGHTS = 200;

const MAX_PARAM_LENGTH = 2_000;
const paramsSchema = z
  .record(z.string().max(40), z.string().max(MAX_PARAM_LENGTH))
  .refine((p) => Object.keys(p).length <= 40, 'Too many address parameters');

/** The stored form, current version. Writes go through viewStateSchema, which also checks the address. */
export const storedViewStateSchema = z.strictObject({
  schemaVersion: z.literal(VIEW_STATE_VERSION),
  params: paramsSchema,
});
export type ViewState = z.output<typeof storedViewStateSchema>;

/** A state to save: the current version, every parameter as today's address reads it; stored in canonical form. */
export const viewStateSchema = storedViewStateSchema.transform((state, ctx): ViewState => {
  const parsed = parseGraphQuery(state.params);
  if (!parsed.ok) {
    for (const error of parsed.errors) ctx.addIssue({ code: 'custom', message: error, path: ['params'] });
    return z.NEVER;
  }
  return viewStateOf(parsed.query, parsed.view);
});

/** The state of the map at an address, in canonical form (defaults left out, vocabulary order). */
export function viewStateOf(query: GraphQuery, view: Partial<GraphViewState>): ViewState {
  return { schemaVersion: VIEW_STATE_VERSION, params: Object.fromEntries(serializeGraphQuery(query, view)) };
}

/** The map's address for a state: "?asOf=…", or "" for the default view. */
export function viewStateSearch(state: ViewState): string {
  const qs = new URLSearchParams(state.params).toString();
  return qs ? `?${qs}` : '';
}

const finite = z.number().refine(Number.isFinite, 'Not a finite number');
/** Element id → [x, y]. Node ids as the map names them (actor:slug, group:faction:kind). */
export const viewPositionsSchema = z
  .record(z.string().min(1).max(300), z.tuple([finite, finite]))
  .refine((p) => Object.keys(p).length <= MAX_VIEW_POSITIONS, `At most ${MAX_VIEW_POSITIONS} places in one view`);
export type ViewPositions = z.output<typeof viewPositionsSchema>;

export const viewCameraSchema = z.strictObject({
  zoom: finite.refine((z) => z > 0 && z <= 1000, 'Zoom is above 0 and at most 1000'),
  pan: z.strictObject({ x: finite, y: finite }),
});
export type ViewCamera = z.output<typeof viewCameraSchema>;

/** What a saved view or a story step holds to reopen the map exactly. */
export const viewSnapshotSchema = z.strictObject({
  state: viewStateSchema,
  positions: viewPositionsSchema.default({}),
  camera: viewCameraSchema.nullable().default(null),
});
export type ViewSnapshotInput = z.input<typeof viewSnapshotSchema>;
export type ViewSnapshot = z.output<typeof viewSnapshotSchema>;

/** A parameter a stored state carried that the map no longer reads, and why. */
export interface DroppedParam {
  param: string;
  value: string;
  reason: string;
}

export type OpenedViewState =
  | { ok: true; state: ViewState; query: GraphQuery; view: GraphViewState; fromVersion: number; dropped: DroppedParam[] }
  | { ok: false; error: string };

/** Version 0: an address as the map wrote it, with or without "?", or a whole URL. */
function paramsOfAddress(address: string): Record<string, string> {
  const trimmed = address.trim();
  const query = /^[a-z]+:\/\//i.test(trimmed) ? new URL(trimmed).search : trimmed.slice(trimmed.indexOf('?') + 1);
  return Object.fromEntries(new URLSearchParams(query));
}

/**
 * Reads a stored state of any version: what today's address still reads opens, the rest is
 * dropped with its reason (never silently). Refuses only what is no view state at all, or a
 * version newer than this code.
 */
export function openViewState(raw: unknown): OpenedViewState {
  let params: Record<string, string>;
  let fromVersion: number;
  if (typeof raw === 'string') {
    try {
      params = paramsOfAddress(raw);
    } catch {
      return { ok: false, error: 'This view state is neither an address nor a saved state' };
    }
    fromVersion = 0;
  } else {
    const version = z.object({ schemaVersion: z.number().int().positive() }).safeParse(raw);
    if (!version.success) return { ok: false, error: 'This view state has no schema version' };
    fromVersion = version.data.schemaVersion;
    if (fromVersion > VIEW_STATE_VERSION) return { ok: false, error: `This view was saved by a newer Powermap (view state version ${fromVersion}; this one reads up to ${VIEW_STATE_VERSION})` };
    const stored = z.object({ params: paramsSchema }).safeParse(raw);
    if (!stored.success) return { ok: false, error: 'This view state has no readable address parameters' };
    params = stored.data.params;
  }
  const dropped: DroppedParam[] = [];
  // Each pass drops the parameters the address refused; what is left parses on the next (or is empty).
  for (let pass = 0; pass < 3; pass++) {
    const parsed = parseGraphQuery(params);
    if (parsed.ok) return { ok: true, state: viewStateOf(parsed.query, parsed.view), query: parsed.query, view: parsed.view, fromVersion, dropped };
    const next = { ...params };
    for (const [param, messages] of Object.entries(parsed.fieldErrors)) {
      if (!(param in next)) continue;
      dropped.push({ param, value: next[param]!, reason: messages.join('; ') });
      delete next[param];
    }
    if (Object.keys(next).length === Object.keys(params).length) break;
    params = next;
  }
  return { ok: false, error: 'This view state could not be read' };
}

/** "kinds=person,robot (kinds: unknown value "robot")", for a notice above the reopened map. */
export function describeDropped(dropped: readonly DroppedParam[]): string {
  return dropped.map((d) => `${d.param}=${d.value} (${d.reason})`).join('; ');
}
