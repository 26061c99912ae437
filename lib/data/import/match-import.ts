// Which stored actors an import document's actors are, read for the pure matcher
// (lib/graph/duplicate-matching.ts): the stored actors under the document's slugs (and where a
// merged one went), stored actors carrying the same external identifier, and the pairs
// /duplicates' own blocking statement makes between the document's names and the stored ones,
// with the stored actors' names, ties and dates for the scorer and the analysts' judgements.
// Reads only: the preview runs it outside any transaction, the import inside its own.
import type { Db, Tx } from '../../db/client';
import type { DatabaseKind } from '../../db/config';
import { indexJudgements } from '../../graph/duplicate-judgements';
import { matchImport, type ImportMatch, type IncomingActor, type IncomingTie, type StoredActorRef, type StoredUnderSlug } from '../../graph/duplicate-matching';
import { normaliseForSearch } from '../../graph/search';
import { FTM_ORIGIN, ftmIdentifierOf } from '../../import/ftm-to-document';
import type { ImportDocument } from '../../validation/import-document';
import { blockedPairsSql, INCOMING_PREFIX, loadCandidateActors } from '../actors/find-duplicate-candidates';
import { readJudgements } from '../actors/merge-judgements';
import { nameRows } from '../actors/actor-names';

const CHUNK = 500;
/** Hops followed from a merged slug to a live actor (a merge of a merge). */
const MAX_MERGE_HOPS = 8;

type Reader = Db | Tx;

const ref = (a: { id: string; slug: string; name: string; kind: string }): StoredActorRef => ({ id: a.id, slug: a.slug, name: a.name, kind: a.kind });

/**
 * Identity only, without the blocking: the stored actor under each document slug (followed to
 * where it was merged), and stored actors by external identifier. What the import itself needs
 * to write a merged slug or a known identifier onto the stored actor.
 */
export async function readIdentities(db: Reader, doc: Pick<ImportDocument, 'actors'>): Promise<{ bySlug: Map<string, StoredUnderSlug>; byExternalId: Map<string, StoredActorRef> }> {
  const bySlug = new Map<string, StoredUnderSlug>();
  const slugs = doc.actors.map((a) => a.slug);
  const merged: { slug: string; into: string }[] = [];
  for (let i = 0; i < slugs.length; i += CHUNK) {
    const rows = await db.actor.findMany({ where: { slug: { in: slugs.slice(i, i + CHUNK) } }, select: { id: true, slug: true, name: true, kind: true, mergedIntoId: true } });
    for (const r of rows) {
      bySlug.set(r.slug, { ...ref(r), mergedInto: null });
      if (r.mergedIntoId) merged.push({ slug: r.slug, into: r.mergedIntoId });
    }
  }
  for (const m of merged) {
    let id: string | null = m.into;
    for (let hop = 0; id && hop < MAX_MERGE_HOPS; hop++) {
      const target: { id: string; slug: string; name: string; kind: string; mergedIntoId: string | null; deletedAt: Date | null } | null = await db.actor.findUnique({
        where: { id },
        select: { id: true, slug: true, name: true, kind: true, mergedIntoId: true, deletedAt: true },
      });
      if (!target) break;
      if (!target.mergedIntoId && !target.deletedAt) {
        bySlug.get(m.slug)!.mergedInto = ref(target);
        break;
      }
      id = target.mergedIntoId;
    }
  }
  const byExternalId = new Map<string, StoredActorRef>();
  const wanted = new Set(doc.actors.flatMap((a) => ftmIdentifierOf(a.description) ?? []));
  if (wanted.size) {
    // Only FtM imports write identifiers, at the start of the description: one indexed-free scan, once.
    const rows = await db.actor.findMany({ where: { deletedAt: null, description: { startsWith: FTM_ORIGIN } }, select: { id: true, slug: true, name: true, kind: true, description: true } });
    for (const r of rows) {
      const id = ftmIdentifierOf(r.description);
      if (id && wanted.has(id) && !byExternalId.has(id)) byExternalId.set(id, ref(r));
    }
  }
  return { bySlug, byExternalId };
}

/** The document's actors as the matcher reads them: every name they would store, and their ties in the document. */
export function incomingActors(doc: Pick<ImportDocument, 'actors' | 'ties'>): IncomingActor[] {
  const names = new Map(doc.actors.map((a) => [a.slug, a.name]));
  const ties = new Map<string, IncomingTie[]>();
  const add = (slug: string, tie: IncomingTie) => (ties.get(slug) ?? ties.set(slug, []).get(slug)!).push(tie);
  for (const t of doc.ties) {
    const start = t.start ?? null;
    add(t.source, { other: t.target, otherName: names.get(t.target) ?? t.target, type: t.type, outgoing: true, start });
    add(t.target, { other: t.source, otherName: names.get(t.source) ?? t.source, type: t.type, outgoing: false, start });
  }
  return doc.actors.map((a) => ({
    slug: a.slug,
    name: a.name,
    kind: a.kind,
    start: a.start ?? null,
    names: nameRows(a.name, a.names).map((n) => ({ name: n.name, normalized: n.normalized, scheme: n.scheme })),
    ties: ties.get(a.slug) ?? [],
    externalIds: [ftmIdentifierOf(a.description)].filter((x): x is string => !!x),
  }));
}

/** Every actor of the document with the stored actor it is, or the stored actors it may be. */
export async function matchImportDocument(db: Reader, kind: DatabaseKind, doc: Pick<ImportDocument, 'actors' | 'ties'>): Promise<ImportMatch[]> {
  const incoming = incomingActors(doc);
  const { bySlug, byExternalId } = await readIdentities(db, doc);
  // Keys as the stored ones are: the label's search form and every name's.
  const keys: [string, string][] = [];
  for (const a of incoming) {
    const own = new Set([normaliseForSearch(a.name), ...a.names.map((n) => n.normalized)]);
    for (const k of own) if (k) keys.push([`${INCOMING_PREFIX}${a.slug}`, k]);
  }
  const pairs = keys.length ? await db.$queryRaw<{ a: string; b: string }[]>(blockedPairsSql(kind, { incoming: keys })) : [];
  const blocked = new Map<string, string[]>();
  for (const { a, b } of pairs) {
    const slug = a.slice(INCOMING_PREFIX.length);
    (blocked.get(slug) ?? blocked.set(slug, []).get(slug)!).push(b);
  }
  const stored = await loadCandidateActors(db as Db, [...new Set(pairs.map((p) => p.b))]);
  const index = indexJudgements((await readJudgements(db as Db)).rows);
  return matchImport({ incoming, bySlug, byExternalId, blocked, stored, verdictOf: (a, b) => index.verdictOf(a, b)?.verdict ?? null });
}
