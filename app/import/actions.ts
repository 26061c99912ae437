'use server';
// Importing a file from the /import form: the file's text and the form's choices go to
// importFile, which validates, converts and writes in one transaction; the answer carries the
// summary the form shows.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { importFile } from '@/lib/data/import/import-file';
import { toFormState } from '@/lib/http/form-action';
import { revalidateAfterChange } from '@/lib/http/revalidate';
import type { ImportFileResult, ImportFormState } from '@/lib/validation/import-file';

export async function importFileAction(_prev: ImportFormState, formData: FormData): Promise<ImportFormState> {
  let result: ImportFileResult;
  try {
    const principal = await currentPrincipal();
    const file = formData.get('file');
    const field = (name: string) => {
      const v = formData.get(name);
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    // Next.js refuses bodies over serverActions.bodySizeLimit (next.config.js) before this runs,
    // so reading the whole file is bounded; the schema then holds the text to 20 MB.
    const upload = file instanceof File && file.size > 0 ? file : null;
    result = await importFile(principal, {
      format: field('format'),
      reliability: field('reliability'),
      faction: field('faction'),
      title: field('title'),
      text: upload ? await upload.text() : '',
      fileName: upload?.name ?? '',
    });
  } catch (error) {
    const state = toFormState(error);
    return state.status === 'saved' ? { status: 'error', message: 'Unexpected answer' } : state;
  }
  revalidateAfterChange();
  const c = result.counts;
  return {
    status: 'saved',
    message: `Imported ${result.fileName}: ${c.actors.created} actors and ${c.ties.created} ties created, ${c.actors.updated + c.ties.updated} updated, ${c.actors.unchanged + c.ties.unchanged} unchanged.`,
    result,
  };
}
