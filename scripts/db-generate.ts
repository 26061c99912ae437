// npm run db:generate (also run after npm install): generate the Prisma client for each provider.
// `prisma generate` never runs the schema engine, but the CLI insists that its binary exists;
// where it could not be downloaded, any existing file satisfies that check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DATABASE_KINDS, schemaPath } from '../lib/db/schema-files';

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
for (const kind of DATABASE_KINDS) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schemaPath(kind)], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
