// The forms of saved views and stories as their data-layer inputs. The map's snapshot travels as
// one JSON field (`snapshot`: state, positions, camera), read here and validated by the record's
// schema in the data layer like any other input; blank optional fields are left out.
import type { FormFields } from './form-input';
import { text } from './form-input';

function json(fd: FormFields, name: string): unknown {
  const raw = text(fd, name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    // Left for the schema to refuse by name ("Required" / wrong type), never thrown here.
    return raw;
  }
}

const version = (fd: FormFields) => {
  const n = Number(text(fd, 'version'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Element ids (actor:slug, tie:id) as a step's actor slugs and tie ids. */
export function splitHighlights(ids: readonly string[]): { actors: string[]; ties: string[] } {
  const actors: string[] = [];
  const ties: string[] = [];
  for (const id of ids) {
    if (id.startsWith('actor:')) actors.push(id.slice('actor:'.length));
    else if (id.startsWith('tie:')) ties.push(id.slice('tie:'.length));
  }
  return { actors, ties };
}

/** "Save this view" on the map: name, description, visibility and the snapshot. */
export function saveViewInput(fd: FormFields): Record<string, unknown> {
  const snapshot = json(fd, 'snapshot');
  const picture = snapshot && typeof snapshot === 'object' ? (snapshot as Record<string, unknown>) : {};
  return { title: text(fd, 'title'), description: text(fd, 'description'), visibility: text(fd, 'visibility') || undefined, state: picture.state, positions: picture.positions, camera: picture.camera };
}

/** A saved view's edit form: its fields at the version the form was opened at (the picture stays). */
export function editViewInput(fd: FormFields): Record<string, unknown> {
  const slug = text(fd, 'slug').trim();
  return { version: version(fd), title: text(fd, 'title'), description: text(fd, 'description'), visibility: text(fd, 'visibility') || undefined, slug: slug || null };
}

/** "Add this view as a step": the snapshot, the caption and the ticked highlights (the caller adds the story's version). */
export function addStepInput(fd: FormFields & { getAll?(name: string): unknown[] }): Record<string, unknown> {
  const ticked = (fd.getAll?.('highlight') ?? []).filter((v): v is string => typeof v === 'string');
  return { snapshot: json(fd, 'snapshot'), caption: text(fd, 'caption'), ...splitHighlights(ticked) };
}

/** A story's edit form: its fields and its steps (in order, as the editor lists them, one JSON field). */
export function editStoryInput(fd: FormFields): Record<string, unknown> {
  const steps = json(fd, 'steps');
  return { version: version(fd), title: text(fd, 'title'), description: text(fd, 'description'), visibility: text(fd, 'visibility') || undefined, ...(steps === undefined ? {} : { steps }) };
}

export function newStoryInput(fd: FormFields, titleField = 'title'): Record<string, unknown> {
  return { title: text(fd, titleField), description: text(fd, 'description'), visibility: text(fd, 'visibility') || undefined };
}
