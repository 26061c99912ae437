// CSP violation reporting: the policy names the report endpoint (report-to only over HTTPS, where
// the Reporting API delivers), and both report formats browsers send become the same record.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_REPORT_PATH, REPORTING_ENDPOINTS } from '../../lib/http/security-headers';
import { parseCspReports } from '../../lib/validation/csp-report';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('CSP reporting', () => {
  it('reports by report-uri always, and by report-to over HTTPS', () => {
    expect(CSP_REPORT_PATH).toBe('/api/csp-report');
    expect(directives(contentSecurityPolicy('n'))['report-uri']).toEqual(['/api/csp-report']);
    expect(directives(contentSecurityPolicy('n'))['report-to']).toBeUndefined();
    expect(directives(contentSecurityPolicy('n', { reportTo: true }))['report-to']).toEqual(['csp']);
    expect(REPORTING_ENDPOINTS).toBe('csp="/api/csp-report"');
  });

  it('reads a report-uri report (application/csp-report)', () => {
    const body = {
      'csp-report': {
        'document-uri': 'http://localhost:3000/actors/ivan-tertel',
        'blocked-uri': 'inline',
        'violated-directive': 'script-src-elem',
        'effective-directive': 'script-src-elem',
        'original-policy': "default-src 'self'",
        disposition: 'enforce',
        'source-file': 'http://localhost:3000/actors/ivan-tertel',
        'line-number': 12,
        'script-sample': 'alert(1)',
      },
    };
    expect(parseCspReports('application/csp-report', body, 'Firefox/140')).toEqual([
      { documentUrl: 'http://localhost:3000/actors/ivan-tertel', blockedUrl: 'inline', effectiveDirective: 'script-src-elem', disposition: 'enforce', sourceFile: 'http://localhost:3000/actors/ivan-tertel', lineNumber: 12, sample: 'alert(1)', userAgent: 'Firefox/140' },
    ]);
  });

  it('reads Reporting API reports (application/reports+json), keeping only CSP violations and cutting long fields', () => {
    const body = [
      { type: 'deprecation', age: 1, url: 'https://pm.example/', user_agent: 'Chrome', body: { id: 'x' } },
      { type: 'csp-violation', age: 2, url: 'https://pm.example/', user_agent: 'Chrome/140', body: { documentURL: 'https://pm.example/', blockedURL: 'https://evil.example/x.js', effectiveDirective: 'script-src-elem', disposition: 'enforce', sample: 'x'.repeat(1000), lineNumber: -3 } },
    ];
    const [report, ...rest] = parseCspReports('application/reports+json', body, 'ignored')!;
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ documentUrl: 'https://pm.example/', blockedUrl: 'https://evil.example/x.js', effectiveDirective: 'script-src-elem', sourceFile: '', lineNumber: null, userAgent: 'Chrome/140' });
    expect(report!.sample).toHaveLength(200);
  });

  it('refuses what is not a report', () => {
    expect(parseCspReports('application/csp-report', { hello: 1 }, '')).toBeNull();
    expect(parseCspReports('application/reports+json', { not: 'a list' }, '')).toBeNull();
    expect(parseCspReports('application/reports+json', Array(101).fill({ type: 'csp-violation' }), '')).toBeNull();
    expect(parseCspReports('application/json', {}, '')).toBeNull();
  });
});
