// npm run db:migrate: apply pending migrations to the configured database.
import { databaseConfig } from '../lib/db/config';
import { applyMigrations } from '../lib/db/schema-engine';

const config = databaseConfig();
const applied = await applyMigrations(config);
console.log(applied.length ? `${config.kind}: applied ${applied.join(', ')}` : `${config.kind}: database is up to date`);
