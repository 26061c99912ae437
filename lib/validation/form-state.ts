// What an edit form's server action answers (useActionState's state). Shared by client forms and
// server actions; the field messages inside come from field-errors.ts.
import type { FieldErrors } from './field-errors';

/** The stored record when a save was refused as stale: its version and its current values. */
export type CurrentRecord = Record<string, unknown> & { version: number };

export type FormState =
  | { status: 'idle' }
  | { status: 'saved'; message: string }
  | { status: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { status: 'conflict'; message: string; current: CurrentRecord }
  | { status: 'refused'; code: 'unauthenticated' | 'forbidden' | 'not_found' | 'rate_limited' | 'version_required'; message: string }
  | { status: 'error'; message: string };

export const IDLE: FormState = { status: 'idle' };
