// The Belarus seed: a document under seed/ that passes the same validation as any import.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '../db/client';
import { importDocument, type ImportSummary } from './import-document';
import { SEED } from './principal';

export const SEED_FILE = path.join(process.cwd(), 'seed', 'belarus.json');

export async function loadSeed(file = SEED_FILE): Promise<ImportSummary> {
  return importDocument(SEED, JSON.parse(await readFile(file, 'utf8')));
}

/** Seeds a database that has no actors yet; an analyst's emptied database is theirs to keep. */
export async function seedIfEmpty(file = SEED_FILE): Promise<ImportSummary | null> {
  const db = await getDb();
  const everLoaded = await db.actor.count();
  return everLoaded === 0 ? loadSeed(file) : null;
}
