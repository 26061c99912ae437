// npm run db:migrate: apply pending migrations to the configured database.
import { databaseConfig } from '../lib/db/config';
import { migrateOrExplain } from './migrate-or-explain';

const config = databaseConfig();
const applied = await migrateOrExplain(config);
console.log(applied.length ? `${config.kind}: applied ${applied.join(', ')}` : `${config.kind}: database is up to date`);
