// The Content-Security-Policy of every page, built per request around a fresh nonce.
//
// Why a nonce and not hashes: Next streams the page's data as inline <script> tags whose
// content differs on every response, so there is nothing fixed to hash; a per-request nonce
// (set by proxy.ts on the request, where Next reads it and stamps it on its own scripts) is
// the only way to keep 'unsafe-inline' out of script-src. 'strict-dynamic' lets those scripts
// load the app's chunks. The map needs no eval: Cytoscape draws on a canvas.
//
// Styles: <style> elements need the nonce too, except the one rule Cytoscape injects into
// <head> for its container, allowed by its hash. Inline style attributes (React style props,
// Cytoscape's positioning) are allowed: they cannot run code.

/** sha256 of `.__________cytoscape_container { position: relative; }`, the stylesheet Cytoscape adds. */
const CYTOSCAPE_STYLESHEET_HASH = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

/** Where browsers report violations (app/api/csp-report), by report-uri and by the Reporting API's report-to. */
export const CSP_REPORT_PATH = '/api/csp-report';
/** The Reporting-Endpoints header naming the endpoint that report-to refers to. */
export const REPORTING_ENDPOINTS = `csp="${CSP_REPORT_PATH}"`;

/**
 * reportTo: the Reporting API only delivers to secure endpoints, so report-to is named only when
 * the page came over HTTPS; report-uri is always there (browsers that know report-to ignore it
 * then, the others and plain HTTP use it).
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; reportTo?: boolean; frameAncestors?: string } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // React's development build reconstructs stacks with eval; production never evaluates strings.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    // Browsers without style-src-elem/-attr (CSP level 3) fall back to this.
    'style-src': ["'self'", "'unsafe-inline'"],
    'style-src-elem': ["'self'", `'nonce-${nonce}'`, CYTOSCAPE_STYLESHEET_HASH],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.dev ? ['ws:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // Every page refuses frames; only the embeds (/embed/…) name the origins an admin allowed (lib/validation/embeds.ts).
    'frame-ancestors': [options.frameAncestors ?? "'none'"],
    'report-uri': [CSP_REPORT_PATH],
    ...(options.reportTo ? { 'report-to': ['csp'] } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The embeds' pages: framed from the admin's allowed origins, a bare shell without the session (the root layout). */
export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith('/embed/');
}

/** Request headers proxy.ts sets for the root layout. */
export const NONCE_HEADER = 'x-nonce';
export const PATH_HEADER = 'x-powermap-path';
