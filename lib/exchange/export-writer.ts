// What an export writer is (the registry of them: export-formats.ts), and how GET /api/export
// turns what one writes into a response body.
//
// A writer is pure: the view in, text (or bytes, for a zip) out. It may return the whole file as
// one string, or yield it in chunks, which GET /api/export streams as they come, so a writer of
// a large format should yield (a generator) rather than join one huge string.
import type { GraphView } from '../graph/types';
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

export type ExportChunk = string | Uint8Array;
export type ExportBody = string | Iterable<ExportChunk> | AsyncIterable<ExportChunk>;

export interface ViewExportFormat {
  /** File name extension, without the dot. */
  extension: string;
  contentType: string;
  /** Set when `write` reads `evidence` (the claims' sources of the view's ties). */
  needsEvidence?: boolean;
  write(view: GraphView, meta: ExportMeta, evidence: ExportEvidence): ExportBody;
}


export const NO_EVIDENCE: ExportEvidence = { sourcesOfTie: new Map() };

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
