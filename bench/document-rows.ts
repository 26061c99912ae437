// How many database rows a document holds (sources, actors, name variants, ties, claims): the
// unit of the import figures, for Powermap and for the plain bulk insert alike.
export interface DocumentLike {
  sources: unknown[];
  actors: { names?: unknown[]; claims?: unknown[] }[];
  ties: { claims?: unknown[] }[];
}

export function documentRows(doc: DocumentLike): number {
  let rows = doc.sources.length + doc.actors.length + doc.ties.length;
  for (const a of doc.actors) rows += (a.names?.length ?? 0) + (a.claims?.length ?? 0);
  for (const t of doc.ties) rows += t.claims?.length ?? 0;
  return rows;
}
