// A process that imports a generated network through the app's own import path and prints each
// progress report as a line, for test/db/import-crash.test.ts to kill with SIGKILL mid-way.
// Run with --conditions=react-server (the data layer is server-only); DATABASE_URL names the database.
import { generateNetwork } from '../../bench/generate-network';
import { importDocument } from '../../lib/data/import-document';
import { disconnectDb } from '../../lib/db/client';

const [actors, ties, seed] = process.argv.slice(2).map(Number);
const doc = generateNetwork(actors!, ties!, seed!);
for (const a of doc.actors) a.slug = `crash-${a.slug}`;
for (const t of doc.ties) Object.assign(t, { id: `crash-${t.id}`, source: `crash-${t.source}`, target: `crash-${t.target}`, claims: t.claims.map((c) => ({ ...c, id: `crash-${c.id}` })) });
await importDocument({ type: 'system', origin: 'import' }, doc, { onProgress: (p) => console.log(`PROGRESS ${JSON.stringify(p)}`) });
console.log('DONE');
await disconnectDb();
