'use client';
// The import form: a file, its format, and for FollowTheMoney and other tools' files the grade of
// the source the import cites, the faction of new actors and the source's title. "Preview" shows
// what the import would do, writing nothing, with the mapping of the file's attributes (and the
// faction rule per kind) to change before importing. The choices are checked with the server's
// own schema before sending; while the file is written the form shows how far each kind of record
// has got; the answer is a summary of what changed, or why nothing did.
import Link from 'next/link';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { FACTION_LABELS, FACTIONS, RELIABILITY_GRADES, RELIABILITY_LABELS } from '@/lib/domain/vocabulary';
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors';
import {
  formatOfFileName,
  IMPORT_FORMAT_EXTENSIONS,
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  importOptionsSchema,
  importResultMessage,
  MAX_IMPORT_MB,
  type ImportFileResult,
} from '@/lib/validation/import-file';
import styles from '../editing/editing.module.css';
import { Buttons, FieldErrorList, SelectField, TextField } from '../editing/fields';
import type { ImportMapping } from '@/lib/validation/import-mapping';
import type { ImportMatches } from '@/lib/validation/import-matches';
import { bundleUpload } from './bundle-upload';
import { ImportPreviewPanel, type FtmFactionRules } from './import-preview';
import { ImportProgressPanel } from './import-progress';
import { useImportPreview } from './use-import-preview';
import { useImportUpload, type ImportUploadState } from './use-import-upload';

const FILE_ERROR_KEYS = ['file', 'text', 'fileName'];

