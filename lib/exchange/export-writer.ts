// What an export writer is (the registry of them: export-formats.ts), and how GET /api/export
// turns what one writes into a response body.
//
// A writer is pure: the view in, text (or bytes, for a zip) out, a section at a time
// (ViewFileWriter), which GET /api/export streams as it comes: a view the map shows is held whole
// and cut into chunks (writeView); the whole network (scope=all) arrives from the database a page
// at a time (writeViewParts), so no export holds the network or the file.
import type { GraphView, ViewEdge, ViewNode } from '../graph/types';
import type { ExportScope } from '../validation/export-queries';

export interface ExportMeta {
  /** Names the network in the file (GEXF meta description, Cytoscape data.name…). */
  title: string;
  /** The map's address of this view (absolute URL), so the file can be traced back to it. */
  address: string;
  /** The view's day (ISO): what `ended` and `past` in the view mean. */
  asOf: string;
  /** When the file was written (ISO timestamp). */
  generatedAt: string;
  scope: ExportScope;
}

/** The source a claim on a tie cites: what FtM's sourceUrl and publisher carry. */
export interface TieSourceRef {
  title: string;
  publisher: string;
  url: string | null;
}

/** What a writer may ask for beyond the view; GET /api/export reads it only for formats that ask. */
export interface ExportEvidence {
  /** By tie id: the distinct sources of the tie's claims, best claim first. */
  sourcesOfTie: ReadonlyMap<string, readonly TieSourceRef[]>;
}

export const NO_EVIDENCE: ExportEvidence = { sourcesOfTie: new Map() };

export type ExportChunk = string | Uint8Array;
export type ExportBody = string | Iterable<ExportChunk> | AsyncIterable<ExportChunk>;

/**
 * A writer's file, section by section: its head, then the actors a chunk at a time, then the ties a
 * chunk at a time (with the evidence of that chunk's ties), then its end. Each call returns the text
 * (or bytes) of what it was given, so the same writer serves a view held whole (writeView) and the
 * whole network read from the database a page at a time (writeViewParts), which is never held.
 * `open` starts one file; what a writer must remember across chunks (ids seen, labels) it keeps in
 * its closure, bounded by the actors, never by the ties.
 */
export interface ViewFileWriter<C extends ExportChunk = ExportChunk> {
  head(): Iterable<C>;
  nodes(nodes: readonly ViewNode[]): Iterable<C>;
  edges(edges: readonly ViewEdge[], evidence: ExportEvidence): Iterable<C>;
  end(): Iterable<C>;
}

export interface ViewExportFormat {
  /** File name extension, without the dot. */
  extension: string;
  contentType: string;
  /** Set when the writer reads `evidence` (the claims' sources of the view's ties). */
  needsEvidence?: boolean;
  open(meta: ExportMeta): ViewFileWriter;
}

/** A piece of a view as the database reads it: a page of actors (all of them come first), or a page of ties with their evidence. */
export type ViewPart = { nodes: readonly ViewNode[] } | { edges: readonly ViewEdge[]; evidence: ExportEvidence };

/** Elements handed to a writer at once when the view is held whole. */
export const VIEW_CHUNK = 500;

/** A view held whole, written a chunk of elements at a time. */
export function* writeView<M, C extends ExportChunk>(format: { open(meta: M): ViewFileWriter<C> }, view: GraphView, meta: M, evidence: ExportEvidence = NO_EVIDENCE): Generator<C> {
  const file = format.open(meta);
  yield* file.head();
  for (let at = 0; at < view.nodes.length; at += VIEW_CHUNK) yield* file.nodes(view.nodes.slice(at, at + VIEW_CHUNK));
  for (let at = 0; at < view.edges.length; at += VIEW_CHUNK) yield* file.edges(view.edges.slice(at, at + VIEW_CHUNK), evidence);
  yield* file.end();
}

/** A view read a page at a time (lib/data/export/stream-network.ts), written as each page arrives. */
export async function* writeViewParts(format: Pick<ViewExportFormat, 'open'>, parts: AsyncIterable<ViewPart>, meta: ExportMeta): AsyncGenerator<ExportChunk> {
  const file = format.open(meta);
  yield* file.head();
  for await (const part of parts) {
    if ('nodes' in part) yield* file.nodes(part.nodes);
    else yield* file.edges(part.edges, part.evidence);
  }
  yield* file.end();
}

/** A body as a stream of UTF-8 bytes, pulled chunk by chunk (the response's back-pressure paces the writer). */
export function exportStream(body: ExportBody): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const encode = (chunk: ExportChunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  if (typeof body === 'string') {
    return new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(body));
        controller.close();
      },
    });
  }
  const iterator: Iterator<ExportChunk> | AsyncIterator<ExportChunk> =
    Symbol.asyncIterator in body ? (body as AsyncIterable<ExportChunk>)[Symbol.asyncIterator]() : (body as Iterable<ExportChunk>)[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Small chunks are gathered to about 64 KB, so a writer may yield line by line.
      const parts: Uint8Array[] = [];
      let size = 0;
      while (size < 65_536) {
        const next = await iterator.next();
        if (next.done) {
          if (size > 0) controller.enqueue(concat(parts, size));
          controller.close();
          return;
        }
        const bytes = encode(next.value);
        parts.push(bytes);
        size += bytes.byteLength;
      }
      controller.enqueue(concat(parts, size));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** The whole body as text, for tests and for callers that hold the file anyway. */
export async function exportText(body: ExportBody): Promise<string> {
  if (typeof body === 'string') return body;
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body as AsyncIterable<ExportChunk>) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
