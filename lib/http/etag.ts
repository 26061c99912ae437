// A record's version on the wire: sent as its ETag, named back in If-Match by a change (never in
// the body), so a client changes exactly the version it read.
import { AppError } from '../data/errors';

export const etag = (version: number) => `"${version}"`;

/**
 * The version named in If-Match: `"3"` (or `W/"3"`, or a bare 3). Null when the header is absent;
 * anything else, including `*`, is refused: a change names the exact version it was made against.
 */
export function parseIfMatch(request: Request): number | null {
  const raw = request.headers.get('if-match');
  if (raw === null) return null;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(raw) ?? /^\s*(\d{1,9})\s*$/.exec(raw);
  if (!match || Number(match[1]) < 1) {
    throw new AppError('invalid', `If-Match must name one version of the record, like If-Match: "3" (got ${JSON.stringify(raw.slice(0, 40))})`, {
      fieldErrors: { 'If-Match': ['Name one version, like "3"'] },
    });
  }
  return Number(match[1]);
}
