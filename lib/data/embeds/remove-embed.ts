// A view or story that stops being public, or is deleted, takes its published embed with it, in the
// same transaction as that change: nothing stays published that its owner no longer shows in public.
import type { Tx } from '../../db/client';
import type { EmbedKind } from '../../graph/embed-snapshot';

export async function removeEmbedWithin(tx: Tx, kind: EmbedKind, id: string, visibility: string | null): Promise<void> {
  if (visibility === 'public') return;
  await tx.embedSnapshot.deleteMany({ where: { kind, targetId: id } });
}
