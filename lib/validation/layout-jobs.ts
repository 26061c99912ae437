// "Lay out again and save" (POST /api/layout-jobs): what to lay out, the whole network or the
// map's view. A view is named by the map's own address (graph-queries.ts, the one schema of a
// view), so the run lays out exactly the actors the analyst is looking at.
import { z } from 'zod';
import type { GraphQuery } from '../graph/types';
import { recordIdSchema } from './common';
import { parseGraphQuery } from './graph-queries';
import type { FieldErrors } from './field-errors';

export const LAYOUT_SCOPES = ['all', 'view'] as const;
export type LayoutScope = (typeof LAYOUT_SCOPES)[number];
export const LAYOUT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'undone'] as const;
export type LayoutJobStatus = (typeof LAYOUT_JOB_STATUSES)[number];

/** A layout run as the routes answer and the map's panel shows it (lib/data/layout/layout-jobs.ts). */
export interface LayoutJobDto {
  id: string;
  scope: LayoutScope;
  /** The map's address of a view-scoped run ("" for the whole network). */
  query: string;
  status: LayoutJobStatus;
  phase: string;
  progress: number;
  actorCount: number;
  movedCount: number;
  message: string;
  requestedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  /** Whether undo may put back the positions it replaced: the latest finished run only. */
  canUndo: boolean;
}

/** An address longer than this is no map's (every list in it is bounded far below). */
const MAX_QUERY_LENGTH = 4_000;

export const startLayoutJobSchema = z.strictObject({
  scope: z.enum(LAYOUT_SCOPES, { error: 'must be "all" or "view"' }),
  /** The map's address without the "?" (serializeGraphQuery's text); only for scope "view". */
  query: z.string().max(MAX_QUERY_LENGTH, { error: `at most ${MAX_QUERY_LENGTH} characters` }).default(''),
});
export type StartLayoutJobInput = z.input<typeof startLayoutJobSchema>;

export const layoutJobIdSchema = recordIdSchema;

/** Undo takes nothing but the run's id in the address: any field in the body is a mistake. */
export const undoLayoutJobSchema = z.strictObject({});

/** The view an address names, or the errors that make it no address of the map. */
export function layoutQueryOf(text: string): { ok: true; query: GraphQuery } | { ok: false; fieldErrors: FieldErrors; errors: string[] } {
  const params = new URLSearchParams(text.replace(/^\?/, ''));
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  const parsed = parseGraphQuery(record);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, fieldErrors: { query: parsed.errors } };
  return { ok: true, query: parsed.query };
}
