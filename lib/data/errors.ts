// One error type for the data layer, with documented codes; lib/http/errors.ts maps them to HTTP.
import type { z } from 'zod';
import { fieldErrorsOf, type FieldErrors } from '../validation/field-errors';
import type { RuleIssue } from '../domain/records/define-record';

export type AppErrorCode =
  | 'invalid' // input failed validation: 400/422 with field messages
  | 'not_found' // no such record (or not visible to this principal): 404
  | 'unauthenticated' // sign-in needed: 401
  | 'forbidden' // signed in, but the role does not allow it: 403
  | 'conflict' // the record changed since the caller read it: 409/412, with the current record
  | 'version_required' // an update or delete without the version it applies to: 428
  | 'rate_limited'; // too many attempts: 429

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; current?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);

/** Field messages keyed by dotted path, and one readable sentence naming each field. */
export function invalidInput(error: z.ZodError, what = 'Input'): AppError {
  const fieldErrors = fieldErrorsOf(error);
  const summary = Object.entries(fieldErrors)
    .slice(0, 5)
    .map(([key, messages]) => (key === '_' ? messages[0] : `${key}: ${messages[0]}`))
    .join('; ');
  return new AppError('invalid', `${what} is invalid: ${summary}`, { fieldErrors });
}

/** Every input to the data layer passes through here. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error, what);
  return result.data;
}

/** A record's rules (lib/domain/records), checked on the state a write would store. */
export function assertRules(issues: readonly RuleIssue[]): void {
  if (!issues.length) return;
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) (fieldErrors[issue.path] ??= []).push(issue.message);
  const summary = issues.map((issue) => `${issue.path}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`).join('; ');
  throw new AppError('invalid', summary, { fieldErrors });
}
