// Inside the import's transaction, before anything is written: which of the document's actors are
// written onto stored actors. By identity always (a slug merged away goes where its actor went; an
// external identifier a stored actor carries), and where the analyst chose "same as existing" in
// the preview. Each choice is checked against the database as it is now: a choice that no longer
// holds refuses the whole import, which then writes nothing.
import type { Tx } from '../../db/client';
import { applyMatches, type AppliedMatches } from '../../import/apply-matches';
import { ftmIdentifierOf } from '../../import/ftm-to-document';
import type { ImportDocument } from '../../validation/import-document';
import { AppError } from '../errors';
import { actorState, type ActorState } from '../records';
import { readIdentities } from './match-import';

const CHUNK = 500;

export interface ResolvedMatches extends AppliedMatches {
  /** Actors written onto a stored actor by identity (merged slug, external identifier). */
  byIdentity: number;
  /** Actors written onto the stored actor the analyst chose. */
  chosen: number;
}

function refuse(slug: string, message: string): never {
  throw new AppError('invalid', `matches: ${message}. Nothing was imported: preview the file again and choose again.`, { fieldErrors: { matches: [`${slug}: ${message}`] } });
}

export async function resolveMatches(tx: Tx, doc: ImportDocument, chosen: Readonly<Record<string, string>> = {}): Promise<ResolvedMatches> {
  const { bySlug, byExternalId } = await readIdentities(tx, doc);
  const onto = new Map<string, string>();
  const inDocument = new Set(doc.actors.map((a) => a.slug));
  for (const a of doc.actors) {
    const stored = bySlug.get(a.slug);
    if (stored?.mergedInto) onto.set(a.slug, stored.mergedInto.slug);
    else if (!stored) {
      const identifier = ftmIdentifierOf(a.description);
      const known = identifier ? byExternalId.get(identifier) : undefined;
      if (known) onto.set(a.slug, known.slug);
    }
  }
  const byIdentity = onto.size;
  const targets = Object.entries(chosen);
  const live = await liveActors(tx, [...new Set(targets.map(([, to]) => to))]);
  for (const [from, to] of targets) {
    if (!inDocument.has(from)) refuse(from, `the file holds no actor "${from}"`);
    if (bySlug.has(from) || onto.has(from)) refuse(from, `"${from}" is a stored actor already, and is written onto itself`);
    if (!live.has(to)) refuse(from, `there is no actor "${to}" to write it onto (deleted or merged since the preview?)`);
    onto.set(from, to);
  }
  // The stored state of every target the document does not hold itself.
  const wanted = [...new Set(onto.values())].filter((slug) => !inDocument.has(slug));
  const stored = new Map<string, ActorState>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await tx.actor.findMany({ where: { slug: { in: wanted.slice(i, i + CHUNK) }, deletedAt: null }, include: { names: true } });
    for (const r of rows) stored.set(r.slug, actorState(r));
  }
  const applied = applyMatches(doc, onto, stored);
  return { ...applied, byIdentity, chosen: targets.length };
}

async function liveActors(tx: Tx, slugs: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (let i = 0; i < slugs.length; i += CHUNK) {
    const rows = await tx.actor.findMany({ where: { slug: { in: slugs.slice(i, i + CHUNK) }, deletedAt: null, mergedIntoId: null }, select: { slug: true } });
    for (const r of rows) live.add(r.slug);
  }
  return live;
}
