// An import document with some of its actors written onto stored actors instead of created: the
// analyst chose "same as existing" in the preview, or the actor is a stored one by identity (a
// slug since merged away, a known external identifier). Pure: the document in, the document to
// write out. The stored actor keeps its own fields and place; it gains the imported actor's label
// and names as name variants, its claims and notes, and every tie that named it. A tie between
// two actors that become one would be a self-tie: it is left out, and said so.
import type { ActorState } from '../domain/records/actor';
import type { ImportDocument } from '../validation/import-document';
import { guessScript } from './ftm-to-document';

type DocActor = ImportDocument['actors'][number];
type Name = DocActor['names'][number];

/** The most name variants an actor holds (the actor record's own limit). */
const MAX_NAMES = 100;

export interface AppliedMatches {
  document: ImportDocument;
  /** Document actors written onto a stored actor. */
  matched: number;
  warnings: string[];
}

function withNames(names: readonly Name[], label: string, more: readonly Name[]): Name[] {
  const seen = new Set(names.map((n) => `${n.name}\u0000${n.lang}`));
  const out = [...names];
  for (const n of more) {
    const key = `${n.name}\u0000${n.lang}`;
    if (n.name === label || seen.has(key) || out.length >= MAX_NAMES) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

/**
 * `onto` maps a document slug to the stored slug it is written onto; `stored` holds the state of
 * every stored actor named there that the document does not hold itself (where it does, the
 * document's record is the one written, as for any actor it names by its slug).
 */
export function applyMatches(doc: ImportDocument, onto: ReadonlyMap<string, string>, stored: ReadonlyMap<string, ActorState>): AppliedMatches {
  if (!onto.size) return { document: doc, matched: 0, warnings: [] };
  const inDocument = new Map(doc.actors.map((a) => [a.slug, a]));
  const targets = new Map<string, DocActor>();
  const target = (slug: string): DocActor => {
    let record = targets.get(slug);
    if (record) return record;
    const own = onto.has(slug) ? undefined : inDocument.get(slug);
    const state = stored.get(slug);
    if (!own && !state) throw new Error(`applyMatches: no stored state for "${slug}"`);
    record = own ? { ...own, names: [...own.names], claims: [...own.claims], notes: own.notes && [...own.notes] } : { ...state!, names: [...state!.names], claims: [] };
    targets.set(slug, record);
    return record;
  };
  let matched = 0;
  for (const a of doc.actors) {
    const into = onto.get(a.slug);
    if (!into) continue;
    matched += 1;
    const t = target(into);
    const label: Name = { name: a.name, ...guessScript(a.name), kind: 'alias' };
    t.names = withNames(t.names, t.name, [label, ...a.names]);
    t.claims.push(...a.claims);
    if (a.notes?.length) t.notes = [...(t.notes ?? []), ...a.notes];
  }
  const actors: DocActor[] = [];
  for (const a of doc.actors) {
    if (onto.has(a.slug)) continue;
    actors.push(targets.get(a.slug) ?? a);
  }
  for (const [slug, record] of targets) if (!inDocument.has(slug) || onto.has(slug)) actors.push(record);
  const name = new Map(actors.map((a) => [a.slug, a.name]));
  const warnings: string[] = [];
  const ties: ImportDocument['ties'] = [];
  for (const t of doc.ties) {
    const source = onto.get(t.source) ?? t.source;
    const target = onto.get(t.target) ?? t.target;
    if (source === target) {
      warnings.push(`Tie ${t.id} (${t.type}) left out: both its ends are ${name.get(source) ?? source} now`);
      continue;
    }
    ties.push(source === t.source && target === t.target ? t : { ...t, source, target });
  }
  return { document: { sources: doc.sources, actors, ties }, matched, warnings };
}
