// What runs on a page's main thread, through Chrome's own sampling profiler (CDP Profiler.start and
// stop on the page's session; workers are other targets, so their work is not in it). The bench
// saves each profile (open it in Chrome DevTools' Performance panel) and prints the functions that
// held the thread longest: self time (the function's own code) and total time (with its callees).
// Production bundles are minified, so a frame is named by its script and position, with the code
// that starts there to recognise it by.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameCost {
  frame: string;
  selfMs: number;
  totalMs: number;
}

/** Starts sampling the page's main thread; the returned function stops it and hands back the profile. */
export async function startProfile(page: Page): Promise<() => Promise<CpuProfile>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  // 200 µs between samples: fine enough for tasks of tens of milliseconds, cheap enough not to make them.
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await session.detach();
    return profile;
  };
}

const frameName = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/_next\//, '_next/')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

/** Self and total milliseconds per function (a recursive function's total counts each sample once). */
export function frameCosts(profile: CpuProfile): FrameCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const costs = new Map<string, FrameCost>();
  const cost = (frame: string) => {
    let c = costs.get(frame);
    if (!c) costs.set(frame, (c = { frame, selfMs: 0, totalMs: 0 }));
    return c;
  };
  profile.samples.forEach((id, i) => {
    // A sample's delta is the time since the previous one: the time this stack held the thread.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    if (leaf.callFrame.functionName === '(idle)' || leaf.callFrame.functionName === '(program)') return;
    cost(frameName(leaf.callFrame)).selfMs += ms;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = frameName(byId.get(n)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      cost(name).totalMs += ms;
    }
  });
  return [...costs.values()].filter((c) => c.frame !== '(root) :0:0');
}

/** Saves the profile and prints the top `n` functions by self and by total time. */
export function reportProfile(profile: CpuProfile, file: string, title: string, n = 15): void {
  writeFileSync(file, JSON.stringify(profile));
  const costs = frameCosts(profile);
  const line = (c: FrameCost) => `  ${c.selfMs.toFixed(0).padStart(7)} ms self ${c.totalMs.toFixed(0).padStart(7)} ms total  ${c.frame}`;
  console.log(`\nmain-thread profile, ${title} (${file}):\n by self time:`);
  for (const c of [...costs].sort((a, b) => b.selfMs - a.selfMs).slice(0, n)) console.log(line(c));
  console.log(' by total time:');
  for (const c of [...costs].sort((a, b) => b.totalMs - a.totalMs).slice(0, n)) console.log(line(c));
}
