// How an export names itself: the file (scope, day, focus) and the title inside it.
import type { ExportScope } from '../validation/export-queries';

/** `powermap-view-2022-01-01-lukashenko.cyjs`, `powermap-all-2026-12-01.ftm.json`: safe in a header as is (slugs and ISO days). */
export function exportFileName(scope: ExportScope, asOf: string, focus: string | undefined, extension: string): string {
  return `powermap-${scope}-${asOf}${scope === 'view' && focus ? `-${focus}` : ''}.${extension}`;
}

export function exportTitle(scope: ExportScope, asOf: string, focus: string | undefined): string {
  if (scope === 'all') return `Powermap: the whole database, as of ${asOf}`;
  return `Powermap: ${focus ? `the neighbourhood of ${focus}` : 'the network'} as of ${asOf}`;
}
