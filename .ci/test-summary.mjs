// Prints how many tests ran, passed, failed and were skipped, from the JSON reports vitest and
// Playwright write when POWERMAP_TEST_REPORT_DIR is set (.ci/run sets it), and names each
// failed and skipped test, so a failure survives a cut log and a skip (a missing ../shared file,
// an absent server) is seen, not silent.
// Usage: node .ci/test-summary.mjs <report dir>
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const read = (file) => (existsSync(path.join(dir, file)) ? JSON.parse(readFileSync(path.join(dir, file), 'utf8')) : null);

function vitestCounts(report) {
  const tests = report.testResults.flatMap((file) =>
    file.assertionResults.map((t) => ({
      status: t.status,
      name: `${path.relative(process.cwd(), file.name)} › ${t.fullName}`,
      why: firstLine(t.failureMessages?.[0]),
    })),
  );
  const counts = summarise(tests, (s) => s === 'passed', (s) => s === 'failed', (s) => s === 'skipped' || s === 'pending' || s === 'todo');
  // A file that fails outside any test (an import, a hook, an unhandled rejection) fails the run
  // with every test in it passed or none collected: name it and its message, or the red is silent.
  const brokenFiles = report.testResults
    .filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'))
    .map((file) => `${path.relative(process.cwd(), file.name)}: ${firstLine(file.message) || 'no message (often a hook past its time limit)'}`);
  // Failures outside tests as test/support/failure-reporter.ts recorded them, with their messages
  // (a failed hook, a suite that did not collect, an unhandled error): more precise than brokenFiles.
  const outside = read('vitest-failures.json')?.failures.filter((f) => f.kind !== 'test');
  if (outside) brokenFiles.splice(0, brokenFiles.length, ...outside.map((f) => `${f.where}: ${firstLine(f.message) || 'no message'}`));
  return { ...counts, brokenFiles, unhandled: report.numTotalTestSuites !== undefined && report.success === false && counts.failed === 0 && brokenFiles.length === 0 };
}

function playwrightCounts(report) {
  const tests = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        tests.push({
          status: t.status,
          name: [...trail, spec.title].filter(Boolean).join(' › '),
          why: firstLine(t.results?.at(-1)?.error?.message),
        });
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  // Playwright's statuses: expected (passed), flaky (passed on retry), unexpected (failed), skipped.
  return summarise(tests, (s) => s === 'expected' || s === 'flaky', (s) => s === 'unexpected', (s) => s === 'skipped');
}

// The first non-empty line of an error, without terminal colours, short enough for a CI summary.
function firstLine(message) {
  const text = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 300);
}

function summarise(tests, passed, failed, skipped) {
  const failedTests = tests.filter((t) => failed(t.status));
  return {
    total: tests.length,
    passed: tests.filter((t) => passed(t.status)).length,
    failed: failedTests.length,
    failedNames: failedTests.map((t) => (t.why ? `${t.name}: ${t.why}` : t.name)),
    skipped: tests.filter((t) => skipped(t.status)).map((t) => t.name),
  };
}

const lines = [];
for (const [runner, file, count] of [
  ['vitest', 'vitest.json', vitestCounts],
  ['playwright', 'playwright.json', playwrightCounts],
]) {
  const report = read(file);
  if (!report) {
    lines.push(`${runner}: did not run (no ${file})`);
    continue;
  }
  const c = count(report);
  lines.push(`${runner}: ${c.total} tests, ${c.passed} passed, ${c.failed} failed, ${c.skipped.length} skipped`);
  // Failed tests are named here as well as in the runner's own output, which a CI log may cut.
  for (const name of c.failedNames) lines.push(`  failed: ${name}`);
  for (const name of c.skipped) lines.push(`  skipped: ${name}`);
  for (const name of c.brokenFiles ?? []) lines.push(`  failed outside its tests: ${name}`);
  if (c.unhandled) lines.push('  the run failed with no failed test or file: look for "Unhandled Errors" in the output above');
}
console.log(`\nci: test summary\n${lines.map((l) => `ci: ${l}`).join('\n')}`);
