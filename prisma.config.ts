// Prisma CLI configuration. The schema is chosen by the database kind, like the app does:
// a postgresql:// DATABASE_URL selects prisma/postgresql, anything else the embedded SQLite.
import { defineConfig } from 'prisma/config';
import { databaseConfig } from './lib/db/config';

const db = databaseConfig();

export default defineConfig({
  schema: `prisma/${db.kind}/schema.prisma`,
  migrations: { path: `prisma/${db.kind}/migrations` },
  datasource: { url: db.url },
});
