// Unit tests (pure code, no database) and database tests, which run once against SQLite
// and once against a real PostgreSQL server (see test/support/test-database.ts).
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

const shared = {
  alias: {
    // server-only refuses to load outside React server components; tests are trusted callers.
    'server-only': path.resolve(__dirname, 'test/support/server-only-stub.ts'),
    '@': path.resolve(__dirname),
  },
};

// .ci/run sets this to collect a machine-readable report, from which it counts skipped tests.
const reportDir = process.env.POWERMAP_TEST_REPORT_DIR;

export default defineConfig({
  resolve: { alias: shared.alias },
  test: {
    reporters: reportDir ? [...configDefaults.reporters, ['json', { outputFile: path.join(reportDir, 'vitest.json') }]] : configDefaults.reporters,
    projects: [
      { resolve: shared, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: shared,
        test: {
          name: 'db-sqlite',
          include: ['test/db/**/*.test.ts'],
          env: { POWERMAP_TEST_DB: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: shared,
        test: {
          name: 'db-postgresql',
          include: ['test/db/**/*.test.ts'],
          env: { POWERMAP_TEST_DB: 'postgresql' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
