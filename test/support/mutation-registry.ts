// Every way to change data in Powermap, in one list: each server action and each mutating route
// handler, with who may use it and a sample of a valid call. Nothing in the app reads this; it is
// the inventory the security tests walk (test/db/write-api-registry.test.ts): each entry is run
// anonymously (refused, 401), as a viewer (refused, 403 where it needs more), cross-site (refused,
// route handlers), and as the role it needs (accepted), and a scan of app/ fails the tests when
// a new action or handler is missing here.
//
// Adding a mutation: add its entry here, with a sample that succeeds for the role it needs.
import type { HistoryType } from '../../lib/history/diff';

/** Who may call it: the minimum role, any signed-in user, or anyone (with the reason why). */
export type Access = 'analyst' | 'admin' | 'signed-in' | 'public';

/** What a sample may ask of the test that runs it. */
export interface SampleContext {
  /** A string unique to this call, for slugs and titles. */
  unique: string;
  /**
   * A live record made for this call alone (deleting it harms no other sample), created and then
   * changed once, so it is at version 2; an actor's slug, otherwise its id. Notes are the test analyst's.
   */
  disposable(type: HistoryType): Promise<string>;
  /** A record made for this call alone and then deleted. */
  deleted(type: HistoryType): Promise<string>;
  /** The current version of a record (an actor by slug). */
  versionOf(type: HistoryType, id: string): Promise<number>;
}

