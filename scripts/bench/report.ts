// The benchmark's output: a table with each figure next to its same-run baseline (and the ratio), goals with
// met/missed, and the JSON file with every figure and baseline.
import fs from "node:fs";
import path from "node:path";

export type Unit = "ms" | "MB" | "bytes" | "count";

export interface Row {
  figure: string;
  value: number | null;
  unit: Unit;
  baseline?: { what: string; value: number | null };
  goal?: { text: string; met: (v: number) => boolean };
  /** Shown instead of the value when it is null. */
  na?: string;
}

export interface GoalMiss {
  figure: string;
  value: string;
  goal: string;
}

function fmt(v: number | null, unit: Unit): string {
  if (v === null || Number.isNaN(v)) return "n/a";
  switch (unit) {
    case "ms":
      return `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString("en-US")} ms`;
    case "MB":
      return `${v.toFixed(1)} MB`;
    case "bytes":
      return v >= 1024 * 1024
        ? `${(v / 1024 / 1024).toFixed(2)} MiB`
        : v >= 1024
          ? `${(v / 1024).toFixed(1)} KiB`
          : `${v} B`;
    case "count":
      return String(v);
  }
}

function ratio(row: Row): string {
  const b = row.baseline?.value;
  if (row.value === null || b === null || b === undefined || b === 0) return "";
  const r = row.value / b;
  return `×${r >= 100 ? Math.round(r) : r.toFixed(2)}`;
}

function verdict(row: Row): string {
  if (!row.goal) return "";
  if (row.value === null) return "n/a";
  return row.goal.met(row.value) ? "met" : "MISSED";
}

/** Prints the table; returns the goals that were missed. */
export function printTable(title: string, rows: Row[]): GoalMiss[] {
  const header = ["figure", "value", "baseline (same run)", "ratio", "goal", ""];
  const cells = rows.map((r) => [
    r.figure,
    r.value === null && r.na ? r.na : fmt(r.value, r.unit),
    r.baseline ? `${fmt(r.baseline.value, r.unit)}  ${r.baseline.what}` : "",
    ratio(r),
    r.goal?.text ?? "",
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
  return rows
    .filter((r) => r.goal && r.value !== null && !r.goal.met(r.value))
    .map((r) => ({ figure: r.figure, value: fmt(r.value, r.unit), goal: r.goal?.text ?? "" }));
}

export function writeJson(file: string, data: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Rounds ms/MB to 0.1 and keeps null for figures that could not be measured. */
export function r1(v: number | null | undefined): number | null {
  return v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10) / 10;
}
