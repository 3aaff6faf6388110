// Minimal semver for chart version constraints: exact, x-ranges (1.18.x, *), ^, ~, comparators (>=1.16 <2), ||.
export type Version = [number, number, number];

export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function matchComparator(v: Version, comp: string): boolean {
  const m = /^(>=|<=|>|<|=|\^|~)?\s*v?([\dxX*]+(?:\.[\dxX*]+)?(?:\.[\dxX*]+)?)$/.exec(comp.trim());
  if (!m) return false;
  const op = m[1] ?? "";
  const parts = m[2].split(".");
  const wild = parts.findIndex((p) => p === "x" || p === "X" || p === "*");
  const fixed = (wild < 0 ? parts : parts.slice(0, wild)).map(Number);
  const missing = wild >= 0 ? 3 - wild : 3 - parts.length;
  const base: Version = [fixed[0] ?? 0, fixed[1] ?? 0, fixed[2] ?? 0];
  if (op === "" || op === "=") {
    if (wild < 0 && missing === 0) return compareVersions(v, base) === 0;
    return fixed.every((n, i) => v[i] === n);
  }
  if (op === "^") {
    const lead = base[0] > 0 ? 0 : base[1] > 0 ? 1 : 2;
    return compareVersions(v, base) >= 0 && fixed.slice(0, lead + 1).every((n, i) => v[i] === n);
  }
  if (op === "~") return compareVersions(v, base) >= 0 && v[0] === base[0] && (fixed.length < 2 || v[1] === base[1]);
  const c = compareVersions(v, base);
  if (op === ">=") return c >= 0;
  if (op === ">") return c > 0;
  if (op === "<=") return c <= 0;
  return c < 0;
}

export function satisfies(version: string, constraint: string): boolean {
  const v = parseVersion(version);
  if (!v) return version === constraint;
  const c = constraint.trim();
  if (c === "" || c === "*" || c === "x") return true;
  return c.split("||").some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|=)\s+/g, "$1")
      .split(/[\s,]+/)
      .filter(Boolean)
      .every((comp) => matchComparator(v, comp)),
  );
}

/** Highest version satisfying the constraint. */
export function maxSatisfying(versions: string[], constraint: string): string | undefined {
  const ok = versions.filter((v) => satisfies(v, constraint));
  ok.sort((a, b) => compareVersions(parseVersion(b) ?? [0, 0, 0], parseVersion(a) ?? [0, 0, 0]));
  return ok[0];
}