export interface RouteCall {
  params: Record<string, string>;
  body?: unknown;
  /** The version sent in If-Match. */
  ifMatch?: number;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
// Server actions take bound arguments, then the previous state and the form.
type Action = (...args: never[]) => Promise<unknown>;

interface Entry {
  name: string;
  access: Access;
  /** For public entries: why anyone may call it, and what guards it instead. */
  why?: string;
  /**
   * False when the sample names a record that does not exist (accounts' own records, which the
   * registry test does not make): it then proves only that the role passes the check.
   */
  sampleSucceeds?: false;
}

export interface RouteMutation extends Entry {
  kind: 'route';
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The address, with {param} placeholders. */
  path: string;
  /** The route file, relative to the project. */
  file: string;
  load: () => Promise<Handler>;
  sample?: (ctx: SampleContext) => Promise<RouteCall>;
}

export interface ActionMutation extends Entry {
  kind: 'action';
  /** The 'use server' file, relative to the project, and the exported function. */
  file: string;
  exportName: string;
  /** Absent only for a public inline server function, which cannot be imported. */
  load?: () => Promise<Action>;
  /** The arguments: any bound ones, then the previous state and a FormData. */
  sample?: (ctx: SampleContext) => Promise<unknown[]>;
}

export type Mutation = RouteMutation | ActionMutation;

const IDLE = { status: 'idle' } as const;

/** A merge of two actors made for one sample, by the system, so unmerging it harms no other sample. */
async function sampleMerge(ctx: SampleContext): Promise<{ id: string; version: number }> {
  const { mergeActors } = await import('@/lib/data/actors/merge-actors');
  const { SEED } = await import('@/lib/data/principal');
  const [into, other] = [await ctx.disposable('actor'), await ctx.disposable('actor')];
  return mergeActors(SEED, into, { version: await ctx.versionOf('actor', into), actors: [{ slug: other, version: await ctx.versionOf('actor', other) }] });
}

function form(fields: Record<string, string | number>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
  return fd;
}

const asHandler = (h: unknown) => h as Handler;
const SAMPLE_SNAPSHOT = JSON.stringify({ state: { schemaVersion: 1, params: { asOf: '2020-08-10' } }, positions: { 'actor:ivan-tertel': [1, 2] }, camera: { zoom: 1, pan: { x: 0, y: 0 } } });
const asAction = (a: unknown) => a as Action;

// Samples. Seeded records that samples read but never delete: Tertel, the KGB, Putin, the
// Tertel–KGB tie, the "Slow Invasion" article.
const newActor = (u: string) => ({ slug: `sample-${u}`, name: `Sample actor ${u}`, kind: 'person', faction: 'other', names: [{ name: `Образец ${u}`, lang: 'ru', script: 'Cyrl', kind: 'alias' }] });
const newTie = () => ({ source: 'ivan-tertel', target: 'vladimir-putin', type: 'influences', start: { date: '2021', precision: 'year' } });
const newSource = (u: string) => ({ title: `Sample source ${u}`, reliability: 'C', url: 'https://example.org/sample' });
const newClaim = () => ({ tie: 'tertel-leads-kgb', source: 'slow-invasion-article', quote: 'A sample quote', location: 'para 1', credibility: 3 });
const newNote = (u: string) => ({ tie: 'tertel-leads-kgb', body: `Sample note ${u}: see https://example.org`, visibility: 'internal' });

async function versioned(ctx: SampleContext, type: HistoryType) {
  const id = await ctx.disposable(type);
  return { id, version: await ctx.versionOf(type, id) };
}

const routes: RouteMutation[] = [
  // Actors
  { kind: 'route', name: 'create actor (API)', access: 'analyst', method: 'POST', path: '/api/actors', file: 'app/api/actors/route.ts',
    load: async () => asHandler((await import('@/app/api/actors/route')).POST),
    sample: async (ctx) => ({ params: {}, body: newActor(ctx.unique) }) },
  { kind: 'route', name: 'update actor (API)', access: 'analyst', method: 'PATCH', path: '/api/actors/{slug}', file: 'app/api/actors/[slug]/route.ts',
    load: async () => asHandler((await import('@/app/api/actors/[slug]/route')).PATCH),
    sample: async (ctx) => { const a = await versioned(ctx, 'actor'); return { params: { slug: a.id }, body: { summary: 'Changed by a sample' }, ifMatch: a.version }; } },
  { kind: 'route', name: 'delete actor (API)', access: 'analyst', method: 'DELETE', path: '/api/actors/{slug}', file: 'app/api/actors/[slug]/route.ts',
    load: async () => asHandler((await import('@/app/api/actors/[slug]/route')).DELETE),
    sample: async (ctx) => { const a = await versioned(ctx, 'actor'); return { params: { slug: a.id }, ifMatch: a.version }; } },
  // Ties
  { kind: 'route', name: 'create tie (API)', access: 'analyst', method: 'POST', path: '/api/ties', file: 'app/api/ties/route.ts',
    load: async () => asHandler((await import('@/app/api/ties/route')).POST),
    sample: async () => ({ params: {}, body: newTie() }) },
  { kind: 'route', name: 'update tie (API)', access: 'analyst', method: 'PATCH', path: '/api/ties/{id}', file: 'app/api/ties/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/ties/[id]/route')).PATCH),
    sample: async (ctx) => { const t = await versioned(ctx, 'tie'); return { params: { id: t.id }, body: { end: { date: '2024-05', precision: 'month' } }, ifMatch: t.version }; } },
  { kind: 'route', name: 'delete tie (API)', access: 'analyst', method: 'DELETE', path: '/api/ties/{id}', file: 'app/api/ties/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/ties/[id]/route')).DELETE),
    sample: async (ctx) => { const t = await versioned(ctx, 'tie'); return { params: { id: t.id }, body: { reason: 'sample' }, ifMatch: t.version }; } },
  // Sources
  { kind: 'route', name: 'create source (API)', access: 'analyst', method: 'POST', path: '/api/sources', file: 'app/api/sources/route.ts',
    load: async () => asHandler((await import('@/app/api/sources/route')).POST),
    sample: async (ctx) => ({ params: {}, body: newSource(ctx.unique) }) },
  { kind: 'route', name: 'update source (API)', access: 'analyst', method: 'PATCH', path: '/api/sources/{id}', file: 'app/api/sources/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/sources/[id]/route')).PATCH),
    sample: async (ctx) => { const s = await versioned(ctx, 'source'); return { params: { id: s.id }, body: { reliability: 'B' }, ifMatch: s.version }; } },
  { kind: 'route', name: 'delete source (API)', access: 'analyst', method: 'DELETE', path: '/api/sources/{id}', file: 'app/api/sources/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/sources/[id]/route')).DELETE),
    sample: async (ctx) => { const s = await versioned(ctx, 'source'); return { params: { id: s.id }, ifMatch: s.version }; } },
  // Claims
  { kind: 'route', name: 'create claim (API)', access: 'analyst', method: 'POST', path: '/api/claims', file: 'app/api/claims/route.ts',
    load: async () => asHandler((await import('@/app/api/claims/route')).POST),
    sample: async () => ({ params: {}, body: newClaim() }) },
  { kind: 'route', name: 'update claim (API)', access: 'analyst', method: 'PATCH', path: '/api/claims/{id}', file: 'app/api/claims/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/claims/[id]/route')).PATCH),
    sample: async (ctx) => { const c = await versioned(ctx, 'claim'); return { params: { id: c.id }, body: { status: 'disputed', reason: 'A second source disagrees' }, ifMatch: c.version }; } },
  { kind: 'route', name: 'delete claim (API)', access: 'analyst', method: 'DELETE', path: '/api/claims/{id}', file: 'app/api/claims/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/claims/[id]/route')).DELETE),
    sample: async (ctx) => { const c = await versioned(ctx, 'claim'); return { params: { id: c.id }, ifMatch: c.version }; } },
  { kind: 'route', name: 'review claims in bulk (API)', access: 'analyst', method: 'POST', path: '/api/review/claims', file: 'app/api/review/claims/route.ts',
    load: async () => asHandler((await import('@/app/api/review/claims/route')).POST),
    sample: async (ctx) => { const c = await versioned(ctx, 'claim'); return { params: {}, body: { claims: [{ id: c.id, version: c.version }], change: { action: 'regrade', credibility: 2 }, reason: 'Checked in bulk' } }; } },
  // Duplicates
  { kind: 'route', name: 'judge a pair of possible duplicates (API)', access: 'analyst', method: 'POST', path: '/api/duplicates/judgements', file: 'app/api/duplicates/judgements/route.ts',
    load: async () => asHandler((await import('@/app/api/duplicates/judgements/route')).POST),
    sample: async (ctx) => ({ params: {}, body: { a: await ctx.disposable('actor'), b: await ctx.disposable('actor'), verdict: 'different', reason: 'Checked' } }) },
  { kind: 'route', name: 'merge actors (API)', access: 'analyst', method: 'POST', path: '/api/actors/{slug}/merge', file: 'app/api/actors/[slug]/merge/route.ts',
    load: async () => asHandler((await import('@/app/api/actors/[slug]/merge/route')).POST),
    sample: async (ctx) => { const [into, other] = [await ctx.disposable('actor'), await ctx.disposable('actor')]; return { params: { slug: into }, body: { actors: [{ slug: other, version: await ctx.versionOf('actor', other) }], reason: 'One actor' }, ifMatch: await ctx.versionOf('actor', into) }; } },
  { kind: 'route', name: 'unmerge actors (API)', access: 'analyst', method: 'POST', path: '/api/merges/{id}/unmerge', file: 'app/api/merges/[id]/unmerge/route.ts',
    load: async () => asHandler((await import('@/app/api/merges/[id]/unmerge/route')).POST),
    sample: async (ctx) => { const merge = await sampleMerge(ctx); return { params: { id: merge.id }, body: { reason: 'Two actors' }, ifMatch: merge.version }; } },
  // Notes
  { kind: 'route', name: 'create note (API)', access: 'analyst', method: 'POST', path: '/api/notes', file: 'app/api/notes/route.ts',
    load: async () => asHandler((await import('@/app/api/notes/route')).POST),
    sample: async (ctx) => ({ params: {}, body: newNote(ctx.unique) }) },
  { kind: 'route', name: 'update note (API)', access: 'analyst', method: 'PATCH', path: '/api/notes/{id}', file: 'app/api/notes/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/notes/[id]/route')).PATCH),
    sample: async (ctx) => { const n = await versioned(ctx, 'note'); return { params: { id: n.id }, body: { visibility: 'public' }, ifMatch: n.version }; } },
  { kind: 'route', name: 'delete note (API)', access: 'analyst', method: 'DELETE', path: '/api/notes/{id}', file: 'app/api/notes/[id]/route.ts',
    load: async () => asHandler((await import('@/app/api/notes/[id]/route')).DELETE),
    sample: async (ctx) => { const n = await versioned(ctx, 'note'); return { params: { id: n.id }, ifMatch: n.version }; } },
  // Layout runs ("lay out again and save" on the map). The sample's view names no actor, so the run it
  // starts fails at once in the background and moves nothing in the registry's database.
  { kind: 'route', name: 'start a layout run (API)', access: 'analyst', method: 'POST', path: '/api/layout-jobs', file: 'app/api/layout-jobs/route.ts',
    load: async () => asHandler((await import('@/app/api/layout-jobs/route')).POST),
    sample: async () => ({ params: {}, body: { scope: 'view', query: 'focus=no-such-actor-for-the-registry' } }) },
  { kind: 'route', name: 'undo a layout run (API)', access: 'analyst', method: 'POST', path: '/api/layout-jobs/{id}/undo', file: 'app/api/layout-jobs/[id]/undo/route.ts',
    load: async () => asHandler((await import('@/app/api/layout-jobs/[id]/undo/route')).POST),
    sampleSucceeds: false,
    sample: async () => ({ params: { id: 'no-such-layout-run' }, body: {} }) },
  // Imports (the /import form sends the file here, asking for progress as NDJSON)
  { kind: 'route', name: 'import a file (API)', access: 'analyst', method: 'POST', path: '/api/import?format=powermap&fileName=sample.json', file: 'app/api/import/route.ts',
    load: async () => asHandler((await import('@/app/api/import/route')).POST),
    sample: async (ctx) => {
      const u = ctx.unique; // a new string on every read
      return {
        params: {},
        body: {
          sources: [{ id: `sample-${u}-s`, title: `Sample import ${u}`, reliability: 'D' }],
          actors: [
            { slug: `sample-${u}-p`, name: `Sample Person ${u}`, kind: 'person', faction: 'other' },
            { slug: `sample-${u}-c`, name: `Sample Company ${u}`, kind: 'organization', faction: 'other' },
          ],
          ties: [{ id: `sample-${u}-d`, source: `sample-${u}-p`, target: `sample-${u}-c`, type: 'leads', claims: [{ id: `sample-${u}-q`, source: `sample-${u}-s`, quote: 'Directs it.', credibility: 3 }] }],
        },
      };
    } },
  // Browsers' reports of Content-Security-Policy violations
  { kind: 'route', name: 'report a CSP violation', access: 'public', method: 'POST', path: '/api/csp-report', file: 'app/api/csp-report/route.ts',
    why: 'Browsers send CSP reports without credentials. It writes only to the report table, never the network; its body is at most 64 KB and the rate of storing is bounded in the database (lib/data/csp-reports).',
    load: async () => asHandler((await import('@/app/api/csp-report/route')).POST) },
  // Report-ready exports: a read posted for the length of its input
  { kind: 'route', name: 'read the sources behind a view\'s ties', access: 'public', method: 'POST', path: '/api/graph/report-sources', file: 'app/api/graph/report-sources/route.ts',
    why: 'A read, not a change: it answers who may read (requireReader, as GET /api/graph does) and writes nothing; it is a POST only because a view\'s tie ids do not fit in an address. Same-origin only, its body at most 2 MB and 50,000 ids.',
    load: async () => asHandler((await import('@/app/api/graph/report-sources/route')).POST) },
  // Accounts (better-auth's own endpoints)
  ...(['POST', 'PATCH', 'PUT', 'DELETE'] as const).map(
    (method): RouteMutation => ({
      kind: 'route', name: `better-auth endpoints (${method})`, access: 'public', method, path: '/api/auth/{...all}', file: 'app/api/auth/[...all]/route.ts',
      why: 'Signing in and out must work without a session. better-auth checks Origin against its trusted origins itself, rate-limits sign-in, and has sign-up disabled; its endpoints change only sessions, never the network.',
      load: async () => asHandler((await import('@/app/api/auth/[...all]/route'))[method]),
    }),
  ),
];

