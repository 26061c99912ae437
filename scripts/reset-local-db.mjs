// Deletes a local SQLite database file (and its WAL files) so a test server starts fresh.
// Refuses anything but a relative path under data/, so it can never touch a real deployment.
import { rmSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2] ?? '';
const resolved = path.resolve(file);
if (!file || !resolved.startsWith(path.resolve('data') + path.sep)) {
  console.error(`reset-local-db: refusing "${file}": only files under data/ may be reset`);
  process.exit(2);
}
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(resolved + suffix, { force: true });
console.log(`reset-local-db: ${file} removed`);
