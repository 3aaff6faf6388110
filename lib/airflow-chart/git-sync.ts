// git-sync facts of the official chart (templates/_helpers.yaml `git_sync_container`, 1.16–1.19). Pure.

import { readValues, truthy, type Values } from "./values";
import { chartLine } from "./versions";

import { GIT_SYNC_CREDENTIAL_KEYS } from "./secrets";

export { GIT_SYNC_CREDENTIAL_KEYS };

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds of a Go duration string ("5s", "1m30s", "500ms", "1.5h"); undefined when it is not one. */
export function goDurationSeconds(text: string): number | undefined {
  const s = text.trim();
  if (s === "0") return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]];
    matched = re.lastIndex;
  }
  return matched > 0 && matched === s.length ? total : undefined;
}

/**
 * The interval between syncs: `dags.gitSync.wait` (seconds, emitted as GIT_SYNC_WAIT only when set, and it wins
 * in git-sync) over `dags.gitSync.period` (a Go duration, default "5s", GITSYNC_PERIOD). Undefined when unreadable.
 */
export function gitSyncIntervalSeconds(values: Values, chartVersion?: string): number | undefined {
  const v = readValues(chartLine(chartVersion), values ?? {});
  const wait = v.get("dags.gitSync.wait");
  if (truthy(wait)) {
    const n = typeof wait === "number" ? wait : Number(wait);
    return Number.isFinite(n) ? n : undefined;
  }
  const period = v.get("dags.gitSync.period");
  if (typeof period === "number") return period;
  return typeof period === "string" ? goDurationSeconds(period) : undefined;
}

export type GitSyncAuth =
  | { kind: "ssh"; secret: string; renderedByChart: boolean; knownHosts: boolean }
  | { kind: "https"; secret: string; keys: readonly string[] }
  | { kind: "none" };

/** How git-sync authenticates: SSH (sshKeySecret or inline sshKey) takes precedence over credentialsSecret. */
export function gitSyncAuth(values: Values, fullname: string, chartVersion?: string): GitSyncAuth {
  const v = readValues(chartLine(chartVersion), values ?? {});
  const sshKeySecret = v.str("dags.gitSync.sshKeySecret");
  const inline = v.on("dags.gitSync.sshKey");
  if (sshKeySecret || inline) {
    return {
      kind: "ssh",
      secret: sshKeySecret ?? `${fullname}-ssh-secret`,
      renderedByChart: inline && v.on("dags.gitSync.enabled"),
      knownHosts: v.on("dags.gitSync.knownHosts"),
    };
  }
  const credentials = v.str("dags.gitSync.credentialsSecret");
  if (credentials) {
    return {
      kind: "https",
      secret: credentials,
      keys: GIT_SYNC_CREDENTIAL_KEYS,
    };
  }
  return { kind: "none" };
}
