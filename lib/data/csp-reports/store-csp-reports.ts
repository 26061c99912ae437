// Content-Security-Policy violations that browsers report, kept for the admins to read (a script
// that was blocked is either an attack or a page of ours that breaks its own policy). Anyone may
// send reports, so the rate is bounded in the database, where every app server counts the same:
// past STORED_PER_MINUTE reports in the last minute, further ones are dropped until the minute
// has passed (concurrent requests may each slip one more in); and only the newest KEPT_REPORTS stay.
import 'server-only';
import { getDb } from '../../db/client';
import type { CspReportInput } from '../../validation/csp-report';

export const STORED_PER_MINUTE = 60;
export const KEPT_REPORTS = 10_000;

/** Stores what the rate allows; says how many were stored and how many dropped. */
export async function storeCspReports(reports: CspReportInput[], now = new Date()): Promise<{ stored: number; dropped: number }> {
  if (!reports.length) return { stored: 0, dropped: 0 };
  const db = await getDb();
  const recent = await db.cspReport.count({ where: { receivedAt: { gt: new Date(now.getTime() - 60_000) } } });
  const room = Math.max(0, STORED_PER_MINUTE - recent);
  const kept = reports.slice(0, room);
  if (kept.length) {
    await db.cspReport.createMany({ data: kept.map((r) => ({ ...r, receivedAt: now })) });
    const oldestKept = await db.cspReport.findFirst({ orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], skip: KEPT_REPORTS - 1, select: { receivedAt: true } });
    if (oldestKept) await db.cspReport.deleteMany({ where: { receivedAt: { lt: oldestKept.receivedAt } } });
  }
  return { stored: kept.length, dropped: reports.length - kept.length };
}
