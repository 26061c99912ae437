// npm run db:seed: load seed/belarus.json (idempotent: a second run changes nothing).
import { disconnectDb } from '../lib/db/client';
import { loadSeed } from '../lib/data/seed';

const summary = await loadSeed();
for (const [entity, c] of Object.entries(summary)) {
  console.log(`${entity.padEnd(8)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`);
}
await disconnectDb();
