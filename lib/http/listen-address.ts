// Where `npm start` listens, and what it says about it. HOST defaults to 127.0.0.1 (this machine
// only): by default anyone who can reach Powermap may read the whole network, so a fresh install
// should not be reachable from the LAN by accident. Deployments set HOST=0.0.0.0 (or one
// address) and are warned when they do so without requiring sign-in.
import { signInRequired } from '../data/read-access';

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_HOST = '127.0.0.1';

export const listenHost = (env: Env = process.env): string => env.HOST?.trim() || DEFAULT_HOST;

/** 127.0.0.0/8, ::1 and "localhost" answer this machine only; 0.0.0.0, ::, a LAN or public address do not. */
export function isLoopback(host: string): boolean {
  const plain = host.replace(/^\[|\]$/g, '').toLowerCase();
  return plain === 'localhost' || plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(plain);
}

/** The start-up warning for a server others can reach while anonymous visitors may read; null when there is nothing to warn about. */
export function exposureWarning(env: Env = process.env): string | null {
  const host = listenHost(env);
  if (isLoopback(host) || signInRequired(env)) return null;
  return (
    `WARNING: Powermap listens on ${host}, beyond this machine, and sign-in is not required: anyone who can reach it can read the whole network.\n` +
    `Set POWERMAP_REQUIRE_SIGN_IN=1 to require sign-in, or HOST=${DEFAULT_HOST} to answer this machine only.`
  );
}
