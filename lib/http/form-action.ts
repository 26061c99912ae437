// What every server action of our own forms does around its data-layer call: find the principal,
// turn refusals into a FormState the form shows in place (field errors, the current record on a
// conflict), invalidate every cached page after a change, and go where the change leads.
import 'server-only';
import { redirect } from 'next/navigation';
import { currentPrincipal } from '../auth/current-principal';
import { AppError } from '../data/errors';
import type { Principal } from '../data/principal';
import type { CurrentRecord, FormState } from '../validation/form-state';
import { revalidateAfterChange } from './revalidate';

export interface Saved {
  message: string;
  /** A local path to go to after saving (a new record's page); absent to stay and re-render. */
  redirectTo?: string;
}

export function toFormState(error: unknown): FormState {
  if (error instanceof AppError) {
    switch (error.code) {
      case 'invalid':
        return { status: 'invalid', message: error.message, fieldErrors: error.details.fieldErrors ?? {} };
      case 'conflict':
        return { status: 'conflict', message: error.message, current: (error.details.current ?? { version: 0 }) as CurrentRecord };
      default:
        return { status: 'refused', code: error.code, message: error.message };
    }
  }
  console.error(error);
  return { status: 'error', message: 'Something went wrong on the server. Nothing was saved; try again.' };
}

export async function runFormAction<T>(change: (principal: Principal) => Promise<T>, saved: (result: T) => Saved): Promise<FormState> {
  let outcome: Saved;
  try {
    outcome = saved(await change(await currentPrincipal()));
  } catch (error) {
    return toFormState(error);
  }
  revalidateAfterChange();
  // redirect() throws to hand control to Next.js, so it stays outside the try.
  if (outcome.redirectTo) redirect(outcome.redirectTo);
  return { status: 'saved', message: outcome.message };
}
