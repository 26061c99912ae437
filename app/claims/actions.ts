'use server';
// Claims from our own pages: add one to a tie, change its status (with a reason), delete it.
import { createClaim, deleteClaim, updateClaim } from '@/lib/data/claims/write-claim';
import { runFormAction } from '@/lib/http/form-action';
import { claimInput, claimStatusInput, deleteInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function createClaimAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => createClaim(principal, claimInput(formData)),
    (claim) => ({ message: 'Added the claim', redirectTo: claim.tie ? `/ties/${claim.tie}` : `/actors/${claim.actor}` }),
  );
}

export async function changeClaimStatusAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateClaim(principal, id, claimStatusInput(formData)),
    (claim) => ({ message: `Status is now ${claim.status.replace(/_/g, ' ')}` }),
  );
}

export async function deleteClaimAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => deleteClaim(principal, id, deleteInput(formData)),
    () => ({ message: 'Deleted the claim' }),
  );
}
