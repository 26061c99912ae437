// What browsers send about a Content-Security-Policy violation, in either of their two formats:
// `report-uri` (Content-Type application/csp-report, one report under "csp-report", hyphenated
// keys) and the Reporting API's `report-to` (application/reports+json, a list of reports of
// several types, camel-case keys). Both become one CspReportInput; fields are cut to a length
// rather than refused, since a browser cannot be told to send less.
import { z } from 'zod';

/** A text field as stored: what the browser sent, cut to `max` characters; absent is ''. */
const cut = (max: number) =>
  z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''))
    .transform((v) => v.slice(0, max));
const lineNumber = z.unknown().optional().transform((v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 31 ? v : null));

const legacyReportSchema = z.object({
  'csp-report': z.object({
    'document-uri': cut(500),
    'blocked-uri': cut(500),
    'effective-directive': cut(100),
    'violated-directive': cut(100),
    disposition: cut(20),
    'source-file': cut(500),
    'line-number': lineNumber,
    'script-sample': cut(200),
  }),
});

const reportingApiSchema = z
  .array(
    z.object({
      type: z.string(),
      body: z.looseObject({}).optional(),
      user_agent: cut(300),
    }),
  )
  .max(100, 'At most 100 reports at once');

const reportingBodySchema = z.object({
  documentURL: cut(500),
  blockedURL: cut(500),
  effectiveDirective: cut(100),
  disposition: cut(20),
  sourceFile: cut(500),
  lineNumber,
  sample: cut(200),
});

export interface CspReportInput {
  documentUrl: string;
  blockedUrl: string;
  effectiveDirective: string;
  disposition: string;
  sourceFile: string;
  lineNumber: number | null;
  sample: string;
  userAgent: string;
}

export const CSP_REPORT_TYPES = ['application/csp-report', 'application/reports+json'] as const;

/** The violations in a report body of either format; null when the body is neither. */
export function parseCspReports(contentType: string, body: unknown, userAgent: string): CspReportInput[] | null {
  if (contentType === 'application/csp-report') {
    const parsed = legacyReportSchema.safeParse(body);
    if (!parsed.success) return null;
    const r = parsed.data['csp-report'];
    return [
      {
        documentUrl: r['document-uri'],
        blockedUrl: r['blocked-uri'],
        effectiveDirective: r['effective-directive'] || r['violated-directive'],
        disposition: r.disposition || 'enforce',
        sourceFile: r['source-file'],
        lineNumber: r['line-number'],
        sample: r['script-sample'],
        userAgent: userAgent.slice(0, 300),
      },
    ];
  }
  if (contentType === 'application/reports+json') {
    const parsed = reportingApiSchema.safeParse(body);
    if (!parsed.success) return null;
    return parsed.data.flatMap((report) => {
      if (report.type !== 'csp-violation') return []; // deprecation and intervention reports are not kept
      const r = reportingBodySchema.safeParse(report.body ?? {});
      if (!r.success) return [];
      const { documentURL, blockedURL, ...rest } = r.data;
      return [{ documentUrl: documentURL, blockedUrl: blockedURL, ...rest, disposition: rest.disposition || 'enforce', userAgent: report.user_agent || userAgent.slice(0, 300) }];
    });
  }
  return null;
}
