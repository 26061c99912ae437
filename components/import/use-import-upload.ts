'use client';
// Sending a file to POST /api/import and following it: the file goes as the body, the choices
// in the query string; the answer is a refusal (4xx, nothing written) or a stream of NDJSON
// lines, progress then the result or the error that undid the import. The state says which.
import { useCallback, useRef, useState } from 'react';
import type { FieldErrors } from '@/lib/validation/field-errors';
import type { ImportFileResult, ImportProgress, ImportStreamLine } from '@/lib/validation/import-file';

export type ProgressByStep = Partial<Record<ImportProgress['step'], { done: number; total: number }>>;

export type ImportUploadState =
  | { status: 'idle' }
  /** Uploading, then checking the file: nothing has been written yet. */
  | { status: 'sending' }
  | { status: 'writing'; progress: ProgressByStep }
  | { status: 'saved'; progress: ProgressByStep; result: ImportFileResult; seconds: number }
  | { status: 'invalid'; message: string; fieldErrors: FieldErrors; progress?: ProgressByStep }
  | { status: 'refused'; code: string; message: string }
  | { status: 'error'; message: string; progress?: ProgressByStep };

type ErrorBody = { code?: string; message?: string; fieldErrors?: FieldErrors };

const SERVER_FAILED = 'Something went wrong on the server. Nothing was imported; try again.';

function refusal(error: ErrorBody | undefined, progress?: ProgressByStep): ImportUploadState {
  if (error?.code === 'invalid') return { status: 'invalid', message: error.message ?? 'The file was refused.', fieldErrors: error.fieldErrors ?? {}, progress };
  if (error?.code && error.code !== 'internal' && !progress) return { status: 'refused', code: error.code, message: error.message ?? 'Refused.' };
  return { status: 'error', message: error?.code === 'internal' || !error?.message ? SERVER_FAILED : error.message, progress };
}

export function useImportUpload() {
  const [state, setState] = useState<ImportUploadState>({ status: 'idle' });
  const busy = useRef(false);

  const send = useCallback(async (file: File, options: Record<string, string | undefined>) => {
    if (busy.current) return;
    busy.current = true;
    const started = performance.now();
    setState({ status: 'sending' });
    try {
      const query = new URLSearchParams({ fileName: file.name });
      for (const [key, value] of Object.entries(options)) if (value) query.set(key, value);
      const response = await fetch(`/api/import?${query}`, {
        method: 'POST',
        body: file,
        headers: { Accept: 'application/x-ndjson', 'Content-Type': 'application/octet-stream' },
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: ErrorBody } | null;
        setState(refusal(body?.error ?? { code: 'internal' }));
        return;
      }
      const progress: ProgressByStep = {};
      setState({ status: 'writing', progress: { ...progress } });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let pending = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (value) pending += value;
        const lines = pending.split('\n');
        pending = done ? '' : lines.pop()!;
        for (const text of lines) {
          if (!text.trim()) continue;
          const line = JSON.parse(text) as ImportStreamLine;
          if ('progress' in line) {
            progress[line.progress.step] = { done: line.progress.done, total: line.progress.total };
            setState({ status: 'writing', progress: { ...progress } });
          } else if ('result' in line) {
            setState({ status: 'saved', progress: { ...progress }, result: line.result, seconds: (performance.now() - started) / 1000 });
            return;
          } else {
            setState(refusal(line.error, { ...progress }));
            return;
          }
        }
        if (done) break;
      }
      // The stream ended without a result: the server or the connection failed mid-way, and the
      // transaction was undone with it unless it had already committed.
      setState({ status: 'error', message: 'The connection closed before the import finished. Check the actor index before trying again.', progress: { ...progress } });
    } catch {
      setState({ status: 'error', message: 'The import could not be sent or followed (network error). Check the actor index before trying again.' });
    } finally {
      busy.current = false;
    }
  }, []);

  return { state, send };
}
