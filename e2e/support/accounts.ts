// Accounts for end-to-end tests: one user per role in the e2e database, created through the
// real `npm run users:create` script (SQLite WAL lets it write beside the running server), and
// signed in through the real form. Other specs import these; keep the signatures.
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

export type E2ERole = 'viewer' | 'analyst' | 'admin';

export interface E2ECredentials {
  email: string;
  password: string;
}

const E2E_DB = process.env.E2E_DB ?? 'data/e2e.db';
const ROLES: readonly E2ERole[] = ['viewer', 'analyst', 'admin'];
const ensured = new Set<string>();

/** Fixed per role, so every spec and every worker agrees without sharing state. */
export function credentialsFor(role: E2ERole): E2ECredentials & { name: string } {
  return { email: `e2e-${role}@powermap.test`, password: `e2e-${role}-password-0417`, name: `E2E ${role[0].toUpperCase()}${role.slice(1)}` };
}

/**
 * Runs `npm run users:create` against the e2e database. With `ifMissing` an existing account
 * is left as it is (the script exits 0), which is what makes ensureUser idempotent. Another
 * database (the two-server spec's PostgreSQL) is named by `databaseUrl`.
 */
export function createUserWithScript(
  user: { email: string; name: string; role: E2ERole; password: string },
  options: { ifMissing?: boolean; databaseUrl?: string } = {},
): string {
  const args = ['run', '--silent', 'users:create', '--', '--email', user.email, '--name', user.name, '--role', user.role];
  if (options.ifMissing) args.push('--if-missing');
  return execFileSync('npm', args, {
    env: { ...process.env, DATABASE_URL: options.databaseUrl ?? `file:${E2E_DB}`, POWERMAP_PASSWORD: user.password, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The e2e account for a role, created on first use (idempotent per role). Never change its role or disable it in a test. */
export async function ensureUser(role: E2ERole): Promise<E2ECredentials> {
  if (!ROLES.includes(role)) throw new Error(`ensureUser: unknown role "${role}"`);
  const { email, password, name } = credentialsFor(role);
  if (!ensured.has(role)) {
    createUserWithScript({ email, name, role, password }, { ifMissing: true });
    ensured.add(role);
  }
  return { email, password };
}

/** Signs in through the /sign-in form as the e2e user of that role and waits until the header shows the account. */
export async function signIn(page: Page, role: E2ERole): Promise<E2ECredentials> {
  const credentials = await ensureUser(role);
  await signInWith(page, credentials);
  return credentials;
}

/** Fills and submits the real sign-in form; resolves once the header offers "Sign out". */
export async function signInWith(page: Page, { email, password }: E2ECredentials): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
