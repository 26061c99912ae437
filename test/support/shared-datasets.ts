// Where the shared test datasets are (files nobody here wrote: Gephi Lite samples, graphology
// fixtures, …). They live outside the project and are never committed: POWERMAP_SHARED_DIR names
// the shared folder, else ../shared beside this checkout (or beside the worktrees' folder), else
// /work/main/../shared. Tests that read them skip, saying why, when the file is absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string {
  const candidates = [process.env.POWERMAP_SHARED_DIR, path.resolve(repoRoot, '../shared'), path.resolve(repoRoot, '../../shared'), '/work/main/../shared'];
  return path.resolve(candidates.find((dir) => dir && existsSync(dir)) ?? candidates[1]!);
}

/** The path of a file under shared/datasets, or null (with a warning naming it) when it is not there. */
export function sharedDataset(relative: string): string | null {
  const file = path.join(sharedDir(), 'datasets', relative);
  if (existsSync(file)) return file;
  console.warn(`Skipping tests on ${relative}: ${file} is absent (the shared datasets folder is not installed; set POWERMAP_SHARED_DIR).`);
  return null;
}
