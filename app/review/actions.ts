'use server';
// The review table's one change: applied to every chosen claim at once, with one reason.
import { reviewClaims } from '@/lib/data/claims/review-claims';
import { runFormAction } from '@/lib/http/form-action';
import { reviewFormInput, reviewResultMessage } from '@/lib/validation/claim-review';
import type { FormState } from '@/lib/validation/form-state';

export async function reviewClaimsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => reviewClaims(principal, reviewFormInput(formData)),
    (result) => ({ message: reviewResultMessage(result) }),
  );
}
