// GET /api/export: a view of the network (the map's query parameters, scope=view) or the whole
// database (scope=all) as a file in one of the export formats (format=cyjs|ftm|…, see
// lib/exchange/export-formats.ts), or the whole database as a Powermap import document
// (format=powermap; includeInternal=1 adds internal notes, for analysts and admins), streamed as
// it is written, as an attachment named by scope and date. scope=all is read from the database a
// page at a time as it is written (lib/data/export/stream-network.ts), so its memory does not grow
// with the network.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { checkExportDocumentOptions, countTiesWithoutClaims, exportDocument } from '@/lib/data/export/export-document';
import { loadExportEvidence, loadExportView } from '@/lib/data/export/load-export-view';
import { streamNetwork } from '@/lib/data/export/stream-network';
import { VIEW_EXPORT_FORMATS } from '@/lib/exchange/export-formats';
import { exportStream, NO_EVIDENCE, writeView, writeViewParts } from '@/lib/exchange/export-writer';
import { handle } from '@/lib/http/errors';
import { overviewAboveForTests } from '@/lib/http/test-overrides';
import { exportFileName, exportTitle } from '@/lib/exchange/export-names';
import { DOCUMENT_FORMAT_ID, parseExportQuery } from '@/lib/validation/export-queries';
import { serializeGraphQuery } from '@/lib/validation/graph-queries';
import { searchParamsRecord } from '@/lib/validation/shared-queries';
import { todayIso } from '@/lib/domain/dates';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseExportQuery(searchParamsRecord(url.searchParams));
  if (!parsed.ok) throw new AppError('invalid', `Invalid query: ${parsed.errors.join('; ')}`, { fieldErrors: parsed.fieldErrors });
  const { format: id, scope, query, includeInternal } = parsed.value;
  const principal = await currentPrincipal();
  const today = todayIso();
  if (id === DOCUMENT_FORMAT_ID) {
    // Refused before the stream starts: a refusal mid-stream could only cut the file short.
    checkExportDocumentOptions(principal, { includeInternal });
    // Counted before the stream starts, so the answer can say what the document leaves out.
    const leftOut = await countTiesWithoutClaims(principal);
    return new Response(exportStream(exportDocument(principal, { includeInternal })), {
      headers: { ...headers('application/json; charset=utf-8', exportFileName('all', today, undefined, 'powermap.json')), 'Powermap-Ties-Without-Claims': String(leftOut) },
    });
  }
  const format = VIEW_EXPORT_FORMATS[id];
  if (scope === 'all') {
    // The whole network is streamed a page of rows at a time, never held: see lib/data/export/stream-network.ts.
    const asOf = query.asOf ?? today;
    const meta = { title: exportTitle(scope, asOf, query.focus), address: `${url.origin}/`, asOf, generatedAt: new Date().toISOString(), scope };
    const parts = streamNetwork(principal, { asOf, evidence: format.needsEvidence });
    return new Response(exportStream(writeViewParts(format, parts, meta)), {
      headers: headers(format.contentType, exportFileName(scope, asOf, query.focus, format.extension)),
    });
  }
  const view = await loadExportView(principal, scope, query, { today, overviewAbove: await overviewAboveForTests() });
  const evidence = format.needsEvidence ? await loadExportEvidence(principal, view.edges.map((e) => e.tieId)) : NO_EVIDENCE;
  const address = `${url.origin}/?${serializeGraphQuery(query)}`.replace(/\?$/, '');
  const meta = { title: exportTitle(scope, view.asOf, query.focus), address, asOf: view.asOf, generatedAt: new Date().toISOString(), scope };
  return new Response(exportStream(writeView(format, view, meta, evidence)), {
    headers: headers(format.contentType, exportFileName(scope, view.asOf, query.focus, format.extension)),
  });
});

function headers(contentType: string, fileName: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    // Who may read what (sign-in, grades by role) decides the content: never in a shared cache.
    'Cache-Control': 'private, no-store',
    Vary: 'Cookie, Authorization',
    'X-Content-Type-Options': 'nosniff',
  };
}
