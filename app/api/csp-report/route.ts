// POST /api/csp-report: where browsers report Content-Security-Policy violations (the policy's
// report-uri and report-to, lib/http/security-headers.ts). Anyone may post, as browsers send
// these without credentials; the body is bounded, the rate of storing is bounded in the database
// (lib/data/csp-reports), and nothing here reads or changes the network. 204 when stored, 429
// when the minute's reports are used up, 400/415 for what is not a report.
import { storeCspReports } from '@/lib/data/csp-reports/store-csp-reports';
import { AppError } from '@/lib/data/errors';
import { handle } from '@/lib/http/errors';
import { readBoundedText } from '@/lib/http/read-bounded-text';
import { CSP_REPORT_TYPES, parseCspReports } from '@/lib/validation/csp-report';

export const dynamic = 'force-dynamic';

const MAX_REPORT_BYTES = 64 * 1024;

export const POST = handle(async (request: Request): Promise<Response> => {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(CSP_REPORT_TYPES as readonly string[]).includes(type)) {
    return Response.json({ error: { code: 'invalid', message: `Send a report as ${CSP_REPORT_TYPES.join(' or ')}` } }, { status: 415 });
  }
  const text = await readBoundedText(request, MAX_REPORT_BYTES, 'A report is at most 64 KB');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('invalid', 'The report is not valid JSON');
  }
  const reports = parseCspReports(type, body, request.headers.get('user-agent') ?? '');
  if (!reports) throw new AppError('invalid', 'Not a Content-Security-Policy report');
  const { dropped } = await storeCspReports(reports);
  if (dropped) return new Response(null, { status: 429, headers: { 'Retry-After': '60' } });
  return new Response(null, { status: 204 });
});
