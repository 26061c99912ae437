// The page CSP: strict scripts (nonce, no eval, no inline), Cytoscape's one injected rule
// allowed by hash, framing refused; and the sign-in return path never leaves the site.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isOpenPath, safeReturnPath } from '../../lib/auth/page-access';
import { contentSecurityPolicy } from '../../lib/http/security-headers';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce, never eval or inline, in production', () => {
    const csp = directives(contentSecurityPolicy('abc123'));
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
  });

  it('adds eval only for the development build', () => {
    expect(directives(contentSecurityPolicy('n', { dev: true }))['script-src']).toContain("'unsafe-eval'");
  });

  it("allows the stylesheet Cytoscape injects, by the hash of this Cytoscape version's rule", () => {
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve('cytoscape'), 'utf8');
    const className = /var className = '([^']+)';/.exec(source)?.[1];
    expect(source).toContain("stylesheet.textContent = '.' + className + ' { position: relative; }';");
    const hash = createHash('sha256').update(`.${className} { position: relative; }`).digest('base64');
    expect(directives(contentSecurityPolicy('n'))['style-src-elem']).toContain(`'sha256-${hash}'`);
  });
});

describe('sign-in return paths', () => {
  it('keeps local paths and drops anything that could leave the site', () => {
    expect(safeReturnPath('/actors/ivan-tertel?as_of=2020')).toBe('/actors/ivan-tertel?as_of=2020');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined, ['/x'], '/sign-in']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });

  it('leaves sign-in and setup open when sign-in is required', () => {
    expect(isOpenPath('/sign-in?next=%2F')).toBe(true);
    expect(isOpenPath('/setup?token=x')).toBe(true);
    expect(isOpenPath('/signing')).toBe(false);
    expect(isOpenPath('/')).toBe(false);
  });
});
