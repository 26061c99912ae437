'use server';
// Signing in from the /sign-in form.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/auth/page-access';
import { signInWithPassword } from '@/lib/auth/sign-in';
import type { SignInFormState } from '@/components/accounts/sign-in-form';

export async function signInAction(_prev: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const email = formData.get('email');
  const result = await signInWithPassword({ email, password: formData.get('password') }, await headers());
  if (!result.ok) {
    return {
      status: 'refused',
      code: result.status === 429 ? 'rate_limited' : result.status === 403 ? 'forbidden' : 'unauthenticated',
      message: result.message,
      email: typeof email === 'string' ? email : '',
    };
  }
  redirect(safeReturnPath(formData.get('next')));
}
