// JSON answers to reads. What a read returns depends on who asks (internal notes, sign-in) and
// changes with any write, so shared caches (proxies, CDNs) must never keep it, and a browser that
// keeps it asks again on every use: `private, no-cache`, varying on the credentials.
import { NextResponse } from 'next/server';
import { etag } from './etag';

export const READ_CACHE_HEADERS = { 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Authorization' } as const;

/**
 * A JSON read; a record with a version also carries it as its ETag, the one PATCH and DELETE name in
 * If-Match. A read keyed by the network revision passes its ETag ready-made (revisionEtag).
 */
export function jsonRead(body: object, init: { status?: number; version?: number; etag?: string } = {}): NextResponse {
  const headers: Record<string, string> = { ...READ_CACHE_HEADERS };
  if (init.version !== undefined) headers.ETag = etag(init.version);
  if (init.etag !== undefined) headers.ETag = init.etag;
  return NextResponse.json(body, { status: init.status ?? 200, headers });
}
