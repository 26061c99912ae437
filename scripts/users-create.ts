// npm run users:create -- --email ann@example.org --name "Ann" --role admin [--if-missing]
// Creates an account, e.g. the first admin. The password comes from POWERMAP_PASSWORD or stdin
// (prompted for on a terminal), never from the command line, where `ps` and shell history
// would keep it. With --if-missing an existing account with that email is left as it is.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { databaseConfig } from '../lib/db/config';
import { disconnectDb, getDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { AppError } from '../lib/data/errors';
import { getHealth } from '../lib/data/health';
import type { Principal } from '../lib/data/principal';
import { createUser } from '../lib/data/users/create-user';
import type { CreateUserInput } from '../lib/validation/users';

const CLI: Principal = { type: 'system', origin: 'cli' };
const USAGE = 'Usage: npm run users:create -- --email <email> --name <name> --role viewer|analyst|admin [--if-missing]\n' +
  'The password is read from POWERMAP_PASSWORD or from stdin (at least 12 characters).';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.POWERMAP_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  // On a terminal: prompt, and keep what is typed off the screen.
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput(s: string): void };
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(q);
      output._writeToOutput = () => undefined;
      rl.question('', (answer) => {
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password (at least 12 characters): ');
  const again = await ask('Repeat the password: ');
  rl.close();
  if (first !== again) fail('The two passwords differ; nothing was created.');
  return first;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'if-missing': { type: 'boolean', default: false },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
if (values.help) fail(USAGE, 0);
if (values.password !== undefined) fail('Refusing --password: command lines are visible to other users. Use POWERMAP_PASSWORD or stdin.', 2);
if (!values.email || !values.name || !values.role) fail(USAGE, 2);

// A fresh install may run this before `npm start`; a running server's database is already
// migrated, and the migration engine's exclusive lock would fail beside it, so check first.
if ((await getHealth().catch(() => null))?.status !== 'ok') {
  await disconnectDb();
  await applyMigrations(databaseConfig());
}
const db = await getDb();
const email = values.email.trim().toLowerCase();
if (values['if-missing'] && (await db.user.findUnique({ where: { email }, select: { id: true } }))) {
  console.log(`users: ${email} already exists, left unchanged`);
  await disconnectDb();
  process.exit(0);
}

try {
  const user = await createUser(CLI, { email: values.email, name: values.name, role: values.role as CreateUserInput['role'], password: await readPassword() });
  console.log(`users: created ${user.role} ${user.email} (${user.id})`);
} catch (error) {
  await disconnectDb();
  // Another process may have created it between our check and the insert.
  if (values['if-missing'] && error instanceof AppError && error.details.fieldErrors?.email) {
    console.log(`users: ${email} already exists, left unchanged`);
    process.exit(0);
  }
  if (error instanceof AppError) fail(`users: ${error.message}`);
  throw error;
}
await disconnectDb();
