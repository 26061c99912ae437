// Signing in and out from our own forms (server actions). The same better-auth endpoint
// serves POST /api/auth/sign-in/email, with the same hooks, so both answer alike.
import 'server-only';
import { isAPIError } from 'better-auth/api';
import { signInSchema } from '../validation/users';
import { ACCOUNT_DISABLED_CODE, getAuth } from './auth';

export const SIGN_IN_MESSAGES = {
  incorrect: 'Email or password is incorrect',
  tooMany: 'Too many attempts, try again in a few minutes',
  disabled: 'This account is disabled. Ask an admin to enable it.',
} as const;

export type SignInResult = { ok: true } | { ok: false; status: 401 | 403 | 429; message: string };

/**
 * One message for an unknown email and a wrong password alike, so the form never tells
 * whether an account exists. Only the holder of the right password learns it is disabled.
 */
export async function signInWithPassword(input: { email: unknown; password: unknown }, requestHeaders: Headers): Promise<SignInResult> {
  const parsed = signInSchema.safeParse({ email: input.email ?? '', password: input.password ?? '' });
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { ok: false, status: 401, message: SIGN_IN_MESSAGES.incorrect };
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: requestHeaders });
    return { ok: true };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.statusCode === 429) return { ok: false, status: 429, message: SIGN_IN_MESSAGES.tooMany };
    if (error.statusCode === 403 && error.body?.code === ACCOUNT_DISABLED_CODE) return { ok: false, status: 403, message: SIGN_IN_MESSAGES.disabled };
    return { ok: false, status: 401, message: SIGN_IN_MESSAGES.incorrect };
  }
}

/** Deletes the session row (so the cookie is worthless even if kept) and clears the cookie. */
export async function signOut(requestHeaders: Headers): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: requestHeaders }).catch((error: unknown) => {
    if (!isAPIError(error)) throw error; // no session: nothing to sign out of
  });
}
