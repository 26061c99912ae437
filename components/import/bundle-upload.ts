// The files chosen on /import as the one body POST /api/import takes: one file as it is; a CSV
// nodes file and edges file chosen together zipped into one (fflate, stored uncompressed: the
// bytes only travel to the server), which the server opens as it opens the zip the export writes.
// Checked here first, as the server checks again: how many, which kind, how large.
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '@/lib/validation/import-file';

const TABLE = /\.(csv|tsv|txt)$/i;

export type Upload = { file: File } | { error: string };

/** The one file to send, or why the files chosen cannot be sent. */
export async function bundleUpload(files: readonly File[]): Promise<Upload> {
  if (files.length === 0 || files.every((f) => f.size === 0)) return { error: 'Choose a file to import' };
  const empty = files.find((f) => f.size === 0);
  if (empty) return { error: `${empty.name} is empty` };
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_IMPORT_BYTES) return { error: files.length > 1 ? `The files are larger than ${MAX_IMPORT_MB} MB together` : `The file is larger than ${MAX_IMPORT_MB} MB` };
  if (files.length === 1) return { file: files[0]! };
  if (files.length > 2 || !files.every((f) => TABLE.test(f.name)))
    return { error: 'Several files are read together only as CSV: choose one nodes file and one edges file (or one file of another format)' };
  if (files[0]!.name === files[1]!.name) return { error: `Both files are named ${files[0]!.name}: rename one` };
  const { zipSync } = await import('fflate');
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.name] = [new Uint8Array(await f.arrayBuffer()), { level: 0 }];
  // Named by both files, in order, so choosing the same two again imports onto the same records.
  const name = files
    .map((f) => f.name)
    .sort()
    .join(' + ');
  return { file: new File([zipSync(entries)], name, { type: 'application/zip' }) };
}
