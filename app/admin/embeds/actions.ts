'use server';
// /admin/embeds: saving the origins allowed to frame the embeds.
import { updateEmbedOrigins } from '@/lib/data/embeds/embed-origins';
import { runFormAction } from '@/lib/http/form-action';
import { embedOriginsInput } from '@/lib/validation/embeds';
import type { FormState } from '@/lib/validation/form-state';

export async function updateEmbedOriginsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateEmbedOrigins(principal, embedOriginsInput(formData)),
    (saved) => ({ message: saved.origins.length ? `Saved: ${saved.origins.length} ${saved.origins.length === 1 ? 'origin' : 'origins'} may frame embeds` : 'Saved: no site may frame embeds' }),
  );
}
