// S22: the documented minimum versions, asserted against the real package-lock.json (what `npm ci` installs), and
// the floor rule itself on versions named in the advisories.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { belowFloor, dependencyFindings, FLOORS, lockedPackages, parseVersion, type Floor, type LockedPackage } from "./dependency-floors";

const ROOT = path.resolve(__dirname, "../..");
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as unknown;
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const installed = lockedPackages(lock);
const floor = (name: string): Floor => FLOORS.find((f) => f.name === name) as Floor;
const top = (name: string): LockedPackage | undefined => installed.find((p) => p.path === `node_modules/${name}`);

describe("package-lock.json meets the documented floors (SECURITY.md S22)", () => {
  it("no production package is below its floor and no compromised version is installed", () => {
    expect(dependencyFindings(installed)).toEqual([]);
  });

  it.each([
    ["next", "16.2.6"],
    ["react", "19.2.6"],
    ["react-dom", "19.2.6"],
  ])("%s is a production dependency at or above %s (the lockfile agrees with package.json)", (name, minimum) => {
    const p = top(name);
    expect(p, `${name} in package-lock.json`).toBeDefined();
    expect(p?.dev).toBe(false);
    expect(p?.version).toBe(pkg.dependencies[name]);
    const [v, m] = [parseVersion(p?.version ?? "")?.release, parseVersion(minimum)?.release];
    expect(v && m && (v[0] - m[0] || v[1] - m[1] || v[2] - m[2]) >= 0, `${name}@${p?.version} >= ${minimum}`).toBe(true);
  });

  it("every copy of next and react in the tree is checked, nested ones included", () => {
    const copies = installed.filter((p) => ["next", "react", "react-dom"].includes(p.name));
    expect(copies.length).toBeGreaterThanOrEqual(3);
    for (const p of copies) expect(belowFloor(floor(p.name), p.version), p.path).toBeNull();
  });
});

describe("the floor rule", () => {
  it.each([
    // Next.js: React2Shell was fixed in 15.5.7 / 16.0.7; the later advisories raise the floor of each line.
    ["next", "16.0.6", /below 16\.2\.6/],
    ["next", "16.0.7", /below 16\.2\.6/],
    ["next", "16.2.5", /below 16\.2\.6/],
    ["next", "16.2.6-canary.3", /below 16\.2\.6/],
    ["next", "15.5.17", /below 15\.5\.18/],
    ["next", "15.2.2", /below 15\.5\.18.*CVE-2025-29927/],
    ["next", "14.2.25", /release line without the fixes/],
    ["next", "13.5.6", /release line without the fixes/],
    ["react", "19.2.0", /below 19\.2\.6/],
    ["react-dom", "19.1.1", /below 19\.1\.7/],
    ["react", "18.3.1", /release line without the fixes/],
    ["form-data", "4.0.3", /CVE-2025-7783/],
    ["ws", "8.17.0", /CVE-2024-37890/],
    ["jsonpath-plus", "10.2.0", /CVE-2025-1302/],
    ["tar-fs", "3.0.8", /CVE-2025-59343/],
    ["next", "latest", /not semver/],
  ])("%s@%s is refused", (name, version, problem) => {
    expect(belowFloor(floor(name), version)).toMatch(problem);
  });

  it.each([
    ["next", "16.2.6"],
    ["next", "16.4.6"],
    ["next", "17.0.0"],
    ["next", "15.5.18"],
    ["react", "19.2.6"],
    ["react", "19.3.1"],
    ["react-dom", "20.0.0"],
    ["form-data", "2.5.5"],
    ["ws", "8.23.0"],
  ])("%s@%s is accepted", (name, version) => {
    expect(belowFloor(floor(name), version)).toBeNull();
  });

  it("a vulnerable nested copy is found by its path; floors apply to production packages, compromised versions everywhere", () => {
    const findings = dependencyFindings([
      { name: "next", version: "16.4.6", dev: false, path: "node_modules/next" },
      { name: "next", version: "15.1.0", dev: false, path: "node_modules/some-plugin/node_modules/next" },
      { name: "ws", version: "8.16.0", dev: true, path: "node_modules/playwright-core/node_modules/ws" },
      { name: "debug", version: "4.4.2", dev: true, path: "node_modules/eslint/node_modules/debug" },
      { name: "debug", version: "4.4.3", dev: false, path: "node_modules/debug" },
    ]);
    expect(findings.map((f) => f.path)).toEqual(["node_modules/some-plugin/node_modules/next", "node_modules/eslint/node_modules/debug"]);
    expect(findings[1].problem).toMatch(/known malicious release/);
  });

  it("reads npm's v3 lockfile format, marking dev-only packages", () => {
    const parsed = lockedPackages({
      lockfileVersion: 3,
      packages: {
        "": { name: "fluxtower", version: "0.1.0" },
        "node_modules/next": { version: "16.4.6" },
        "node_modules/eslint": { version: "9.39.5", dev: true },
        "node_modules/fsevents": { version: "2.3.3", devOptional: true },
        "node_modules/alias": { name: "real-name", version: "1.0.0" },
        "lib/linked": { link: true },
      },
    });
    expect(parsed).toEqual([
      { name: "next", version: "16.4.6", dev: false, path: "node_modules/next" },
      { name: "eslint", version: "9.39.5", dev: true, path: "node_modules/eslint" },
      { name: "fsevents", version: "2.3.3", dev: true, path: "node_modules/fsevents" },
      { name: "real-name", version: "1.0.0", dev: false, path: "node_modules/alias" },
    ]);
    expect(() => lockedPackages({ lockfileVersion: 1, dependencies: {} })).toThrow(/lockfileVersion 2 or 3/);
  });
});
