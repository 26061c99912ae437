// npm run db:sync-schemas: derive prisma/postgresql/schema.prisma from the SQLite schema.
import { syncPostgresSchema } from '../lib/db/schema-files';

const changed = await syncPostgresSchema();
console.log(changed ? 'prisma/postgresql/schema.prisma updated' : 'prisma/postgresql/schema.prisma already in sync');
