// Test support for lib/airflow-chart/*.test.ts only (never imported by product code).
// A naming case lists the names the real chart renders for one release; every field is cited by CITES[line][field]
// (charts/airflow/<version>/templates/<file>:<line>), and `citationProblems` opens the cited line to prove it.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chartNames, type ChartNames } from "./naming";
import type { ChartLine } from "./versions";

export const CHARTS_DIR = path.resolve(__dirname, "../../../shared/charts/airflow");
export const CHARTS_PRESENT = fs.existsSync(CHARTS_DIR);
export const CHARTS_ABSENT_MESSAGE = `skipped: ${CHARTS_DIR} (../shared/charts/airflow, the real chart) is absent here; CI has it`;

export const VERSION_DIR: Record<ChartLine, string> = { "1.16": "1.16.0", "1.17": "1.17.0", "1.18": "1.18.0", "1.19": "1.19.0" };

export type Mode = "default" | "standard" | "override";

/** The values of each naming mode (release "prod"). */
export const MODE_VALUES: Record<Mode, Record<string, unknown>> = {
  default: {},
  standard: { useStandardNaming: true },
  override: { useStandardNaming: true, fullnameOverride: "af-main" },
};

export interface NameCase {
  line: ChartLine;
  mode: Mode;
  airflow: 2 | 3;
  release: string;
  values: Record<string, unknown>;
  /** Expected ServiceAccount prefix (`airflow.serviceAccountName`), to find each SA name's suffix. */
  saPrefix: string;
  /** field → expected name; "-" means absent. Workloads read "<Kind> <name>". */
  expect: Map<string, string>;
}

/** A case from a two-column block: `field  value` per line. */
export function nameCase(line: ChartLine, mode: Mode, airflow: 2 | 3, saPrefix: string, block: string, extra: Record<string, unknown> = {}): NameCase {
  const expect = new Map<string, string>();
  for (const row of block.split("\n").map((r) => r.trim()).filter(Boolean)) {
    const [field, ...rest] = row.split(/\s+/);
    expect.set(field, rest.join(" "));
  }
  const airflowVersion = airflow === 2 ? "2.10.5" : line === "1.19" ? "3.1.7" : "3.0.2";
  return { line, mode, airflow, release: "prod", values: { ...MODE_VALUES[mode], airflowVersion, ...extra }, saPrefix, expect };
}

const GROUPS = ["workloads", "serviceAccounts", "services", "jobs"] as const;

/** What the module computed, in the case's field notation (only the groups' present entries). */
export function actualFields(names: ChartNames): Map<string, string> {
  const out = new Map<string, string>();
  const scalar = names as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(scalar)) if (typeof v === "string") out.set(k, v);
  for (const [c, w] of Object.entries(names.workloads)) if (w) out.set(`workloads.${c}`, `${w.kind} ${w.name}`);
  for (const g of GROUPS.slice(1)) {
    for (const [k, v] of Object.entries(names[g] as Record<string, string | undefined>)) if (v) out.set(`${g}.${k}`, v);
  }
  return out;
}

/** The expected fields and values of a case, with absent ones ("-") removed. */
export function expectedFields(c: NameCase): Map<string, string> {
  return new Map([...c.expect].filter(([, v]) => v !== "-"));
}

/** The fields a case claims absent: they must be absent from the module's answer too. */
export function absentFields(c: NameCase): string[] {
  return [...c.expect].filter(([, v]) => v === "-").map(([k]) => k);
}

function citeFor(cites: Record<string, string>, field: string): string | undefined {
  return cites[field] ?? cites[field.split(".")[0] + ".*"];
}

/**
 * Open every cited template line of the cases and check it: the line contains the name's suffix (the name without
 * the fullname / release / ServiceAccount prefix), and it builds the name from `.Release.Name` or
 * `airflow.fullname` as the expected prefix says (where the two differ). Workload citations also need a `kind:`
 * line naming the expected kind just above. Returns the problems found (empty when all citations hold).
 */
export function citationProblems(cases: NameCase[], cites: Record<ChartLine, Record<string, string>>): string[] {
  const problems: string[] = [];
  const files = new Map<string, string[]>();
  const read = (line: ChartLine, file: string) => {
    const key = `${VERSION_DIR[line]}/templates/${file}`;
    if (!files.has(key)) files.set(key, fs.readFileSync(path.join(CHARTS_DIR, key), "utf8").split("\n"));
    return files.get(key)!;
  };
  for (const c of cases) {
    const fullname = c.expect.get("fullname") ?? c.release;
    for (const [field, value] of expectedFields(c)) {
      const cite = citeFor(cites[c.line], field);
      if (!cite) {
        problems.push(`${c.line} ${field}: no citation`);
        continue;
      }
      const [file, n] = cite.split(":");
      const lines = read(c.line, file);
      const text = lines[Number(n) - 1] ?? "";
      const where = `charts/airflow/${VERSION_DIR[c.line]}/templates/${cite}`;
      const [kind, name] = field.startsWith("workloads.") ? value.split(" ") : [undefined, value];
      if (field === "fullname") {
        if (!text.includes('define "airflow.fullname"')) problems.push(`${where}: not the airflow.fullname helper`);
        continue;
      }
      const isSa = field.startsWith("serviceAccounts.");
      const prefixes = (isSa ? [c.saPrefix] : [fullname, c.release]).sort((a, b) => b.length - a.length);
      const prefix = prefixes.find((p) => name.startsWith(`${p}-`));
      if (!prefix) {
        problems.push(`${c.line} ${c.mode} ${field}: ${name} starts with none of ${prefixes.join(", ")}`);
        continue;
      }
      const token = name.slice(prefix.length + 1);
      if (!text.includes(token)) problems.push(`${where} lacks "${token}" (expected ${field} = ${name})`);
      if (!isSa && fullname !== c.release) {
        const base = prefix === fullname ? "airflow.fullname" : ".Release.Name";
        if (!text.includes(base)) problems.push(`${where} does not build ${name} from ${base}`);
      }
      if (kind) {
        const above = lines.slice(Math.max(0, Number(n) - 4), Number(n) - 1).find((l) => l.startsWith("kind:"));
        if (!above?.includes(kind)) problems.push(`${where}: no "kind:" line with ${kind} just above`);
      }
    }
  }
  return problems;
}

/** Register the tests of a table of naming cases: each case's names, then one test proving every citation. */
export function describeNameCases(title: string, cases: NameCase[], cites: Record<ChartLine, Record<string, string>>): void {
  describe(title, () => {
    it.each(cases.map((c) => [`${c.line} ${c.mode} Airflow ${c.airflow}`, c] as const))("%s", (_label, c) => {
      const names = chartNames({ release: c.release, namespace: "airflow", chartVersion: `${c.line}.0`, values: c.values });
      const actual = actualFields(names);
      const expected = expectedFields(c);
      for (const [field, value] of expected) expect({ field, value: actual.get(field) }).toEqual({ field, value });
      for (const field of absentFields(c)) expect({ field, value: actual.get(field) }).toEqual({ field, value: undefined });
      // Groups list every rendered member: nothing more is rendered than the case says.
      for (const g of GROUPS) {
        const keys = (m: Map<string, string>) => [...m.keys()].filter((k) => k.startsWith(`${g}.`)).sort();
        expect(keys(actual)).toEqual(keys(expected));
      }
    });
    it.skipIf(!CHARTS_PRESENT)(
      CHARTS_PRESENT ? "every citation is a real template line building that name" : CHARTS_ABSENT_MESSAGE,
      () => {
        expect(citationProblems(cases, cites)).toEqual([]);
      },
    );
  });
}
