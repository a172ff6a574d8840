import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LatencySummary } from './stats.js';

/** A progress line on stderr, so long steps show they are alive without mixing into the tables. */
export function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

/** A bound that a figure should stay within (the issues' targets): an upper bound, a lower one, or both. */
export interface Target {
  /** Largest value that meets the target, in the figure's unit. */
  max?: number;
  /** Smallest value that meets the target, in the figure's unit. */
  min?: number;
  /** How the target is printed, e.g. `≤ 5 s`. */
  label: string;
}

/** One measured number with its unit. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: Target;
  /** true / false against the target; absent without one. */
  met?: boolean;
}

/** The figures of one benchmark section, printed as a table and kept for the JSON file. */
export class Section {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];
  private readonly startedMs = performance.now();
  durationSeconds = 0;
  /** One-minute load averages at the start and the end of the section (2-core machine: above 2 means contention). */
  readonly loadAverage: { start: number; end?: number } = { start: os.loadavg()[0] ?? NaN };

  constructor(readonly name: string) {}

  /** Records a figure; with a target, whether it is met. */
  add(name: string, value: number, unit: string, target?: Target): Figure {
    const figure: Figure = { name, value, unit };
    if (target) {
      figure.target = target;
      figure.met =
        (target.max === undefined || value <= target.max) &&
        (target.min === undefined || value >= target.min);
    }
    this.figures.push(figure);
    return figure;
  }

  /** Records p50, p95 and p99 (ms) of a latency summary, with optional targets per quantile. */
  latency(
    name: string,
    s: LatencySummary,
    targets: { p50?: Target; p95?: Target; p99?: Target } = {},
  ): void {
    this.add(`${name} p50`, s.p50Ms, 'ms', targets.p50);
    this.add(`${name} p95`, s.p95Ms, 'ms', targets.p95);
    this.add(`${name} p99`, s.p99Ms, 'ms', targets.p99);
  }

  /** A line of context printed under the table (caveats, counts, examples). */
  note(text: string): void {
    this.notes.push(text);
  }

  /** Prints the section's table. */
  print(): void {
    this.durationSeconds = (performance.now() - this.startedMs) / 1000;
    this.loadAverage.end = os.loadavg()[0] ?? NaN;
    const load = `load average ${this.loadAverage.start.toFixed(1)} → ${this.loadAverage.end.toFixed(1)} on ${os.cpus().length} cores`;
    console.log(`\n== ${this.name} (${this.durationSeconds.toFixed(0)} s, ${load}) ==`);
    console.log(formatTable(this.figures));
    if (this.notes.length > 0) console.log(this.notes.map((n) => `  · ${n}`).join('\n'));
  }
}

/** Formats a number with precision that suits its size. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** The figures as an aligned text table: figure | value | unit | target | status. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    formatValue(f.value),
    f.unit,
    f.target?.label ?? '',
    f.met === undefined ? '' : f.met ? 'ok' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'unit', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Figures with unique names for the JSON file: an indented row (a detail of the row above it in
 * the table) is named `<parent> › <row>`.
 */
function qualifiedNames(figures: readonly Figure[]): Figure[] {
  let parent = '';
  return figures.map((f) => {
    if (!f.name.startsWith(' ')) {
      parent = f.name;
      return f;
    }
    return { ...f, name: `${parent} › ${f.name.trim()}` };
  });
}

/** Where the figures of the last run are written. */
export const RESULTS_FILE = path.resolve(import.meta.dirname, '../results/latest.json');

/** Writes every section's figures and notes, with the machine they ran on, to `RESULTS_FILE`. */
export function writeResults(
  sections: readonly Section[],
  extra: Record<string, unknown> = {},
): string {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  const body = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
      loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
    },
    ...extra,
    sections: Object.fromEntries(
      sections.map((s) => [
        s.name,
        {
          durationSeconds: Math.round(s.durationSeconds),
          loadAverage: s.loadAverage,
          figures: qualifiedNames(s.figures),
          notes: s.notes,
        },
      ]),
    ),
  };
  writeFileSync(RESULTS_FILE, JSON.stringify(body, null, 2) + '\n');
  return RESULTS_FILE;
}
