// A vitest reporter that writes every failure, including those outside a test (a beforeAll or
// afterAll hook, a suite's collection, an unhandled rejection), to one JSON file, so the CI
// summary can name them even when the runner's own output is cut. Vitest's JSON reporter
// records only tests, and a failed hook leaves its tests "skipped" with no message at all.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

type Failure = { kind: 'module' | 'suite' | 'test' | 'unhandled'; where: string; message: string };

export default class FailureReporter implements Reporter {
  constructor(private readonly outputFile: string) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    const failures: Failure[] = [];
    for (const mod of modules) {
      const file = path.relative(process.cwd(), mod.moduleId);
      const project = mod.project.name ? `[${mod.project.name}] ` : '';
      for (const error of mod.errors()) failures.push({ kind: 'module', where: `${project}${file}`, message: messageOf(error) });
      for (const suite of mod.children.allSuites())
        for (const error of suite.errors()) failures.push({ kind: 'suite', where: `${project}${file} › ${suite.fullName}`, message: messageOf(error) });
      for (const test of mod.children.allTests('failed'))
        for (const error of test.result().errors ?? []) failures.push({ kind: 'test', where: `${project}${file} › ${test.fullName}`, message: messageOf(error) });
    }
    for (const error of unhandledErrors) failures.push({ kind: 'unhandled', where: 'unhandled', message: messageOf(error) });
    writeFileSync(this.outputFile, JSON.stringify({ failures }, null, 2));
  }
}

// An AggregateError (a refused connection to both ::1 and 127.0.0.1) has an empty message:
// fall back to its name, its code and its inner errors rather than print nothing.
function messageOf(error: unknown): string {
  const e = error as { message?: string; name?: string; code?: string; errors?: unknown[]; stack?: string };
  const inner = Array.isArray(e?.errors) ? e.errors.map(messageOf).join('; ') : '';
  const text = [e?.name, e?.code, e?.message || inner || e?.stack?.split('\n').slice(0, 3).join(' ')].filter(Boolean).join(': ');
  return text || String(error);
}
