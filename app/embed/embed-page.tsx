// What both embed pages render: the viewer, which reads the published document by its route (so the
// browser keeps it and revalidates it by ETag), or "not published" with a 404. The page itself reads
// one small row (title), never the session.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { EmbedViewer } from '@/components/embeds/embed-viewer';
import { findPublishedEmbedTitle as readTitle } from '@/lib/data/embeds/read-embed';
import type { EmbedKind } from '@/lib/graph/embed-snapshot';

/** Once per request, for the metadata and the page alike. */
const findPublishedEmbedTitle = cache(readTitle);

const apiPath = (kind: EmbedKind, id: string) => `/api/embed/${kind === 'view' ? 'views' : 'stories'}/${encodeURIComponent(id)}`;

export async function embedMetadata(kind: EmbedKind, rawId: string): Promise<Metadata> {
  const title = await findPublishedEmbedTitle(kind, decodeURIComponent(rawId));
  return { title: title ?? 'Not published', robots: { index: false } };
}

export async function EmbedPage({ kind, id: rawId }: { kind: EmbedKind; id: string }) {
  const id = decodeURIComponent(rawId);
  if ((await findPublishedEmbedTitle(kind, id)) === null) notFound();
  return <EmbedViewer kind={kind} source={apiPath(kind, id)} exposeTestHook={process.env.POWERMAP_TEST_HOOKS === '1'} />;
}
