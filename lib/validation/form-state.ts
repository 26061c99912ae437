// What an edit form's server action answers (useActionState's state), and zod issues as the
// per-field messages forms show in place. Shared by client forms and server actions.
import type { z } from 'zod';

export interface FieldErrors {
  [path: string]: string[];
}

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

/** Field messages keyed by dotted path ("start.date", "names.0.lang"), as the data layer reports them. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The messages for one field and everything under it ("start" gathers "start.date" too). */
export function errorsFor(errors: FieldErrors | undefined, path: string): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages.map(friendlyMessage));
}

/** zod's type messages read as programmer talk in a form; say what the person needs to do. */
export function friendlyMessage(message: string): string {
  if (/received undefined|received null|received nan/i.test(message)) return 'Required';
  return message;
}
