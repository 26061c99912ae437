// GET /api/embed/{views|stories}/{id}: a published view's or story's frozen document (lib/graph/
// embed-snapshot.ts), one row read by its key (a revalidation reads its ETag alone), with its ETag;
// no session is read and no cookie set, so any cache may keep it, and asks again (a 304 while it is
// unchanged) before each use.
import { AppError } from '@/lib/data/errors';
import { findPublishedEmbedEtag, getPublishedEmbed } from '@/lib/data/embeds/read-embed';
import { matchesEtag } from '@/lib/data/network/load-map';
import { handle } from '@/lib/http/errors';
import { embedRouteSchema } from '@/lib/validation/embeds';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) => {
  const parsed = embedRouteSchema.safeParse(await params);
  if (!parsed.success) throw new AppError('not_found', 'No such embed');
  const { kind, id } = parsed.data;
  const headersOf = (embed: { etag: string; publishedAt: string }) => ({ ETag: embed.etag, 'Cache-Control': 'public, no-cache', 'Last-Modified': new Date(embed.publishedAt).toUTCString() });
  // A revalidation reads the ETag alone: the body (a story's may be megabytes) only when it changed.
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch) {
    const current = await findPublishedEmbedEtag(kind, id);
    if (current && matchesEtag(ifNoneMatch, current.etag)) return new Response(null, { status: 304, headers: headersOf(current) });
  }
  const embed = await getPublishedEmbed(kind, id);
  return new Response(embed.body, { headers: { ...headersOf(embed), 'Content-Type': 'application/json' } });
});
