// Migrations for the scripts that start or migrate Powermap: a database locked by another
// process ends the script with the plain explanation, not a stack trace.
import type { DatabaseConfig } from '../lib/db/config';
import { DatabaseInUseError } from '../lib/db/database-in-use';
import { applyMigrations } from '../lib/db/schema-engine';

export async function migrateOrExplain(config: DatabaseConfig): Promise<string[]> {
  try {
    return await applyMigrations(config);
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
