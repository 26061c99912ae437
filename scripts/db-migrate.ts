// npm run db:migrate: apply pending migrations to the configured database.
import { databaseConfig } from '../lib/db/config';
import { migrateOrExplain } from './migrate-or-explain';
import { disconnectDb } from '../lib/db/client';
import { normaliseActorLabels } from '../lib/data/actors/normalise-actor-labels';
import { generateMissingNames } from '../lib/data/actors/actor-names';

const config = databaseConfig();
const applied = await migrateOrExplain(config);
console.log(applied.length ? `${config.kind}: applied ${applied.join(', ')}` : `${config.kind}: database is up to date`);
// The search index's label column, where the migration could only approximate the app's rule.
const renormalised = await normaliseActorLabels();
if (renormalised) console.log(`${config.kind}: re-normalised ${renormalised} actor names for search`);
const transliterated = await generateMissingNames();
if (transliterated) console.log(`${config.kind}: generated transliterations for ${transliterated} actors`);
await disconnectDb();
