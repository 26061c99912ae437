// A generated network too large for one import file, as several documents imported in turn:
// first the actors (IMPORT_LIMITS.actors at a time, with every source), then the ties in parts,
// each holding the stored actors its ties name (a document's ties may only name its own actors).
// The import upserts on natural keys and deletes nothing a document omits, so an actor that is
// already stored in the same state is read, compared and left alone, and the network ends up
// exactly as one import of the whole would have written it, through the same writers.
import type { ImportDocumentInput } from '../lib/validation/import-document';
import { IMPORT_LIMITS } from '../lib/validation/import-document';

type Actor = ImportDocumentInput['actors'][number];
type Tie = ImportDocumentInput['ties'][number];

/**
 * Ties per part at most. Well under the file limit so that one part's transaction stays far
 * inside the import's 15-minute limit on a loaded machine (about 200,000 rows: ties and claims).
 */
const TIES_PER_PART = 100_000;

export function fitsOneDocument(doc: { actors: unknown[]; ties: unknown[] }): boolean {
  return doc.actors.length <= IMPORT_LIMITS.actors && doc.ties.length <= IMPORT_LIMITS.ties;
}

/** The documents, in the order they are to be imported. */
export function splitNetwork(doc: ImportDocumentInput): ImportDocumentInput[] {
  const parts: ImportDocumentInput[] = [];
  const sources = doc.sources;
  for (let i = 0; i < doc.actors.length; i += IMPORT_LIMITS.actors)
    parts.push({ sources, actors: doc.actors.slice(i, i + IMPORT_LIMITS.actors), ties: [] });
  const actorOf = new Map(doc.actors.map((a) => [a.slug, a]));
  let ties: Tie[] = [];
  let actors = new Map<string, Actor>();
  const flush = () => {
    if (ties.length) parts.push({ sources, actors: [...actors.values()], ties });
    ties = [];
    actors = new Map();
  };
  for (const tie of doc.ties) {
    const fresh = [tie.source, tie.target].filter((slug) => !actors.has(slug)).length;
    if (ties.length >= TIES_PER_PART || actors.size + fresh > IMPORT_LIMITS.actors) flush();
    for (const slug of [tie.source, tie.target]) actors.set(slug, actorOf.get(slug)!);
    ties.push(tie);
  }
  flush();
  return parts;
}