export function ImportForm() {
  const { state, send } = useImportUpload();
  const { state: previewState, load: loadPreview, reset: resetPreview } = useImportPreview();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [format, setFormat] = useState('');
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [ftmFactions, setFtmFactions] = useState<FtmFactionRules>({});
  const [choices, setChoices] = useState<ImportMatches>({});
  const formRef = useRef<HTMLFormElement>(null);
  const pending = state.status === 'sending' || state.status === 'writing' || previewState.status === 'loading';

  /** Another file or format: the preview and the mapping made for it no longer apply. */
  function forgetPreview() {
    resetPreview();
    setMapping(null);
    setFtmFactions({});
    setChoices({});
  }

  function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    // A likely format from the extension, when none is chosen yet.
    // Two files chosen together are a CSV nodes file and edges file.
    const files = [...(event.currentTarget.files ?? [])];
    const guessed = files.length > 1 ? 'csv' : formatOfFileName(files[0]?.name ?? '');
    if (!format) setFormat(guessed ?? '');
    forgetPreview();
  }

  /** The file and the choices to send, checked as the server will; null (with the fields marked) when they do not pass. */
  async function checkedChoices(): Promise<{ file: File; options: Record<string, string | undefined> } | null> {
    const formData = new FormData(formRef.current!);
    const options = Object.fromEntries(['format', 'reliability', 'faction', 'title', 'positions'].map((k) => [k, (formData.get(k) as string | null) || undefined]));
    const parsed = importOptionsSchema.safeParse(options);
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error, options);
    const files = formData.getAll('file').filter((f): f is File => f instanceof File);
    const upload = await bundleUpload(files);
    if ('error' in upload) errors.file = [upload.error];
    else if (files.length > 1 && options.format !== 'csv') errors.format = ['Two files are read together as CSV: choose CSV'];
    if (Object.keys(errors).length || 'error' in upload) {
      setClientErrors(errors);
      return null;
    }
    const file = upload.file;
    setClientErrors(null);
    // "Same as existing" choices from the preview, for every format (none: every new actor is created).
    const matches = Object.keys(choices).length ? JSON.stringify(choices) : undefined;
    // A Powermap document names its own sources and factions: the other choices are not sent with it.
    if (options.format === 'powermap') return { file, options: { format: options.format, positions: options.positions, matches } };
    if (options.format === 'ftm') return { file, options: { ...options, personFaction: ftmFactions.person, organizationFaction: ftmFactions.organization, matches } };
    // Another tool's file: the mapping shown in the preview, with the source and faction chosen above.
    if (!mapping) return { file, options: { ...options, matches } };
    const { title, reliability, faction } = parsed.data!;
    const sent: ImportMapping = { ...mapping, source: { ...mapping.source, title, reliability }, nodes: { ...mapping.nodes, defaultFaction: faction } };
    return { file, options: { ...options, mapping: JSON.stringify(sent), matches } };
  }

  async function onPreview() {
    if (pending) return;
    const checked = await checkedChoices();
    if (!checked) return;
    const preview = await loadPreview(checked.file, checked.options);
    if (preview?.foreign) setMapping(preview.foreign.mapping);
    // A choice stands while the new preview still proposes it (another mapping may not).
    if (preview) {
      const proposed = new Set(preview.matching.matches.flatMap((m) => (m.identity ? [] : m.proposals.map((p) => `${m.slug} ${p.actor.slug}`))));
      setChoices((current) => Object.fromEntries(Object.entries(current).filter(([from, to]) => proposed.has(`${from} ${to}`))));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    // A refused preview's message would stand beside the import's own answer.
    if (previewState.status === 'failed') resetPreview();
    const checked = await checkedChoices();
    if (checked) void send(checked.file, checked.options);
  }

  const errors = clientErrors ?? (state.status === 'invalid' ? state.fieldErrors : previewState.status === 'failed' ? previewState.fieldErrors : undefined);
  const fileMessages = FILE_ERROR_KEYS.flatMap((k) => errors?.[k] ?? []);
  const isFtm = format !== 'powermap';
  return (
    <>
      <form ref={formRef} id="import-form" className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Import a file">
        <ImportStatus state={state} clientErrors={clientErrors} />
        {previewState.status === 'failed' && !clientErrors ? (
          <p role="alert" className={`${styles.message} ${styles.bad}`}>
            No preview, and nothing was imported. {previewState.message}
          </p>
        ) : null}
        <div className={styles.field}>
          <label htmlFor="import-file" className={styles.required}>
            File
          </label>
          <p id="import-file-hint" className={styles.hint}>
            Up to {MAX_IMPORT_MB} MB. For CSV, a nodes file and an edges file may be chosen together, or the zip Powermap and Gephi write. Nothing is written unless the whole file
            imports.
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            multiple
            accept={[...new Set(IMPORT_FORMATS.flatMap((f) => IMPORT_FORMAT_EXTENSIONS[f])), 'application/json'].join(',')}
            onChange={onFileChange}
            aria-required
            aria-invalid={fileMessages.length > 0 || undefined}
            aria-describedby={fileMessages.length ? 'import-file-hint import-file-error' : 'import-file-hint'}
          />
          <FieldErrorList id="import-file-error" messages={fileMessages} />
        </div>
        <div className={styles.field}>
          <label htmlFor="import-format" className={styles.required}>
            Format
          </label>
          <select
            id="import-format"
            name="format"
            value={format}
            onChange={(e) => {
              setFormat(e.currentTarget.value);
              forgetPreview();
            }}
            aria-required
            aria-invalid={(errors?.format?.length ?? 0) > 0 || undefined}
            aria-describedby={errors?.format?.length ? 'import-format-error' : undefined}
          >
            <option value="">Choose…</option>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {IMPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          <FieldErrorList id="import-format-error" messages={errors?.format ?? []} />
        </div>
        <div className={styles.field}>
          <label>
            <input type="checkbox" name="positions" value="replace" aria-describedby="import-positions-hint" /> Move actors already on the map to the file’s positions
          </label>
          <p id="import-positions-hint" className={styles.hint}>
            Positions the file gives (Gephi, yEd, Cytoscape, a Powermap export) place its new actors. Unticked, actors the map shows already stay where they are.
          </p>
        </div>
        <fieldset className={styles.fieldset} disabled={!isFtm}>
          <legend>For FollowTheMoney and other tools’ files</legend>
          <p className={styles.hint}>A Powermap document names its own sources and factions; these apply to the other formats.</p>
          <div className={styles.row}>
            <SelectField
              name="reliability"
              label="Source reliability"
              errors={errors}
              defaultValue="C"
              options={RELIABILITY_GRADES.map((g) => ({ value: g, label: `${g}: ${RELIABILITY_LABELS[g]}` }))}
              hint="The grade of the one source every imported tie cites."
            />
            <SelectField
              name="faction"
              label="Faction for new actors"
              errors={errors}
              defaultValue="other"
              options={FACTIONS.map((f) => ({ value: f, label: FACTION_LABELS[f] }))}
            />
          </div>
          <TextField name="title" label="Source title" errors={errors} hint="Blank: “<format> import: <file name>”." dir="auto" />
        </fieldset>
        <Buttons>
          <button type="submit" className={styles.primary} disabled={pending}>
            {state.status === 'sending' || state.status === 'writing' ? 'Importing…' : 'Import'}
          </button>
          <button type="button" className={styles.secondary} disabled={pending} onClick={() => void onPreview()}>
            {previewState.status === 'loading' ? 'Previewing…' : previewState.status === 'ready' ? 'Preview again' : 'Preview'}
          </button>
        </Buttons>
      </form>
      {previewState.status === 'ready' && state.status !== 'saved' ? (
        <ImportPreviewPanel
          preview={previewState.preview}
          mapping={mapping}
          onMappingChange={setMapping}
          ftmFactions={ftmFactions}
          onFtmFactionsChange={setFtmFactions}
          choices={choices}
          onChoicesChange={setChoices}
        />
      ) : null}
      {state.status !== 'idle' && state.status !== 'refused' ? <ImportProgressPanel state={state} /> : null}
      {state.status === 'saved' ? <ImportSummary result={state.result} /> : null}
    </>
  );
}

function ImportStatus({ state, clientErrors }: { state: ImportUploadState; clientErrors: FieldErrors | null }) {
  if (clientErrors) {
    return (
      <p role="alert" className={`${styles.message} ${styles.bad}`}>
        Nothing was imported: check the fields marked below.
      </p>
    );
  }
  if (state.status === 'saved') {
    return (
      <p role="status" className={`${styles.message} ${styles.ok}`}>
        {importResultMessage(state.result)}
      </p>
    );
  }
  if (state.status === 'idle' || state.status === 'sending' || state.status === 'writing') return null;
  return (
    <div role="alert" className={`${styles.message} ${styles.bad}`}>
      <p style={{ margin: 0 }}>Nothing was imported. {state.message}</p>
      {state.status === 'refused' && state.code === 'unauthenticated' ? <Link href="/sign-in?next=/import">Sign in</Link> : null}
    </div>
  );
}

const ROWS = [
  ['sources', 'Sources'],
  ['actors', 'Actors'],
  ['ties', 'Ties'],
  ['claims', 'Claims'],
] as const;

function ImportSummary({ result }: { result: ImportFileResult }) {
  const skipped = Object.entries(result.skipped).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="import-summary-title" className={styles.panel}>
      <h2 id="import-summary-title">Imported {result.fileName}</h2>
      <table>
        <caption className="visually-hidden">Records created, updated and unchanged</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{result.counts[key].created}</td>
              <td>{result.counts[key].updated}</td>
              <td>{result.counts[key].unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.matched.chosen || result.matched.byIdentity ? (
        <p>
          {[
            result.matched.chosen && `${result.matched.chosen} ${result.matched.chosen === 1 ? 'actor' : 'actors'} written onto the actor chosen in the preview`,
            result.matched.byIdentity && `${result.matched.byIdentity} onto the actor ${result.matched.byIdentity === 1 ? 'its slug or identifier names' : 'their slugs or identifiers name'}`,
          ]
            .filter(Boolean)
            .join('; ')}
          .
        </p>
      ) : null}
      {result.duplicates?.count ? (
        <p role="status">
          <Link href={`/duplicates?import=${encodeURIComponent(result.duplicates.at)}`}>
            {result.duplicates.count} possible {result.duplicates.count === 1 ? 'duplicate' : 'duplicates'} — review
          </Link>{' '}
          <span className="muted">among the actors this import touched</span>
        </p>
      ) : null}
      {skipped.length ? (
        <>
          <h3>Skipped FollowTheMoney entities</h3>
          <ul aria-label="Skipped entities">
            {skipped.map(([schema, n]) => (
              <li key={schema}>
                {schema}: {n}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.warnings.length ? (
        <details>
          <summary>
            {result.warnings.length} {result.warnings.length === 1 ? 'warning' : 'warnings'}
          </summary>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p>
        FollowTheMoney ties, and ties whose type was not mapped, are marked <em>needs review</em>. <Link href="/actors">Go to the actor index</Link>
      </p>
    </section>
  );
}
