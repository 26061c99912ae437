// Unit tests (pure code, no database) and database tests, which run once against SQLite
// and once against a real PostgreSQL server (see test/support/test-database.ts).
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import FailureReporter from './test/support/failure-reporter';

const shared = {
  alias: {
    // server-only refuses to load outside React server components; tests are trusted callers.
    'server-only': path.resolve(__dirname, 'test/support/server-only-stub.ts'),
    '@': path.resolve(__dirname),
  },
};

// Ceilings, not speed goals (those live in bench/): CI machines are shared and noisy, and a
// generated network's setup that takes 15 s on a quiet machine has been seen to take several
// times that there. A hook cut off by its timeout fails its file with every test in it "skipped".
const DB_TEST_TIMEOUT = 180_000;
const DB_HOOK_TIMEOUT = 300_000;

// .ci/run sets this to collect machine-readable reports, from which it counts skipped tests and
// names every failure, hooks included (see test/support/failure-reporter.ts).
const reportDir = process.env.POWERMAP_TEST_REPORT_DIR;

export default defineConfig({
  resolve: { alias: shared.alias },
  test: {
    reporters: reportDir
      ? [
          // 'default' by name: configDefaults.reporters is empty (vitest picks one at run time), so
          // spreading it here dropped the console report and every failure's diff from CI's log.
          'default',
          ['json', { outputFile: path.join(reportDir, 'vitest.json') }],
          new FailureReporter(path.join(reportDir, 'vitest-failures.json')),
        ]
      : configDefaults.reporters,
    projects: [
      // A timeout only catches a hang (speed goals live in bench/): some unit tests build generated
      // networks of thousands of ties, which on a loaded 2-core machine outlast vitest's 5 s default.
      { resolve: shared, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        resolve: shared,
        test: {
          name: 'db-sqlite',
          include: ['test/db/**/*.test.ts'],
          env: { POWERMAP_TEST_DB: 'sqlite' },
          testTimeout: DB_TEST_TIMEOUT,
          hookTimeout: DB_HOOK_TIMEOUT,
        },
      },
      {
        resolve: shared,
        test: {
          name: 'db-postgresql',
          include: ['test/db/**/*.test.ts'],
          env: { POWERMAP_TEST_DB: 'postgresql' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: DB_TEST_TIMEOUT,
          hookTimeout: DB_HOOK_TIMEOUT,
        },
      },
    ],
  },
});
