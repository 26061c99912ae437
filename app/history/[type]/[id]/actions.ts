'use server';
// From a history page: go back to an earlier version (an analyst; a new revision, history is
// never rewritten) or bring back a deleted record with what was deleted with it (an admin).
import { restoreDeletedRecord, restoreVersion } from '@/lib/data/revisions/restore-revision';
import { runFormAction } from '@/lib/http/form-action';
import { text } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function restoreVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const version = text(formData, 'version');
  return runFormAction(
    (principal) =>
      restoreVersion(principal, { type: text(formData, 'type'), id: text(formData, 'id'), version, currentVersion: text(formData, 'currentVersion') }),
    (restored) => ({ message: `Restored version ${version} as version ${restored.version}`, redirectTo: `/history/${restored.type}/${restored.key}` }),
  );
}

export async function restoreDeletedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => restoreDeletedRecord(principal, { type: text(formData, 'type'), id: text(formData, 'id') }),
    (restored) => ({ message: 'Restored', redirectTo: `/history/${restored.type}/${restored.key}` }),
  );
}
