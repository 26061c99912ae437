// Loading a whole document (the seed or an analyst's import) in one transaction: records
// upsert on their natural keys (source id, actor slug, tie id, claim id), so loading the same
// document twice changes nothing, and a document that fails anywhere leaves the database as it
// was. The writing itself is in bulk, in chunks (lib/data/import/write-document.ts).
import { getConnection, refreshSqliteStatistics } from '../db/client';
import { safeParseImportDocument } from '../validation/import-document';
import { invalidInput } from './errors';
import { bumpingLast } from './network/network-revision';
import { boundHeap } from './import/bound-heap';
import { writeDocument, type WriteDocumentOptions, type ImportSummary } from './import/write-document';
import { requireRole, type Principal } from './principal';

export type { ImportCounts, ImportSummary } from './import/write-document';

/**
 * Long enough for a 20,000-actor, 100,000-tie document on a slow machine. The transaction holds
 * SQLite's one write lock all that time: other writers wait (busy timeout) and then fail, readers do not.
 */
const IMPORT_TRANSACTION_TIMEOUT_MS = 15 * 60_000;

export interface ImportDocumentOptions extends WriteDocumentOptions {
  /**
   * The caller hands `input` over and keeps no use of it: its lists are emptied as they are
   * validated, so the input and the validated copy are never both whole in memory (an uploaded file).
   */
  release?: boolean;
}

export async function importDocument(principal: Principal, input: unknown, options: ImportDocumentOptions = {}): Promise<ImportSummary> {
  requireRole(principal, 'analyst');
  // The validated copy is the one written; the unvalidated one need not stay in memory beside it.
  const { release, ...writeOptions } = options;
  const parsed = safeParseImportDocument(input, { release, afterSlice: boundHeap });
  input = undefined;
  if (!parsed.success) throw invalidInput(parsed.error, 'Import document');
  const doc = parsed.data;
  const { db, kind } = await getConnection();
  // The network revision is bumped as the transaction's last statement, so on PostgreSQL no
  // other writer waits on its row lock for the length of an import.
  const { summary } = await db.$transaction((tx) => bumpingLast(tx, () => writeDocument(tx, kind, principal, doc, writeOptions)), {
    timeout: IMPORT_TRANSACTION_TIMEOUT_MS,
    maxWait: 10_000,
  });
  // Thousands of new rows change which index answers a question best: let SQLite's planner see them.
  if (kind === 'sqlite') await refreshSqliteStatistics(db, 'after-bulk-change');
  return summary;
}
