'use server';
// The signed-in user's own API tokens.
import { revalidatePath } from 'next/cache';
import type { TokenFormState } from '@/components/accounts/api-token-forms';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { createApiToken, revokeApiToken } from '@/lib/data/users/api-tokens';
import { runFormAction, toFormState } from '@/lib/http/form-action';
import type { FormState } from '@/lib/validation/form-state';

export async function createTokenAction(_prev: TokenFormState, formData: FormData): Promise<TokenFormState> {
  try {
    const { token, apiToken } = await createApiToken(await currentPrincipal(), { name: String(formData.get('name') ?? '') });
    revalidatePath('/account');
    return { status: 'created', message: `Created token “${apiToken.name}”`, token };
  } catch (error) {
    return toFormState(error);
  }
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => revokeApiToken(principal, { tokenId: String(formData.get('tokenId') ?? '') }),
    (token) => ({ message: `Revoked “${token.name}”` }),
  );
}
