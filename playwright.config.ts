// End-to-end tests: a production build of Powermap on its own port and its own fresh SQLite
// database (data/e2e.db, reset and seeded before the server starts), driven in Chromium.
// Where Playwright's own browser is not installed, Debian's /usr/bin/chromium stands in.
import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const E2E_DB = process.env.E2E_DB ?? 'data/e2e.db';

function chromiumExecutable(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own build
  } catch {
    // no bundled browser registered
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
    // .ci/run sets this to collect a machine-readable report, from which it counts skipped tests.
    ...(process.env.POWERMAP_TEST_REPORT_DIR ? [['json', { outputFile: `${process.env.POWERMAP_TEST_REPORT_DIR}/playwright.json` }] as const] : []),
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // After the server is up: wait until npm start's background layout has stored the seed's positions.
  globalSetup: './e2e/support/wait-for-layout.ts',
  webServer: {
    command: `node scripts/reset-local-db.mjs ${E2E_DB} && npm start`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(PORT), DATABASE_URL: `file:${E2E_DB}`, NEXT_TELEMETRY_DISABLED: '1', POWERMAP_TEST_HOOKS: '1' },
  },
});
