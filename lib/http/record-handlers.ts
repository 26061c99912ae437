// The handlers of the record routes (actors, ties, sources, claims, notes), built from their
// data-layer calls; each app/api/**/route.ts says which of these it exports. Every change checks
// same-origin first, then takes the principal from the session cookie or API token, a strict
// JSON body and the record's version in If-Match (never in the body); every answer carries an
// ETag; the cache is invalidated after every change; errors become HTTP in errors.ts.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '../auth/current-principal';
import { AppError } from '../data/errors';
import type { Principal } from '../data/principal';
import { handle } from './errors';
import { etag, parseIfMatch } from './etag';
import { jsonRead } from './json-read';
import { revalidateAfterChange } from './revalidate';
import { assertSameOrigin } from './same-origin';

/** Route params as Next.js passes them to a handler. */
export interface RouteContext<P extends Record<string, string>> {
  params: Promise<P>;
}

type JsonObject = Record<string, unknown>;

/** The body as a JSON object; an empty body is {}. JSON only, so a plain HTML form elsewhere cannot post here. */
export async function readJsonObject(request: Request): Promise<JsonObject> {
  const text = await request.text();
  if (!text.trim()) return {};
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new AppError('invalid', 'Send the body as JSON with Content-Type: application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid', 'The body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError('invalid', 'The body must be a JSON object');
  return value as JsonObject;
}

function refuseVersionInBody(body: JsonObject) {
  if ('version' in body) {
    throw new AppError('invalid', 'version: send the version in the If-Match header, not in the body', {
      fieldErrors: { version: ['Unrecognized key: the version goes in If-Match'] },
    });
  }
}

/**
 * Calls a data-layer change with the If-Match version added to the body. The data layer checks
 * the principal before the input, so an anonymous caller hears 401 and a viewer 403 whatever
 * they sent; a missing version only then becomes 428.
 */
async function withVersion<T>(request: Request, body: JsonObject, run: (input: JsonObject) => Promise<T>): Promise<T> {
  refuseVersionInBody(body);
  const version = parseIfMatch(request);
  try {
    return await run(version === null ? body : { ...body, version });
  } catch (error) {
    if (version === null && error instanceof AppError && error.code === 'invalid' && error.details.fieldErrors?.version) {
      throw new AppError('version_required', 'Send the version you are changing in If-Match, like If-Match: "3" (GET the record for its ETag)');
    }
    throw error;
  }
}

export function recordResponse(record: { version: number; [key: string]: unknown }, init: { status?: number; location?: string } = {}): NextResponse {
  const headers: Record<string, string> = { ETag: etag(record.version), 'Cache-Control': 'no-store' };
  if (init.location) headers.Location = init.location;
  return NextResponse.json(record, { status: init.status ?? 200, headers });
}

type Saved = { id: string; version: number };

/** POST: create from the body; 201 with the record, its ETag and its address. */
export function createRoute<R extends Saved>(create: (principal: Principal, input: unknown) => Promise<R>, location: (record: R) => string, shape: (record: R) => object = (r) => r) {
  return handle(async (request: Request): Promise<Response> => {
    assertSameOrigin(request);
    const principal = await currentPrincipal();
    const body = await readJsonObject(request);
    const record = await create(principal, body);
    revalidateAfterChange();
    return recordResponse({ ...shape(record), version: record.version }, { status: 201, location: location(record) });
  });
}

/** PATCH: change the fields in the body of the version in If-Match; 200 with the record and its new ETag. */
export function updateRoute<P extends Record<string, string>, R extends Saved>(
  param: keyof P & string,
  update: (principal: Principal, key: string, input: unknown) => Promise<R>,
  shape: (record: R) => object = (r) => r,
) {
  return handle(async (request: Request, context: RouteContext<P>): Promise<Response> => {
    assertSameOrigin(request);
    const key = (await context.params)[param];
    const principal = await currentPrincipal();
    const body = await readJsonObject(request);
    const record = await withVersion(request, body, (input) => update(principal, key, input));
    revalidateAfterChange();
    return recordResponse({ ...shape(record), version: record.version });
  });
}

/** DELETE: soft-delete the version in If-Match (the body may give a reason); 200 with the deleted version's ETag. */
export function deleteRoute<P extends Record<string, string>>(param: keyof P & string, remove: (principal: Principal, key: string, input: unknown) => Promise<void>) {
  return handle(async (request: Request, context: RouteContext<P>): Promise<Response> => {
    assertSameOrigin(request);
    const key = (await context.params)[param];
    const principal = await currentPrincipal();
    const body = await readJsonObject(request);
    let version = 0;
    await withVersion(request, body, (input) => {
      version = Number(input.version) + 1;
      return remove(principal, key, input);
    });
    revalidateAfterChange();
    return recordResponse({ [param]: key, deleted: true, version });
  });
}

/** GET one record with its version as ETag, for clients that will change it. */
export function readRoute<P extends Record<string, string>>(param: keyof P & string, read: (principal: Principal, key: string) => Promise<object & { version: number }>) {
  return handle(async (_request: Request, context: RouteContext<P>): Promise<Response> => {
    const key = (await context.params)[param];
    const record = await read(await currentPrincipal(), key);
    return jsonRead(record, { version: record.version });
  });
}
