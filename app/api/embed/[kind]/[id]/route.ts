// GET /api/embed/{views|stories}/{id}: a published view's or story's frozen document (lib/graph/
// embed-snapshot.ts), one row read by its key, with its ETag; no session is read and no cookie set,
// so any cache may keep it, and asks again (a 304 while it is unchanged) before each use.
import { AppError } from '@/lib/data/errors';
import { getPublishedEmbed } from '@/lib/data/embeds/read-embed';
import { matchesEtag } from '@/lib/data/network/load-map';
import { handle } from '@/lib/http/errors';
import { embedRouteSchema } from '@/lib/validation/embeds';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) => {
  const parsed = embedRouteSchema.safeParse(await params);
  if (!parsed.success) throw new AppError('not_found', 'No such embed');
  const embed = await getPublishedEmbed(parsed.data.kind, parsed.data.id);
  const headers = { ETag: embed.etag, 'Cache-Control': 'public, no-cache', 'Last-Modified': new Date(embed.publishedAt).toUTCString() };
  if (matchesEtag(request.headers.get('if-none-match'), embed.etag)) return new Response(null, { status: 304, headers });
  return new Response(embed.body, { headers: { ...headers, 'Content-Type': 'application/json' } });
});
