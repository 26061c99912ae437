'use server';
// The duplicates page's judgement form: an analyst's verdict on one pair.
import { judgePair } from '@/lib/data/actors/merge-judgements';
import { runFormAction } from '@/lib/http/form-action';
import { judgementFormInput, VERDICT_LABELS } from '@/lib/validation/duplicates';
import type { FormState } from '@/lib/validation/form-state';

export async function judgePairAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => judgePair(principal, judgementFormInput(formData)),
    (judgement) => ({ message: `Judged: ${VERDICT_LABELS[judgement.verdict].toLowerCase()}` }),
  );
}
