// The export formats written from a view of the network: one entry per format GET /api/export
// answers (the ids and menu labels are EXPORT_FORMAT_LABELS in lib/validation/export-queries.ts).
// A new format is its id and label there, a writer in lib/exchange/<format>/ (the interface is
// export-writer.ts) and its entry here.
import type { ViewExportFormatId } from '../validation/export-queries';
import { csvExportFormat } from './csv/write-csv';
import { cyjsExportFormat } from './cyjs/write-cyjs';
import type { ViewExportFormat } from './export-writer';
import { ftmExportFormat } from './ftm/write-ftm';
import { gexfExportFormat } from './gexf/write-gexf';
import { graphmlExportFormat } from './graphml/write-graphml';

export const VIEW_EXPORT_FORMATS: Record<ViewExportFormatId, ViewExportFormat> = {
  cyjs: cyjsExportFormat,
  ftm: ftmExportFormat,
  gexf: gexfExportFormat,
  graphml: graphmlExportFormat,
  csv: csvExportFormat,
};
