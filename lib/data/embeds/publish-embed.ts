// Publishing a public view or story as a frozen embed, publishing it again, and taking it down.
// Only the owner (or an admin) of a public view or story publishes it, and only an analyst speaks
// for the organisation in public; a site that requires sign-in publishes nothing (an embed is read
// by anyone). The document is cut (cut-embed-frame.ts), stripped (stripForEmbed) and stored as one
// row; a view or story that stops being public, or is deleted, takes its embed with it
// (removeEmbedWithin, called in the same transaction as that change).
import 'server-only';
import { createHash } from 'node:crypto';
import { todayIso } from '../../domain/dates';
import { EMBED_FORMAT, recordPath, stripForEmbed, type EmbedDocument, type EmbedKind } from '../../graph/embed-snapshot';
import { embedTargetSchema } from '../../validation/embeds';
import { AppError, notFound, parseInput } from '../errors';
import { inTransaction } from '../mutation';
import { recordRevision } from '../revisions';
import { authorIdOf, authorNameOf, requireRole, type Principal } from '../principal';
import { signInRequired } from '../read-access';
import { getStory } from '../stories/read-stories';
import { getSavedView } from '../views/read-saved-views';
import { requireChangeAllowed } from '../views/view-access';
import { getDb } from '../../db/client';
import { cutFrames, type FrameSource } from './cut-embed-frame';

export interface EmbedStatus {
  kind: EmbedKind;
  id: string;
  publishedAt: string;
  version: number;
  publishedByName: string | null;
}

export const bodyEtag = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

interface Target {
  id: string;
  title: string;
  description: string;
  ownerName: string | null;
  ownerId: string;
  visibility: string;
  /** The work's own version, which its publication revisions carry. */
  version: number;
  sources: FrameSource[];
}

async function readTarget(principal: Principal, kind: EmbedKind, id: string): Promise<Target> {
  const db = await getDb();
  if (kind === 'view') {
    const view = await getSavedView(principal, id);
    const row = await db.savedView.findUniqueOrThrow({ where: { id: view.id }, select: { ownerId: true, version: true } });
    return {
      id: view.id, title: view.title, description: view.description, ownerName: view.ownerName, ownerId: row.ownerId, visibility: view.visibility, version: row.version,
      sources: [{ state: view.state, positions: view.positions, camera: view.camera, caption: '', actors: [], ties: [] }],
    };
  }
  const story = await getStory(principal, id);
  const row = await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { ownerId: true, version: true } });
  return {
    id: story.id, title: story.title, description: story.description, ownerName: story.ownerName, ownerId: row.ownerId, visibility: story.visibility, version: row.version,
    sources: story.steps.map((s) => ({ state: s.state, positions: s.positions, camera: s.camera, caption: s.caption, actors: s.actors, ties: s.ties })),
  };
}

const what = (kind: EmbedKind) => (kind === 'view' ? 'view' : 'story');

/** Publishes (or publishes again) a public view or story: its embed shows what it draws now, until the next publication. */
export async function publishEmbed(principal: Principal, input: unknown): Promise<EmbedStatus> {
  requireRole(principal, 'analyst');
  const { kind, id: idOrSlug } = parseInput(embedTargetSchema, input, 'Publication');
  if (signInRequired()) throw new AppError('forbidden', 'This Powermap requires sign-in to read, so nothing is published: an embed is read without signing in');
  const target = await readTarget(principal, kind, idOrSlug);
  requireChangeAllowed(principal, target, what(kind));
  if (target.visibility !== 'public') throw new AppError('invalid', `Only a public ${what(kind)} can be published: make it public first`, { fieldErrors: { visibility: ['Must be public to publish'] } });
  if (kind === 'story' && target.sources.length === 0) throw new AppError('invalid', 'This story has no steps to publish', { fieldErrors: { steps: ['Add a step first'] } });
  const { id } = target;
  const frames = await cutFrames(target.sources, todayIso());
  return inTransaction(async (tx) => {
    const existing = await tx.embedSnapshot.findUnique({ where: { kind_targetId: { kind, targetId: id } }, select: { version: true } });
    const version = (existing?.version ?? 0) + 1;
    const publishedAt = new Date();
    const doc: EmbedDocument = stripForEmbed({
      format: EMBED_FORMAT, kind, id, title: target.title, description: target.description, ownerName: target.ownerName,
      publishedAt: publishedAt.toISOString(), version, link: recordPath(kind, id), frames,
    });
    const body = JSON.stringify(doc);
    const data = { title: target.title, body, etag: bodyEtag(body), version, publishedAt, publishedById: authorIdOf(principal), publishedByName: authorNameOf(principal) };
    await tx.embedSnapshot.upsert({ where: { kind_targetId: { kind, targetId: id } }, create: { kind, targetId: id, ...data }, update: data });
    // In the work's own history: who published which publication when.
    await recordRevision(tx, principal, {
      entityType: kind, entityId: id, version: target.version, action: 'publish',
      before: existing ? { publication: existing.version } : null, after: { publication: version },
      reason: existing ? `published again (publication ${version})` : 'published',
    });
    return { kind, id, publishedAt: publishedAt.toISOString(), version, publishedByName: data.publishedByName };
  });
}

/** Takes a published embed down; its address then answers 404. */
export async function unpublishEmbed(principal: Principal, input: unknown): Promise<void> {
  requireRole(principal, 'analyst');
  const { kind, id: idOrSlug } = parseInput(embedTargetSchema, input, 'Publication');
  const target = await readTarget(principal, kind, idOrSlug);
  requireChangeAllowed(principal, target, what(kind));
  const { id } = target;
  await inTransaction(async (tx) => {
    const existing = await tx.embedSnapshot.findUnique({ where: { kind_targetId: { kind, targetId: id } }, select: { version: true } });
    if (!existing) throw notFound(`A published embed of this ${what(kind)}`);
    await tx.embedSnapshot.delete({ where: { kind_targetId: { kind, targetId: id } } });
    await recordRevision(tx, principal, {
      entityType: kind, entityId: id, version: target.version, action: 'unpublish',
      before: { publication: existing.version }, after: null, reason: 'embed taken down',
    });
  });
}
