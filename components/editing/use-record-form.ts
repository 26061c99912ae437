'use client';
// The behaviour every edit form shares: check the fields with the server's own zod schema before
// sending, show the field errors in place (the browser's and the server's alike), send through a
// server action with useActionState, and keep what the person typed whatever the answer. The
// action is dispatched from onSubmit rather than as the form's action, so React does not reset
// the fields after a refused save.
import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors';
import { IDLE, type FormState } from '@/lib/validation/form-state';

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export interface RecordForm {
  state: FormState;
  pending: boolean;
  /** Client-side errors until the next send, else the server's. */
  errors: FieldErrors | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The typed values as the schema reads them, at the last send (for the conflict panel). */
  submitted: Record<string, unknown> | null;
}

export function useRecordForm(action: FormAction, toInput: (fd: FormData) => unknown, schema: z.ZodType): RecordForm {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [submitted, setSubmitted] = useState<Record<string, unknown> | null>(null);
  const sending = useRef(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current && pending) return;
    const formData = new FormData(event.currentTarget);
    const input = toInput(formData);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setClientErrors(fieldErrorsOf(parsed.error, input));
      // Bring the first message into view for keyboard and screen-reader users.
      requestAnimationFrame(() => event.currentTarget?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setClientErrors(null);
    setSubmitted(parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : null);
    sending.current = true;
    startTransition(() => dispatch(formData));
  }

  const errors = clientErrors ?? (state.status === 'invalid' ? state.fieldErrors : undefined);
  return { state, pending, errors, onSubmit, submitted };
}
