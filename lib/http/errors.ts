// The one place that turns errors into HTTP answers for route handlers: validation → 400 with
// readable messages (AppError 'invalid', or a ZodError that escaped parseInput), not found → 404,
// auth → 401/403, stale versions → 412 with the current version's ETag, a missing version → 428,
// and anything unknown → a generic 500 whose details stay in the server log.
// (dub answers validation with 422; ours has always been 400, and clients rely on it.)
// Every handler in app/api/** is wrapped in `handle`, directly or through record-handlers.ts.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { AppError, invalidInput } from '../data/errors';
import { etag } from './etag';

const STATUS: Record<AppError['code'], number> = {
  invalid: 400,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 412,
  version_required: 428,
  rate_limited: 429,
};

export function errorResponse(thrown: unknown): NextResponse {
  const error = thrown instanceof ZodError ? invalidInput(thrown) : thrown;
  if (error instanceof AppError) {
    const response = NextResponse.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      { status: STATUS[error.code] },
    );
    // A stale write hears which version is current, so the client can GET it and retry.
    const current = error.code === 'conflict' ? (error.details.current as { version?: unknown } | undefined) : undefined;
    if (typeof current?.version === 'number') response.headers.set('ETag', etag(current.version));
    return response;
  }
  console.error(error);
  return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on the server' } }, { status: 500 });
}

/** Wraps a route handler so every thrown error goes through errorResponse. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
