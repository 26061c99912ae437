'use server';
// Publishing a saved view or story as an embed, again, or taking it down: the owner's buttons on
// /views/{id} and /stories/{id}/edit (bound to the view or story; the form sends nothing else).
import { publishEmbed, unpublishEmbed } from '@/lib/data/embeds/publish-embed';
import { runFormAction } from '@/lib/http/form-action';
import type { FormState } from '@/lib/validation/form-state';

export async function publishEmbedAction(kind: 'view' | 'story', id: string): Promise<FormState> {
  return runFormAction(
    (principal) => publishEmbed(principal, { kind, id }),
    (status) => ({ message: status.version === 1 ? `Published the ${kind}` : `Published the ${kind} again` }),
  );
}

export async function unpublishEmbedAction(kind: 'view' | 'story', id: string): Promise<FormState> {
  return runFormAction(
    (principal) => unpublishEmbed(principal, { kind, id }),
    () => ({ message: `Unpublished the ${kind}: its embed is gone` }),
  );
}
