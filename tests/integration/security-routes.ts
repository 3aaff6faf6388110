// Every route file under app/api/v1 and every page under app/(app), with a representative URL for each, read
// from the file system so new routes are covered without editing the tests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Representative values for dynamic segments. */
const SEGMENT_VALUES: Record<string, string> = {
  cluster: "demo",
  namespace: "airflow",
  name: "airflow",
  release: "airflow",
  resource: "helmreleases",
  pod: "airflow-scheduler-0",
  id: "c0000000000000000000000000",
  "...path": "no/such/route",
};

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface RouteEntry {
  file: string;
  url: string;
  methods: Method[];
}

function walk(dir: string, file: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full, file));
    else if (entry === file) out.push(full);
  }
  return out;
}

function urlFor(relativeDir: string): string {
  const parts = relativeDir
    .split(path.sep)
    .filter((p) => p && !/^\(.*\)$/.test(p))
    .map((p) => {
      const m = /^\[(.+)\]$/.exec(p);
      if (!m) return p;
      const v = SEGMENT_VALUES[m[1]];
      if (!v) throw new Error(`no representative value for [${m[1]}] in ${relativeDir}: add one to SEGMENT_VALUES`);
      return v;
    });
  return `/${parts.join("/")}`;
}

export function apiRoutes(): RouteEntry[] {
  const base = path.join(ROOT, "app");
  return walk(path.join(base, "api", "v1"), "route.ts").map((file) => {
    const source = readFileSync(file, "utf8");
    const methods = METHODS.filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(source));
    return { file: path.relative(ROOT, file), url: urlFor(path.relative(base, path.dirname(file))), methods };
  });
}

export function pages(): { file: string; url: string }[] {
  const base = path.join(ROOT, "app", "(app)");
  return walk(base, "page.tsx").map((file) => ({ file: path.relative(ROOT, file), url: urlFor(path.relative(base, path.dirname(file))) }));
}
