// The map's exports as files: each format of GET /api/export for the view on screen (the map's
// query, so the file holds what the map shows) and for the whole database, which alone has the
// Powermap document (to move or archive the team's work; with internal notes for analysts). Plain links, so the
// browser downloads the server's stream itself and nothing is held in the page.
import { DOCUMENT_FORMAT_ID, EXPORT_FORMAT_IDS, EXPORT_FORMAT_LABELS, type ExportFormatId } from '@/lib/validation/export-queries';
import { serializeGraphQuery } from '@/lib/validation/graph-queries';
import type { GraphQuery } from '@/lib/graph/types';

export function exportHref(format: ExportFormatId, query: GraphQuery | null): string {
  const params = query ? serializeGraphQuery(query) : new URLSearchParams({ scope: 'all' });
  return `/api/export?${new URLSearchParams({ format, ...Object.fromEntries(params) }).toString()}`;
}

/**
 * `internalNotes`: the reader may read internal notes (analysts and admins), so the whole database's
 * document is offered with them too (GET /api/export refuses anyone else).
 */
export function ExportLinks({ query, internalNotes = false }: { query: GraphQuery; internalNotes?: boolean }) {
  return (
    <>
      <h3 id="export-view-files">This view as a file</h3>
      <ul className="export-links" aria-labelledby="export-view-files">
        {EXPORT_FORMAT_IDS.filter((id) => id !== DOCUMENT_FORMAT_ID).map((id) => (
          <li key={id}>
            <a href={exportHref(id, query)} download>
              {EXPORT_FORMAT_LABELS[id]}
            </a>
          </li>
        ))}
      </ul>
      <h3 id="export-all-files">The whole database</h3>
      <ul className="export-links" aria-labelledby="export-all-files">
        {EXPORT_FORMAT_IDS.map((id) => (
          <li key={id}>
            <a href={exportHref(id, null)} download>
              {EXPORT_FORMAT_LABELS[id]}
            </a>
          </li>
        ))}
        {internalNotes ? (
          <li>
            <a href={`${exportHref(DOCUMENT_FORMAT_ID, null)}&includeInternal=1`} download>
              {EXPORT_FORMAT_LABELS[DOCUMENT_FORMAT_ID]} with internal notes
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
