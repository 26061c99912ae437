// CI's dependency audit: fails on any high or critical advisory in what ships (dev tools
// excluded). Where the registry offers no audit service (some mirrors and closed networks answer
// 405), it says so loudly and passes, since there is nothing to judge; anywhere else it judges.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`audit: npm audit printed no JSON:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
if (report.statusCode || report.error) {
  const status = report.statusCode ?? report.error?.code;
  if ([404, 405, 501, 'ENOAUDIT'].includes(status)) {
    console.warn(`audit: SKIPPED - the registry has no audit service here (${report.message ?? status})`);
    process.exit(0);
  }
  console.error(`audit: the audit could not run: ${report.message ?? JSON.stringify(report.error)}`);
  process.exit(1);
}
const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`audit: ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.error(`audit: ${serious} high or critical advisories in production dependencies; run npm audit --omit=dev`);
  process.exit(1);
}
