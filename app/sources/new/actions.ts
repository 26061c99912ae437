'use server';
// Adding a source; when the form was opened from a new claim, back there with the source chosen.
import { createSource } from '@/lib/data/sources/write-source';
import { runFormAction } from '@/lib/http/form-action';
import { localPath, sourceInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function createSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const next = localPath(formData.get('next'));
  return runFormAction(
    (principal) => createSource(principal, sourceInput(formData, 'create')),
    (source) => ({
      message: `Added ${source.title}`,
      redirectTo: next ? `${next}${next.includes('?') ? '&' : '?'}source=${encodeURIComponent(source.id)}` : `/sources/${source.id}`,
    }),
  );
}