const actions: ActionMutation[] = [
  // Actors
  { kind: 'action', name: 'create actor (form)', access: 'analyst', file: 'app/actors/new/actions.ts', exportName: 'createActorAction',
    load: async () => asAction((await import('@/app/actors/new/actions')).createActorAction),
    sample: async (ctx) => {
      const a = newActor(ctx.unique);
      return [IDLE, form({ slug: a.slug, name: a.name, kind: a.kind, faction: a.faction, 'start.date': '1970', 'names.0.name': a.names[0].name, 'names.0.lang': 'ru', 'names.0.script': 'Cyrl', 'names.0.kind': 'alias' })];
    } },
  { kind: 'action', name: 'update actor (form)', access: 'analyst', file: 'app/actors/[slug]/edit/actions.ts', exportName: 'updateActorAction',
    load: async () => asAction((await import('@/app/actors/[slug]/edit/actions')).updateActorAction),
    sample: async (ctx) => {
      const a = await versioned(ctx, 'actor');
      return [a.id, IDLE, form({ version: a.version, slug: a.id, name: 'Renamed by a sample', kind: 'group', faction: 'other', summary: 's', description: '', 'start.date': '', 'end.date': '' })];
    } },
  { kind: 'action', name: 'delete actor (form)', access: 'analyst', file: 'app/actors/[slug]/edit/actions.ts', exportName: 'deleteActorAction',
    load: async () => asAction((await import('@/app/actors/[slug]/edit/actions')).deleteActorAction),
    sample: async (ctx) => { const a = await versioned(ctx, 'actor'); return [a.id, IDLE, form({ version: a.version })]; } },
  // Ties
  { kind: 'action', name: 'create tie (form)', access: 'analyst', file: 'app/ties/new/actions.ts', exportName: 'createTieAction',
    load: async () => asAction((await import('@/app/ties/new/actions')).createTieAction),
    sample: async () => [IDLE, form({ source: 'ivan-tertel', target: 'vladimir-putin', type: 'influences', role: '', 'start.date': '2021', 'end.date': '', strength: 2 })] },
  { kind: 'action', name: 'update tie (form)', access: 'analyst', file: 'app/ties/[id]/edit/actions.ts', exportName: 'updateTieAction',
    load: async () => asAction((await import('@/app/ties/[id]/edit/actions')).updateTieAction),
    sample: async (ctx) => {
      const t = await versioned(ctx, 'tie');
      return [t.id, IDLE, form({ version: t.version, source: 'ivan-tertel', target: 'kgb-belarus', type: 'member_of', role: 'Sample', 'start.date': '2020-06', 'end.date': '', strength: 4 })];
    } },
  { kind: 'action', name: 'delete tie (form)', access: 'analyst', file: 'app/ties/[id]/edit/actions.ts', exportName: 'deleteTieAction',
    load: async () => asAction((await import('@/app/ties/[id]/edit/actions')).deleteTieAction),
    sample: async (ctx) => { const t = await versioned(ctx, 'tie'); return [t.id, IDLE, form({ version: t.version, returnTo: '/actors/ivan-tertel' })]; } },
  // Sources
  { kind: 'action', name: 'create source (form)', access: 'analyst', file: 'app/sources/new/actions.ts', exportName: 'createSourceAction',
    load: async () => asAction((await import('@/app/sources/new/actions')).createSourceAction),
    sample: async (ctx) => [IDLE, form({ title: `Sample source ${ctx.unique}`, author: '', publisher: '', url: '', 'published.date': '2024-03', reliability: 'D', notes: '' })] },
  { kind: 'action', name: 'update source (form)', access: 'analyst', file: 'app/sources/[id]/edit/actions.ts', exportName: 'updateSourceAction',
    load: async () => asAction((await import('@/app/sources/[id]/edit/actions')).updateSourceAction),
    sample: async (ctx) => {
      const s = await versioned(ctx, 'source');
      return [s.id, IDLE, form({ version: s.version, title: 'Retitled by a sample', author: '', publisher: '', url: 'https://example.org/x', 'published.date': '', reliability: 'A', notes: '' })];
    } },
  { kind: 'action', name: 'delete source (form)', access: 'analyst', file: 'app/sources/[id]/edit/actions.ts', exportName: 'deleteSourceAction',
    load: async () => asAction((await import('@/app/sources/[id]/edit/actions')).deleteSourceAction),
    sample: async (ctx) => { const s = await versioned(ctx, 'source'); return [s.id, IDLE, form({ version: s.version })]; } },
  // Claims
  { kind: 'action', name: 'create claim (form)', access: 'analyst', file: 'app/claims/actions.ts', exportName: 'createClaimAction',
    load: async () => asAction((await import('@/app/claims/actions')).createClaimAction),
    sample: async () => [IDLE, form({ tie: 'tertel-leads-kgb', source: 'slow-invasion-article', quote: 'A sample quote', location: 'para 2', credibility: 2, status: 'needs_review', stance: 'supports' })] },
  { kind: 'action', name: 'change claim status (form)', access: 'analyst', file: 'app/claims/actions.ts', exportName: 'changeClaimStatusAction',
    load: async () => asAction((await import('@/app/claims/actions')).changeClaimStatusAction),
    sample: async (ctx) => { const c = await versioned(ctx, 'claim'); return [c.id, IDLE, form({ version: c.version, status: 'disputed', reason: 'Contradicted by a later source' })]; } },
  { kind: 'action', name: 'delete claim (form)', access: 'analyst', file: 'app/claims/actions.ts', exportName: 'deleteClaimAction',
    load: async () => asAction((await import('@/app/claims/actions')).deleteClaimAction),
    sample: async (ctx) => { const c = await versioned(ctx, 'claim'); return [c.id, IDLE, form({ version: c.version })]; } },
  { kind: 'action', name: 'review claims in bulk (form)', access: 'analyst', file: 'app/review/actions.ts', exportName: 'reviewClaimsAction',
    load: async () => asAction((await import('@/app/review/actions')).reviewClaimsAction),
    sample: async (ctx) => { const c = await versioned(ctx, 'claim'); return [IDLE, form({ claim: `${c.id}@${c.version}`, action: 'accept', reason: 'Checked in bulk' })]; } },
  // Duplicates
  { kind: 'action', name: 'judge a pair of possible duplicates (form)', access: 'analyst', file: 'app/duplicates/actions.ts', exportName: 'judgePairAction',
    load: async () => asAction((await import('@/app/duplicates/actions')).judgePairAction),
    sample: async (ctx) => [IDLE, form({ a: await ctx.disposable('actor'), b: await ctx.disposable('actor'), verdict: 'unsure', reason: 'Checked' })] },
  { kind: 'action', name: 'merge actors (form)', access: 'analyst', file: 'app/duplicates/merge-actions.ts', exportName: 'mergeActorsAction',
    load: async () => asAction((await import('@/app/duplicates/merge-actions')).mergeActorsAction),
    sample: async (ctx) => {
      const [into, other] = [await ctx.disposable('actor'), await ctx.disposable('actor')];
      const fd = form({ into, reason: 'One actor' });
      fd.append('actor', `${into}@${await ctx.versionOf('actor', into)}`);
      fd.append('actor', `${other}@${await ctx.versionOf('actor', other)}`);
      return [IDLE, fd];
    } },
  { kind: 'action', name: 'unmerge actors (form)', access: 'analyst', file: 'app/duplicates/merge-actions.ts', exportName: 'unmergeActorsAction',
    load: async () => asAction((await import('@/app/duplicates/merge-actions')).unmergeActorsAction),
    sample: async (ctx) => { const merge = await sampleMerge(ctx); return [merge.id, merge.version, IDLE, form({ reason: 'Two actors' })]; } },
  // Notes
  { kind: 'action', name: 'create note (form)', access: 'analyst', file: 'app/notes/actions.ts', exportName: 'createNoteAction',
    load: async () => asAction((await import('@/app/notes/actions')).createNoteAction),
    sample: async (ctx) => [IDLE, form(newNote(ctx.unique))] },
  { kind: 'action', name: 'update note (form)', access: 'analyst', file: 'app/notes/actions.ts', exportName: 'updateNoteAction',
    load: async () => asAction((await import('@/app/notes/actions')).updateNoteAction),
    sample: async (ctx) => { const n = await versioned(ctx, 'note'); return [n.id, IDLE, form({ version: n.version, body: 'Edited by a sample', visibility: 'public' })]; } },
  { kind: 'action', name: 'delete note (form)', access: 'analyst', file: 'app/notes/actions.ts', exportName: 'deleteNoteAction',
    load: async () => asAction((await import('@/app/notes/actions')).deleteNoteAction),
    sample: async (ctx) => { const n = await versioned(ctx, 'note'); return [n.id, IDLE, form({ version: n.version })]; } },
  // History
  { kind: 'action', name: 'restore an earlier version', access: 'analyst', file: 'app/history/[type]/[id]/actions.ts', exportName: 'restoreVersionAction',
    load: async () => asAction((await import('@/app/history/[type]/[id]/actions')).restoreVersionAction),
    sample: async (ctx) => {
      // A source at version 2 goes back to version 1.
      const id = await ctx.disposable('source');
      return [IDLE, form({ type: 'source', id, version: 1, currentVersion: await ctx.versionOf('source', id) })];
    } },
  { kind: 'action', name: 'restore a deleted record', access: 'admin', file: 'app/history/[type]/[id]/actions.ts', exportName: 'restoreDeletedAction',
    load: async () => asAction((await import('@/app/history/[type]/[id]/actions')).restoreDeletedAction),
    sample: async (ctx) => [IDLE, form({ type: 'actor', id: await ctx.deleted('actor') })] },
  // Saved views and stories: anyone signed in saves their own (private here); changing one is for its owner or an admin,
  // so those samples name no view and prove only that a signed-in caller passes the role check.
  { kind: 'action', name: 'save this view', access: 'signed-in', file: 'app/views/actions.ts', exportName: 'saveViewAction',
    load: async () => asAction((await import('@/app/views/actions')).saveViewAction),
    sample: async (ctx) => [IDLE, form({ title: `Sample view ${ctx.unique}`, visibility: 'private', snapshot: SAMPLE_SNAPSHOT })] },
  { kind: 'action', name: 'edit a saved view', access: 'signed-in', sampleSucceeds: false, file: 'app/views/actions.ts', exportName: 'updateViewAction',
    load: async () => asAction((await import('@/app/views/actions')).updateViewAction),
    sample: async () => ['no-such-view', IDLE, form({ version: 1, title: 'Renamed' })] },
  { kind: 'action', name: 'delete a saved view', access: 'signed-in', sampleSucceeds: false, file: 'app/views/actions.ts', exportName: 'deleteViewAction',
    load: async () => asAction((await import('@/app/views/actions')).deleteViewAction),
    sample: async () => ['no-such-view', IDLE, form({ version: 1 })] },
  { kind: 'action', name: 'add this view as a step', access: 'signed-in', file: 'app/views/actions.ts', exportName: 'addStoryStepAction',
    load: async () => asAction((await import('@/app/views/actions')).addStoryStepAction),
    sample: async (ctx) => [IDLE, form({ story: 'new', storyTitle: `Sample story ${ctx.unique}`, caption: 'A step', snapshot: SAMPLE_SNAPSHOT })] },
  { kind: 'action', name: 'create a story', access: 'signed-in', file: 'app/views/actions.ts', exportName: 'createStoryAction',
    load: async () => asAction((await import('@/app/views/actions')).createStoryAction),
    sample: async (ctx) => [IDLE, form({ title: `Sample story ${ctx.unique}` })] },
  { kind: 'action', name: 'edit a story', access: 'signed-in', sampleSucceeds: false, file: 'app/views/actions.ts', exportName: 'updateStoryAction',
    load: async () => asAction((await import('@/app/views/actions')).updateStoryAction),
    sample: async () => ['no-such-story', IDLE, form({ version: 1, title: 'Renamed', steps: '[]' })] },
  { kind: 'action', name: 'delete a story', access: 'signed-in', sampleSucceeds: false, file: 'app/views/actions.ts', exportName: 'deleteStoryAction',
    load: async () => asAction((await import('@/app/views/actions')).deleteStoryAction),
    sample: async () => ['no-such-story', IDLE, form({ version: 1 })] },
  // Embeds: publishing is for the owner (or an admin) of a public view or story, with the analyst role.
  { kind: 'action', name: 'publish a view or story as an embed', access: 'analyst', sampleSucceeds: false, file: 'app/views/embed-actions.ts', exportName: 'publishEmbedAction',
    load: async () => asAction((await import('@/app/views/embed-actions')).publishEmbedAction),
    sample: async () => ['view', 'no-such-view', IDLE, form({})] },
  { kind: 'action', name: 'unpublish an embed', access: 'analyst', sampleSucceeds: false, file: 'app/views/embed-actions.ts', exportName: 'unpublishEmbedAction',
    load: async () => asAction((await import('@/app/views/embed-actions')).unpublishEmbedAction),
    sample: async () => ['view', 'no-such-view', IDLE, form({})] },
  // Accounts
  { kind: 'action', name: 'create an API token', access: 'signed-in', file: 'app/account/actions.ts', exportName: 'createTokenAction',
    load: async () => asAction((await import('@/app/account/actions')).createTokenAction),
    sample: async (ctx) => [IDLE, form({ name: `sample ${ctx.unique}` })] },
  { kind: 'action', name: 'revoke an API token', access: 'signed-in', sampleSucceeds: false, file: 'app/account/actions.ts', exportName: 'revokeTokenAction',
    load: async () => asAction((await import('@/app/account/actions')).revokeTokenAction),
    sample: async () => [IDLE, form({ tokenId: 'no-such-token' })] },
  { kind: 'action', name: 'set the origins allowed to frame embeds', access: 'admin', file: 'app/admin/embeds/actions.ts', exportName: 'updateEmbedOriginsAction',
    load: async () => asAction((await import('@/app/admin/embeds/actions')).updateEmbedOriginsAction),
    sample: async () => {
      const { findEmbedOriginsSetting } = await import('@/lib/data/embeds/embed-origins');
      const { SEED } = await import('@/lib/data/principal');
      const { version } = await findEmbedOriginsSetting(SEED);
      return [IDLE, form({ version, origins: 'https://news.example.org' })];
    } },
  { kind: 'action', name: 'create a user', access: 'admin', file: 'app/admin/users/actions.ts', exportName: 'createUserAction',
    load: async () => asAction((await import('@/app/admin/users/actions')).createUserAction),
    sample: async (ctx) => [IDLE, form({ email: `sample-${ctx.unique}@example.test`, name: 'Sample User', role: 'viewer', password: 'a long sample password 123' })] },
  { kind: 'action', name: 'change a user role', access: 'admin', sampleSucceeds: false, file: 'app/admin/users/actions.ts', exportName: 'changeRoleAction',
    load: async () => asAction((await import('@/app/admin/users/actions')).changeRoleAction),
    sample: async () => [IDLE, form({ userId: 'no-such-user', role: 'analyst' })] },
  { kind: 'action', name: 'disable or enable a user', access: 'admin', sampleSucceeds: false, file: 'app/admin/users/actions.ts', exportName: 'setDisabledAction',
    load: async () => asAction((await import('@/app/admin/users/actions')).setDisabledAction),
    sample: async () => [IDLE, form({ userId: 'no-such-user', disabled: 'true' })] },
  { kind: 'action', name: 'first admin setup', access: 'public', file: 'app/setup/actions.ts', exportName: 'setupAction',
    why: 'Creates the first admin before any account exists; guarded by the one-time setup token and refused once any admin exists.',
    load: async () => asAction((await import('@/app/setup/actions')).setupAction) },
  { kind: 'action', name: 'sign in', access: 'public', file: 'app/sign-in/actions.ts', exportName: 'signInAction',
    why: 'Signing in is what an anonymous visitor does; it checks the password and is rate-limited, and changes only sessions.',
    load: async () => asAction((await import('@/app/sign-in/actions')).signInAction) },
  { kind: 'action', name: 'sign out', access: 'public', file: 'app/_layout/account-menu.tsx', exportName: 'signOutAction',
    why: "Ends the caller's own session and nothing else; Next.js refuses it from another site (Origin check), so no page elsewhere can sign a user out." },
];

export const MUTATIONS: readonly Mutation[] = [...routes, ...actions];
