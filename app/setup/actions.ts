'use server';
// Creating the first admin from the one-time setup link, then signing them in.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createFirstAdmin } from '@/lib/data/users/setup';
import { toFormState } from '@/lib/http/form-action';
import type { FormState } from '@/lib/validation/form-state';

export async function setupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = {
    token: String(formData.get('token') ?? ''),
    email: String(formData.get('email') ?? ''),
    name: String(formData.get('name') ?? ''),
    password: String(formData.get('password') ?? ''),
  };
  try {
    await createFirstAdmin(input);
  } catch (error) {
    return toFormState(error);
  }
  const signedIn = await signInWithPassword(input, await headers());
  redirect(signedIn.ok ? '/admin/users' : '/sign-in');
}
