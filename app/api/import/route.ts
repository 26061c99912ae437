// POST /api/import: import a file (a Powermap document, FollowTheMoney JSON lines, or another
// tool's network: lib/exchange/import-formats.ts; a zip for formats read from several files, as
// CSV's nodes and edges) sent as the request body, the choices in the
// query string (format, fileName, reliability, faction, title; for FtM personFaction and
// organizationFaction; for other formats mapping, as JSON; for any format matches, the preview's
// "same as existing" choices as JSON). Analysts. All or nothing, in one transaction. With
// preview=1 nothing is written: the answer is what the import would do
// (lib/validation/import-file.ts ImportPreview), with the attributes found, the mapping, and the
// file's actors matched to stored ones (lib/graph/duplicate-matching.ts).
//
// The answer's status is decided once the file has been checked: 400 with the reasons when it
// is refused (nothing written), else 200 with the summary. A client that accepts
// application/x-ndjson (the /import form) instead gets the 200 at that moment and then a stream
// of lines while the import writes: progress, and last the summary or the error that undid it
// (lib/validation/import-file.ts ImportStreamLine). Progress travels on the connection that
// carries the upload, so it needs no shared state: it works the same with several app servers
// behind one PostgreSQL, where progress kept in one server's memory, or in a job row polled from
// another connection, would not (on SQLite a row written beside the import's transaction would
// even wait for its write lock). Closing the page does not stop an import once it is writing.
import { after } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { importFile, previewFile } from '@/lib/data/import/import-file';
import { requireRole } from '@/lib/data/principal';
import { errorResponse, handle } from '@/lib/http/errors';
import { readBoundedBytes, uploadBody } from '@/lib/http/read-bounded-text';
import { revalidateAfterChange } from '@/lib/http/revalidate';
import { assertSameOrigin } from '@/lib/http/same-origin';
import { FILE_TOO_LARGE, MAX_IMPORT_BYTES, type ImportProgress, type ImportStreamLine } from '@/lib/validation/import-file';
import { searchParamsObject } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

const NDJSON = 'application/x-ndjson';

export const POST = handle(async (request: Request): Promise<Response> => {
  assertSameOrigin(request);
  const principal = await currentPrincipal();
  // Before reading up to 50 MB for someone who may not import at all (importFile checks again).
  requireRole(principal, 'analyst');
  const { preview, ...query } = searchParamsObject(request.url);
  if (preview !== undefined) {
    if (preview !== '1') throw new AppError('invalid', 'preview is 1 or absent', { fieldErrors: { preview: ['preview is 1 or absent'] } });
    const body = uploadBody(await readBoundedBytes(request, MAX_IMPORT_BYTES, FILE_TOO_LARGE));
    return Response.json({ preview: await previewFile(principal, { ...query, ...body }) }, { headers: { 'Cache-Control': 'no-store' } });
  }
  const streaming = (request.headers.get('accept') ?? '').includes(NDJSON);

  // The first progress report comes once the file is valid and the transaction has begun.
  const backlog: ImportProgress[] = [];
  let forward: ((progress: ImportProgress) => void) | null = null;
  let checked: () => void = () => undefined;
  const whenChecked = new Promise<void>((resolve) => (checked = resolve));
  const onProgress = (progress: ImportProgress) => {
    checked();
    if (forward) forward(progress);
    else backlog.push(progress);
  };
  // The body is handed over, not kept here: importFile lets it go once it is parsed.
  const running = importFile(
    principal,
    { ...query, ...uploadBody(await readBoundedBytes(request, MAX_IMPORT_BYTES, FILE_TOO_LARGE)) },
    streaming ? { onProgress } : {},
  );
  if (!streaming) {
    const result = await running;
    revalidateAfterChange();
    return Response.json({ result }, { headers: { 'Cache-Control': 'no-store' } });
  }
  await Promise.race([whenChecked, running]); // a refusal throws here, and becomes its 4xx answer

  // Pages cached on the server are invalidated once the response is done, if the import was.
  after(async () => {
    if (await running.then(() => true, () => false)) revalidateAfterChange();
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // The client went away; the import goes on to its end all the same.
        }
      };
      for (const progress of backlog.splice(0)) send({ progress });
      forward = (progress) => send({ progress });
      try {
        send({ result: await running });
      } catch (error) {
        const { error: detail } = (await errorResponse(error).json()) as Extract<ImportStreamLine, { error: unknown }>;
        send({ error: detail });
      }
      try {
        controller.close();
      } catch {
        // already closed by the client
      }
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': `${NDJSON}; charset=utf-8`,
      // no-transform: compression would hold the small lines back until a buffer fills.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
});
