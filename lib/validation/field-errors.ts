// zod issues as per-field messages keyed by dotted path ("start.date", "names.0.lang"): the one
// converter, used by the data layer's refusals (lib/data/errors.ts), the forms' own checks in the
// browser and the server actions' answers, so a field reads the same message wherever it failed.
import type { z } from 'zod';

export interface FieldErrors {
  [path: string]: string[];
}

/**
 * Field messages keyed by dotted path; an issue about the whole input is keyed "_". Given the
 * input that was checked (forms do), a field left empty reads "Required" instead of zod's type or
 * option message.
 */
export function fieldErrorsOf(error: z.ZodError, input?: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    const empty = input !== undefined && issue.path.length > 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value') && isBlank(valueAt(input, issue.path));
    (out[key] ??= []).push(empty ? 'Required' : issue.message);
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

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
