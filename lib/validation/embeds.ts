// Embeds: which view or story to publish, and the origins an admin allows to frame the embeds
// (/embed/views/…, /embed/stories/…). Each origin becomes a source of the embeds'
// `Content-Security-Policy: frame-ancestors`. One origin a line in the
// admin form; each must be exactly an origin (scheme, host, optional port), written the way CSP
// reads it, so nothing typed there can add a keyword, a second directive or a whole scheme.
import { z } from 'zod';

/** The most origins the list holds. */
export const MAX_EMBED_ORIGINS = 50;

// A host label: letters, digits and inner hyphens; an optional leading "*." allows every subdomain.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = `(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*`;
const IPV6 = '\\[[0-9a-f:.]+\\]';
const ORIGIN = new RegExp(`^(https?)://(${HOST}|${IPV6})(?::(\\d{1,5}))?$`);

/** Lower case, no trailing slash; the default port of the scheme left out, as browsers compare origins. */
export function normaliseOrigin(raw: string): string {
  const trimmed = raw.trim().toLowerCase().replace(/\/$/, '');
  const match = ORIGIN.exec(trimmed);
  if (!match) return trimmed;
  const [, scheme, host, port] = match;
  const defaultPort = scheme === 'https' ? '443' : '80';
  return `${scheme}://${host}${port && port !== defaultPort ? `:${port}` : ''}`;
}

export const embedOriginSchema = z
  .string()
  .max(300, 'An origin is at most 300 characters')
  .transform(normaliseOrigin)
  .refine((origin) => ORIGIN.test(origin), {
    error: (issue) => `"${String(issue.input).trim()}" is not an origin: write the scheme and host only, like https://news.example.org or https://*.example.org:8443`,
  })
  .refine((origin) => {
    const port = ORIGIN.exec(origin)?.[3];
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  }, 'A port is between 1 and 65535');

/** The stored list: origins in normal form, each once, in the order given. */
export const embedOriginListSchema = z
  .array(embedOriginSchema)
  .max(MAX_EMBED_ORIGINS, `At most ${MAX_EMBED_ORIGINS} origins`)
  .transform((origins) => [...new Set(origins)]);
export type EmbedOriginList = z.output<typeof embedOriginListSchema>;

/** The admin form's input: the list and the version of the setting it was opened at (0 when never set). */
export const updateEmbedOriginsSchema = z.strictObject({
  version: z.number().int().min(0),
  origins: embedOriginListSchema,
});
export type UpdateEmbedOriginsInput = z.input<typeof updateEmbedOriginsSchema>;

/** The form's text area, one origin a line (commas and spaces separate too); blank lines ignored. */
export function originLines(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The frame-ancestors sources of an embed: the allowed origins, or 'none' when there are none. */
export function frameAncestors(origins: readonly string[]): string {
  return origins.length ? origins.join(' ') : "'none'";
}

/** Which view or story to publish or unpublish. */
export const embedTargetSchema = z.strictObject({
  kind: z.enum(['view', 'story']),
  id: z.string().trim().min(1).max(200),
});
export type EmbedTargetInput = z.input<typeof embedTargetSchema>;

/** The embed route's address: /api/embed/views/<id> or /api/embed/stories/<id>. */
export const embedRouteSchema = z
  .strictObject({ kind: z.enum(['views', 'stories']), id: z.string().min(1).max(200) })
  .transform(({ kind, id }) => ({ kind: kind === 'views' ? ('view' as const) : ('story' as const), id }));

/** The admin form: its version and its text area, as the update's input. */
export function embedOriginsInput(fd: { get(name: string): unknown }): { version: number | undefined; origins: string[] } {
  const raw = fd.get('version');
  const version = Number(typeof raw === 'string' ? raw : NaN);
  const text = fd.get('origins');
  return { version: Number.isInteger(version) ? version : undefined, origins: originLines(typeof text === 'string' ? text : '') };
}
