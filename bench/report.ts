// The benchmark's output: one row per figure, Powermap beside its anchor from the same run,
// the ratio and the goal it is held to, printed as a table and written as JSON to bench/out/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Figure {
  /** Which sub-benchmark measured it (ego, api, pages, map, interact, import). */
  group: string;
  name: string;
  unit: string;
  powermap: number;
  anchor: number;
  /** What the anchor is, in a few words. */
  anchorName: string;
  /** powermap ÷ anchor, unless stated otherwise in `name`. */
  ratio: number;
  goal: { op: '<=' | '>=' | '<'; value: number };
  detail?: Record<string, unknown>;
}

export interface Note {
  group: string;
  name: string;
  value: string;
}

export class Report {
  figures: Figure[] = [];
  notes: Note[] = [];

  /** ratio = powermap ÷ anchor. */
  add(f: Omit<Figure, 'ratio'> & { ratio?: number }): void {
    const figure = { ...f, ratio: f.ratio ?? f.powermap / f.anchor };
    this.figures.push(figure);
    console.log(`  ${figure.name}: ${fmt(figure.powermap, figure.unit)} vs ${fmt(figure.anchor, figure.unit)} → ${ratioText(figure.ratio)} (goal ${goalText(figure)})`);
  }

  note(group: string, name: string, value: string): void {
    this.notes.push({ group, name, value });
    console.log(`  ${name}: ${value}`);
  }

  table(): string {
    const header = ['measurement', 'Powermap', 'anchor', 'ratio', 'goal', ''];
    const rows = this.figures.map((f) => [
      f.name,
      fmt(f.powermap, f.unit),
      `${fmt(f.anchor, f.unit)} (${f.anchorName})`,
      ratioText(f.ratio),
      goalText(f),
      meets(f) ? 'ok' : 'MISSED',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
    for (const n of this.notes) out.push(`${n.name}: ${n.value}`);
    return out.join('\n');
  }

  /** The README's form of the table (Markdown). */
  markdown(): string {
    const rows = this.figures.map(
      (f) => `| ${f.name} | ${fmt(f.powermap, f.unit)} | ${fmt(f.anchor, f.unit)} (${f.anchorName}) | **${ratioText(f.ratio)}** | ${goalText(f)} ${meets(f) ? '✓' : '✗'} |`,
    );
    return ['| measurement | Powermap | anchor (same run) | ratio | goal |', '|---|---|---|---|---|', ...rows].join('\n');
  }

  write(file: string, meta: Record<string, unknown>): void {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...meta, figures: this.figures.map((f) => ({ ...f, meetsGoal: meets(f) })), notes: this.notes }, null, 2));
  }
}

export function meets(f: Figure): boolean {
  if (!Number.isFinite(f.ratio)) return false;
  return f.goal.op === '<=' ? f.ratio <= f.goal.value : f.goal.op === '<' ? f.ratio < f.goal.value : f.ratio >= f.goal.value;
}

function goalText(f: Figure): string {
  return `${f.goal.op === '<=' ? '≤' : f.goal.op === '<' ? '<' : '≥'} ${f.goal.value}×`;
}

export function fmt(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
  if (unit === 'bytes') return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
  if (unit === 'req/s') return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} req/s`;
  if (unit === 'rows/s') return `${Math.round(value).toLocaleString('en')} rows/s`;
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  return `${value.toFixed(2)} ${unit}`;
}

/** Two significant figures below 0.1, so 0.004× does not print as 0.00×. */
export function ratioText(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${ratio < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2)}×`;
}
