// Helm's `semverCompare` as the Airflow chart uses it (`semverCompare ">=3.0.0" .Values.airflowVersion`). Pure.
// Helm evaluates it with Masterminds semver v3: versions are parsed leniently ("3", "3.1", "v3.1.7"), and a
// pre-release version ("3.0.0-rc1") satisfies no constraint written without a pre-release — so such a version is
// neither ">=3.0.0" nor "<3.0.0" for the chart. A version Helm cannot parse fails the render; we answer false.

interface Parsed {
  major: number;
  minor: number;
  patch: number;
  pre: boolean;
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function parseVersion(version: string): Parsed | undefined {
  const m = VERSION.exec(version.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre: m[4] !== undefined };
}

function cmp(a: Parsed, b: Parsed): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** `semverCompare "<op><target>" version` for a release target such as "3.0.0" (no pre-release in the constraint). */
export function semverCompare(op: ">=" | "<", target: string, version: string): boolean {
  const v = parseVersion(version);
  const t = parseVersion(target);
  if (!v || !t || v.pre) return false;
  const c = cmp(v, t);
  return op === ">=" ? c >= 0 : c < 0;
}

/** Airflow ≥ 3.0.0 in the chart's sense. */
export function isAirflow3(airflowVersion: string): boolean {
  return semverCompare(">=", "3.0.0", airflowVersion);
}

/** Airflow < 3.0.0 in the chart's sense (false for a pre-release or unparseable version, like Helm). */
export function isBeforeAirflow3(airflowVersion: string): boolean {
  return semverCompare("<", "3.0.0", airflowVersion);
}
