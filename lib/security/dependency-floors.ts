// SECURITY.md S22: dependency policy, checked offline against package-lock.json. Pure (the caller reads the file).
//
// FLOORS: the lowest version of each security-relevant production dependency that carries the fixes for the
// high/critical advisories named beside it — one minimum per release line (major, or major.minor where the project
// patches several minor lines). A version below the minimum of its line is refused; a version on a line newer than
// every listed one is accepted (it was released after the fixes); a version on an older line is refused. Raise a
// floor when an advisory lands (SLA for critical ones: 72 h). COMPROMISED: exact versions published by attackers
// (refused anywhere in the tree, dev tools included, since CI runs them).

export interface Floor {
  name: string;
  /** Fixed versions, one per release line. */
  minimums: readonly string[];
  line: "major" | "minor";
  advisories: readonly string[];
}

export const FLOORS: readonly Floor[] = [
  {
    name: "next",
    // 15.2.3/14.2.25 middleware bypass; 15.5.7/16.0.7 React2Shell (RCE in Server Function endpoints); Dec 2025 RSC
    // DoS + source exposure; 16.2.3/15.5.15 RSC DoS; the May 2026 release (middleware/proxy bypasses, SSRF, cache
    // poisoning, XSS): 15.5.18 / 16.2.6.
    minimums: ["15.5.18", "16.2.6"],
    line: "major",
    advisories: ["CVE-2025-29927", "CVE-2025-66478", "CVE-2025-55184", "CVE-2025-55183", "CVE-2025-67779", "CVE-2026-23869", "CVE-2026-23870", "GHSA-267c-6grr-h53f", "GHSA-36qx-fr4f-26g5", "GHSA-492v-c6pp-mqqv"],
  },
  // React's Server Components packages carry the RSC fixes; react and react-dom are released with them in lock-step.
  ...["react", "react-dom", "react-server-dom-webpack", "react-server-dom-turbopack", "react-server-dom-parcel"].map(
    (name): Floor => ({
      name,
      minimums: ["19.0.6", "19.1.7", "19.2.6"],
      line: "minor",
      advisories: ["CVE-2025-55182", "CVE-2025-55184", "CVE-2025-55183", "CVE-2025-67779", "CVE-2026-23869", "CVE-2026-23870"],
    }),
  ),
  { name: "form-data", minimums: ["2.5.4", "3.0.4", "4.0.4"], line: "major", advisories: ["CVE-2025-7783"] },
  { name: "ws", minimums: ["5.2.4", "6.2.3", "7.5.10", "8.17.1"], line: "major", advisories: ["CVE-2024-37890"] },
  { name: "jsonpath-plus", minimums: ["10.3.0"], line: "major", advisories: ["CVE-2024-21534", "CVE-2025-1302"] },
  { name: "tar-fs", minimums: ["2.1.4", "3.1.1"], line: "major", advisories: ["CVE-2024-12905", "CVE-2025-48387", "CVE-2025-59343"] },
  { name: "node-fetch", minimums: ["2.6.7", "3.1.1"], line: "major", advisories: ["CVE-2022-0235"] },
  { name: "sharp", minimums: ["0.32.6"], line: "minor", advisories: ["CVE-2023-4863"] },
];

/** The npm supply-chain compromise of 8 Sept 2025 (maintainer phishing): these exact versions carried malware. */
export const COMPROMISED: Readonly<Record<string, readonly string[]>> = {
  debug: ["4.4.2"],
  chalk: ["5.6.1"],
  "ansi-styles": ["6.2.2"],
  "supports-color": ["10.2.1"],
  "strip-ansi": ["7.1.1"],
  "ansi-regex": ["6.2.1"],
  "wrap-ansi": ["9.0.1"],
  "color-convert": ["3.1.1"],
  "color-name": ["2.0.1"],
  "is-arrayish": ["0.3.3"],
  "slice-ansi": ["7.1.1"],
  "error-ex": ["1.3.3"],
  "simple-swizzle": ["0.2.3"],
};

export interface LockedPackage {
  name: string;
  version: string;
  /** Only needed for development (npm's `dev` / `devOptional` flags). */
  dev: boolean;
  /** Its key in the lockfile (node_modules/…), to find it. */
  path: string;
}

export interface Finding {
  name: string;
  version: string;
  path: string;
  problem: string;
}

interface LockfileV3 {
  lockfileVersion?: number;
  packages?: Record<string, { name?: string; version?: string; dev?: boolean; devOptional?: boolean; link?: boolean }>;
}

/** Every installed package of an npm lockfile (v2/v3 `packages` map); the root project itself is left out. */
export function lockedPackages(lock: unknown): LockedPackage[] {
  const doc = lock as LockfileV3;
  if (!doc.packages || (doc.lockfileVersion ?? 0) < 2) throw new Error("package-lock.json: lockfileVersion 2 or 3 with a `packages` map is needed");
  return Object.entries(doc.packages).flatMap(([key, p]) => {
    if (key === "" || p.link || !p.version) return [];
    const name = p.name ?? key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    return [{ name, version: p.version, dev: p.dev === true || p.devOptional === true, path: key }];
  });
}

type Triple = [number, number, number];

/** "16.2.6" → [16, 2, 6]; a pre-release ("16.3.0-canary.1") counts as below its release. Null for non-semver. */
export function parseVersion(version: string): { release: Triple; pre: boolean } | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  if (!m) return null;
  return { release: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] !== undefined };
}

function compare(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

function lineOf(v: Triple, line: Floor["line"]): Triple {
  return line === "major" ? [v[0], 0, 0] : [v[0], v[1], 0];
}

/** Why `version` is below the floor, or null when it is at or above it. */
export function belowFloor(floor: Floor, version: string): string | null {
  const v = parseVersion(version);
  if (!v) return `version "${version}" is not semver, so it cannot be checked`;
  const mins = floor.minimums.map((m) => parseVersion(m)?.release).filter((m): m is Triple => m !== undefined);
  const myLine = lineOf(v.release, floor.line);
  const same = mins.find((m) => compare(lineOf(m, floor.line), myLine) === 0);
  const newest = mins.reduce((a, b) => (compare(a, b) >= 0 ? a : b));
  const fixes = `needs ${floor.minimums.join(" / ")} or newer (${floor.advisories.join(", ")})`;
  if (same) {
    const c = compare(v.release, same);
    if (c > 0 || (c === 0 && !v.pre)) return null;
    return `${version} is below ${same.join(".")}: ${fixes}`;
  }
  if (compare(myLine, lineOf(newest, floor.line)) > 0) return null;
  return `${version} is on a release line without the fixes: ${fixes}`;
}

/** Production packages below their floor, and compromised versions anywhere in the tree. */
export function dependencyFindings(packages: readonly LockedPackage[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of packages) {
    if (COMPROMISED[p.name]?.includes(p.version)) {
      findings.push({ ...p, problem: `${p.name}@${p.version} is a known malicious release (npm compromise of September 2025)` });
    }
    if (p.dev) continue;
    for (const floor of FLOORS.filter((f) => f.name === p.name)) {
      const problem = belowFloor(floor, p.version);
      if (problem) findings.push({ name: p.name, version: p.version, path: p.path, problem });
    }
  }
  return findings;
}
