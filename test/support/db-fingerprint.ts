// A cheap picture of the whole database, to prove that a refused change changed nothing.
import { getDb } from '../../lib/db/client';

export async function dbFingerprint(): Promise<string> {
  const db = await getDb();
  const [actors, names, ties, sources, claims, notes, revisions, users] = await Promise.all([
    db.actor.findMany({ orderBy: { id: 'asc' } }),
    db.actorName.findMany({ orderBy: { id: 'asc' } }),
    db.tie.findMany({ orderBy: { id: 'asc' } }),
    db.source.findMany({ orderBy: { id: 'asc' } }),
    db.claim.findMany({ orderBy: { id: 'asc' } }),
    db.note.findMany({ orderBy: { id: 'asc' } }),
    db.revision.count(),
    db.user.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ actors, names, ties, sources, claims, notes, revisions, users });
}
