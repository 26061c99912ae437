// Servers the benchmark starts: each in its own process group, its output in bench/out/logs/,
// and every one stopped (by its own id) when the run ends, fails or is interrupted.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const started = new Set<ChildProcess>();
export const LOG_DIR = 'bench/out/logs';

export function startProcess(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`));
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  started.add(child);
  child.on('exit', () => started.delete(child));
  return child;
}

export function stopProcess(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  started.delete(child);
}

export function stopAll(): void {
  for (const child of [...started]) stopProcess(child);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}
process.on('exit', stopAll);

/** Polls a URL until it answers 2xx; fails early if the process exits. */
export async function waitForUrl(url: string, child: ChildProcess, name: string, timeoutMs = 30 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${LOG_DIR}/${name}.log`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 60_000} minutes; see ${LOG_DIR}/${name}.log`);
}

/** Runs a script to completion and returns the JSON it prints on its last line starting with RESULT. */
export function runJsonScript<T>(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = startProcess(name, process.execPath, args, { env });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.length > 1_000_000) out = out.slice(-100_000);
    });
    child.on('exit', (code) => {
      const line = out.split('\n').reverse().find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as T);
      else reject(new Error(`${name} exited with ${code}; see ${LOG_DIR}/${name}.log`));
    });
  });
}

/** Runs a command to completion; fails unless it exits 0. */
export function runToCompletion(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startProcess(name, command, args, { env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}; see ${LOG_DIR}/${name}.log`))));
  });
}
