// The one place that turns errors into HTTP answers for route handlers: validation → 400 with
// readable messages, not found → 404, auth → 401/403, stale versions → 412/428, and anything
// unknown → a generic 500 whose details stay in the server log.
import { NextResponse } from 'next/server';
import { AppError } from '../data/errors';

const STATUS: Record<AppError['code'], number> = {
  invalid: 400,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 412,
  version_required: 428,
  rate_limited: 429,
};

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      { status: STATUS[error.code] },
    );
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

/** URLSearchParams as a plain object, every key once (a repeated key keeps its last value). */
export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
