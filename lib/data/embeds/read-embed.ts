// Reading published embeds: the document an embed shows, one row by its key (no session, no join),
// and for the owner's buttons whether and when a view or story was last published.
import 'server-only';
import { getDb } from '../../db/client';
import type { EmbedKind } from '../../graph/embed-snapshot';
import { notFound } from '../errors';
import { ANONYMOUS, type Principal } from '../principal';
import { canRead, requireReader } from '../read-access';
import type { EmbedStatus } from './publish-embed';

export interface PublishedEmbed {
  /** The stored JSON document (lib/graph/embed-snapshot.ts), sent as it is. */
  body: string;
  etag: string;
  title: string;
  publishedAt: string;
}

/** The published document of a view or story; read as a visitor reads it, whoever asks. */
export async function getPublishedEmbed(kind: EmbedKind, id: string): Promise<PublishedEmbed> {
  requireReader(ANONYMOUS);
  const db = await getDb();
  const row = await db.embedSnapshot.findUnique({ where: { kind_targetId: { kind, targetId: id } }, select: { body: true, etag: true, title: true, publishedAt: true } });
  if (!row) throw notFound(`A published ${kind}`);
  return { body: row.body, etag: row.etag, title: row.title, publishedAt: row.publishedAt.toISOString() };
}

/** A published document's ETag and time alone, for a revalidation: a 304 never reads the body. */
export async function findPublishedEmbedEtag(kind: EmbedKind, id: string): Promise<{ etag: string; publishedAt: string } | null> {
  requireReader(ANONYMOUS);
  const db = await getDb();
  const row = await db.embedSnapshot.findUnique({ where: { kind_targetId: { kind, targetId: id } }, select: { etag: true, publishedAt: true } });
  return row ? { etag: row.etag, publishedAt: row.publishedAt.toISOString() } : null;
}

/** Whether (and when, and how often) a view or story was published; null when it is not. */
export async function findEmbedStatus(principal: Principal, kind: EmbedKind, id: string): Promise<EmbedStatus | null> {
  requireReader(principal);
  const db = await getDb();
  const row = await db.embedSnapshot.findUnique({ where: { kind_targetId: { kind, targetId: id } }, select: { publishedAt: true, version: true, publishedByName: true } });
  return row ? { kind, id, publishedAt: row.publishedAt.toISOString(), version: row.version, publishedByName: row.publishedByName } : null;
}

/** The title of a published view or story, or null: what the embed page needs before the document loads. */
export async function findPublishedEmbedTitle(kind: EmbedKind, id: string): Promise<string | null> {
  // A site that requires sign-in shows no embed (and publishes none).
  if (!canRead(ANONYMOUS)) return null;
  const db = await getDb();
  const row = await db.embedSnapshot.findUnique({ where: { kind_targetId: { kind, targetId: id } }, select: { title: true } });
  return row?.title ?? null;
}
