'use client';
// Asking POST /api/import?preview=1 what an import of the file would do: the same body and choices
// as the import itself, and an answer that wrote nothing (a preview, or the reasons for a refusal).
import { useCallback, useRef, useState } from 'react';
import type { FieldErrors } from '@/lib/validation/field-errors';
import type { ImportPreview } from '@/lib/validation/import-file';

export type ImportPreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; preview: ImportPreview }
  | { status: 'failed'; message: string; fieldErrors: FieldErrors };

export function useImportPreview() {
  const [state, setState] = useState<ImportPreviewState>({ status: 'idle' });
  const busy = useRef(false);

  const load = useCallback(async (file: File, options: Record<string, string | undefined>): Promise<ImportPreview | null> => {
    if (busy.current) return null;
    busy.current = true;
    setState({ status: 'loading' });
    try {
      const query = new URLSearchParams({ fileName: file.name, preview: '1' });
      for (const [key, value] of Object.entries(options)) if (value) query.set(key, value);
      const response = await fetch(`/api/import?${query}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
      const body = (await response.json().catch(() => null)) as { preview?: ImportPreview; error?: { code?: string; message?: string; fieldErrors?: FieldErrors } } | null;
      if (response.ok && body?.preview) {
        setState({ status: 'ready', preview: body.preview });
        return body.preview;
      }
      const message = body?.error?.code === 'internal' || !body?.error?.message ? 'Something went wrong on the server; try again.' : body.error.message;
      setState({ status: 'failed', message, fieldErrors: body?.error?.fieldErrors ?? {} });
      return null;
    } catch {
      setState({ status: 'failed', message: 'The file could not be sent for a preview (network error).', fieldErrors: {} });
      return null;
    } finally {
      busy.current = false;
    }
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, load, reset };
}
