// Read, decode and mask a release's Helm records, given the cached (scrubbed) record Secrets and a function that reads
// one Secret live. No I/O of its own: release-records.ts binds the reader to the Kubernetes API. Only masked records
// are memoised, keyed by cluster, namespace, Secret name, resourceVersion and the mask options.
import { createHash } from "node:crypto";
import type { KubeObject } from "@/lib/kinds/object";
import { maskRecord, type MaskOptions } from "./mask";
import type { RecordCache } from "./record-cache";
import { decodeReleaseSecret, HelmRecordError, type HelmReleaseRecord } from "./release-record";

/** At most this many newest revisions are read (Flux keeps 5 by default; `maxHistory: 0` keeps them all). */
export const MAX_RECORDS = 20;

export interface ReleaseRecords {
  /** "helm-record" when record Secrets exist for the release, "none" when Helm has none. */
  source: "helm-record" | "none";
  releaseName: string;
  storageNamespace: string;
  /** Masked records, newest (highest version) first. */
  records: HelmReleaseRecord[];
  /** The newest record with status `deployed`. */
  current?: HelmReleaseRecord;
  /** The record with the highest version. */
  latest?: HelmReleaseRecord;
  /** Why some or all records could not be read (e.g. forbidden), when record Secrets exist. */
  error?: string;
  /** Older record Secrets not read (more than MAX_RECORDS exist). */
  omitted?: number;
}

/** A decoded-and-masked record, or why it could not be decoded (kept too, so garbage is not re-read). */
export type CachedRecord = { record: HelmReleaseRecord } | { undecodable: string };

/** Reads one Secret as returned by the API; rejects with an error carrying `status` (403, 404, …) on failure. */
export type SecretReader = (namespace: string, name: string) => Promise<unknown>;

function versionLabel(s: KubeObject): number {
  const v = Number(s.metadata.labels?.version);
  return Number.isSafeInteger(v) ? v : -1;
}

/** The record Secrets of `release` among cached Secrets (type, owner=helm, name=<release>), newest first. */
export function recordSecretsOf(secrets: KubeObject[], release: string): KubeObject[] {
  return secrets
    .filter((s) => s.type === "helm.sh/release.v1" && s.metadata.labels?.owner === "helm" && s.metadata.labels?.name === release)
    .sort((a, b) => versionLabel(b) - versionLabel(a));
}

/** Stable fingerprint of the mask options (part of the memo key; never stored as such). */
export function maskFingerprint(options: MaskOptions): string {
  const canonical = JSON.stringify([[...new Set(options.secretValuePaths)].sort(), [...new Set(options.secretStrings)].sort()]);
  return createHash("sha256").update(canonical).digest("hex");
}

function status(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === "number" ? s : undefined;
}

function reason(err: unknown, ns: string): string {
  if (status(err) === 403)
    return `the app's identity may not read Secrets in namespace "${ns}" (forbidden), so Helm's release records cannot be read`;
  return `Helm's release records in namespace "${ns}" could not be read: ${err instanceof Error ? err.message : String(err)}`;
}

export interface CollectInput {
  cluster: string;
  releaseName: string;
  storageNamespace: string;
  /** Cached Secrets of the storage namespace (metadata and dataKeys only). */
  secrets: KubeObject[];
  read: SecretReader;
  mask: MaskOptions;
  memo: RecordCache<CachedRecord>;
}

/** Read every record of one release (newest MAX_RECORDS), masked. */
export async function collectReleaseRecords(input: CollectInput): Promise<ReleaseRecords> {
  const { cluster, releaseName, storageNamespace: ns } = input;
  const all = recordSecretsOf(input.secrets, releaseName);
  const base = { releaseName, storageNamespace: ns };
  if (!all.length) return { source: "none", ...base, records: [] };
  const wanted = all.slice(0, MAX_RECORDS);
  const fingerprint = maskFingerprint(input.mask);
  const errors = new Set<string>();
  const results = await Promise.all(
    wanted.map(async (s) => {
      const key = [cluster, ns, s.metadata.name, s.metadata.resourceVersion ?? "", fingerprint].join("\u0000");
      try {
        return await input.memo.get(key, async (): Promise<CachedRecord> => {
          const live = await input.read(ns, s.metadata.name);
          try {
            return { record: maskRecord(decodeReleaseSecret(live), input.mask) };
          } catch (err) {
            if (err instanceof HelmRecordError) return { undecodable: err.message };
            throw err;
          }
        });
      } catch (err) {
        if (status(err) !== 404) errors.add(reason(err, ns)); // 404: deleted since the cache listed it
        return undefined;
      }
    }),
  );
  const records: HelmReleaseRecord[] = [];
  results.forEach((r, i) => {
    if (!r) return;
    if ("record" in r) records.push(r.record);
    else errors.add(`Helm record ${wanted[i].metadata.name} could not be decoded: ${r.undecodable}`);
  });
  records.sort((a, b) => b.version - a.version);
  return {
    source: "helm-record",
    ...base,
    records,
    current: records.find((r) => r.status === "deployed"),
    latest: records[0],
    error: errors.size ? [...errors].join("; ") : undefined,
    omitted: all.length > wanted.length ? all.length - wanted.length : undefined,
  };
}
