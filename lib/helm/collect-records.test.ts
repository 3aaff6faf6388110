import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { scrub } from "@/lib/k8s/cache/scrub";
import { CANARY, helmEncode, recordSecret } from "./fixtures/airflow-release";
import { collectReleaseRecords, MAX_RECORDS, recordSecretsOf, type CachedRecord, type SecretReader } from "./collect-records";
import { MASK_MARKER, type MaskOptions } from "./mask";
import { RecordCache } from "./record-cache";

const mask: MaskOptions = { secretValuePaths: ["apiServer.apiServerConfig"], secretStrings: [CANARY.callerString] };

/** A fake API: live Secrets by name, counting reads; `fail` maps a name to an HTTP status. */
function api(live: KubeObject[], fail: Record<string, number> = {}) {
  const reads: string[] = [];
  const read: SecretReader = async (ns, name) => {
    reads.push(`${ns}/${name}`);
    await new Promise((r) => setTimeout(r, 2));
    if (fail[name]) throw Object.assign(new Error(`secrets "${name}" is forbidden: User "system:serviceaccount:fluxtower:fluxtower" cannot get resource "secrets"`), { status: fail[name] });
    const s = live.find((x) => x.metadata.name === name);
    if (!s) throw Object.assign(new Error("not found"), { status: 404 });
    return structuredClone(s);
  };
  return { read, reads };
}

const other: KubeObject = { apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: { name: "airflow-metadata", namespace: "airflow", labels: { release: "airflow" } } };
const otherRelease = { ...recordSecret(1), metadata: { ...recordSecret(1).metadata, name: "sh.helm.release.v1.superset.v1", labels: { name: "superset", owner: "helm", status: "deployed", version: "1" } } };
const live = [recordSecret(2, "superseded"), recordSecret(3, "deployed"), recordSecret(4, "failed")];
// The watch cache holds scrubbed copies: metadata and dataKeys, never data (lib/k8s/cache/scrub.ts).
const cached = [...live, other, otherRelease].map(scrub);

function input(reader: SecretReader, memo = new RecordCache<CachedRecord>(100, 64 * 1024 * 1024, (v) => JSON.stringify(v).length), secrets = cached, options = mask) {
  return { cluster: "prod", releaseName: "airflow", storageNamespace: "airflow", secrets, read: reader, mask: options, memo };
}

describe("recordSecretsOf", () => {
  it("keeps type helm.sh/release.v1 with owner=helm and name=<release>, newest version first", () => {
    expect(recordSecretsOf(cached, "airflow").map((s) => s.metadata.name)).toEqual([
      "sh.helm.release.v1.airflow.v4",
      "sh.helm.release.v1.airflow.v3",
      "sh.helm.release.v1.airflow.v2",
    ]);
    expect(cached.every((s) => s.data === undefined)).toBe(true);
  });
});

describe("collectReleaseRecords", () => {
  it("reads, decodes and masks every record; current = newest deployed, latest = highest version", async () => {
    const { read, reads } = api(live);
    const result = await collectReleaseRecords(input(read));
    expect(result.source).toBe("helm-record");
    expect(result.records.map((r) => [r.version, r.status])).toEqual([[4, "failed"], [3, "deployed"], [2, "superseded"]]);
    expect(result.current?.version).toBe(3);
    expect(result.latest?.version).toBe(4);
    expect(result.error).toBeUndefined();
    expect(reads).toHaveLength(3);
    const text = JSON.stringify(result);
    for (const canary of Object.values(CANARY)) expect(text).not.toContain(canary);
    expect(text).toContain(MASK_MARKER);
  });

  it("says none when Helm has no record for the release", async () => {
    const { read, reads } = api(live);
    const result = await collectReleaseRecords({ ...input(read), releaseName: "airflow-prod-airflow" });
    expect(result).toEqual({ source: "none", releaseName: "airflow-prod-airflow", storageNamespace: "airflow", records: [] });
    expect(reads).toEqual([]);
  });

  it("says why when records exist but cannot be read (forbidden)", async () => {
    const { read } = api(live, { "sh.helm.release.v1.airflow.v4": 403, "sh.helm.release.v1.airflow.v3": 403, "sh.helm.release.v1.airflow.v2": 403 });
    const result = await collectReleaseRecords(input(read));
    expect(result.source).toBe("helm-record");
    expect(result.records).toEqual([]);
    expect(result.error).toBe(`the app's identity may not read Secrets in namespace "airflow" (forbidden), so Helm's release records cannot be read`);
  });

  it("skips a record deleted since the cache listed it, and reports an undecodable one without its content", async () => {
    const garbage = recordSecret(4, "failed", helmEncode(`{"name":"${CANARY.fernetKey}"`));
    const { read } = api([garbage, recordSecret(3)]);
    const result = await collectReleaseRecords(input(read));
    expect(result.records.map((r) => r.version)).toEqual([3]);
    expect(result.current?.version).toBe(3);
    expect(result.error).toBe("Helm record sh.helm.release.v1.airflow.v4 could not be decoded: release payload is not JSON");
    expect(JSON.stringify(result)).not.toContain(CANARY.fernetKey);
  });

  it("memoises per resourceVersion and mask options, and concurrent callers share one read", async () => {
    const { read, reads } = api(live);
    const memo = new RecordCache<CachedRecord>(100, 64 * 1024 * 1024, (v) => JSON.stringify(v).length);
    await Promise.all([collectReleaseRecords(input(read, memo)), collectReleaseRecords(input(read, memo))]);
    expect(reads).toHaveLength(3);
    await collectReleaseRecords(input(read, memo));
    expect(reads).toHaveLength(3);
    // A status label change (helm marks v3 superseded) bumps its resourceVersion: only that one is read again.
    const bumped = cached.map((s) => (s.metadata.name.endsWith(".v3") ? { ...s, metadata: { ...s.metadata, resourceVersion: "2000" } } : s));
    await collectReleaseRecords(input(read, memo, bumped));
    expect(reads).toHaveLength(4);
    // Other mask options never reuse a record masked with different options.
    await collectReleaseRecords(input(read, memo, cached, { secretValuePaths: [], secretStrings: [] }));
    expect(reads).toHaveLength(7);
  });

  it(`reads at most the ${MAX_RECORDS} newest revisions`, async () => {
    const many = Array.from({ length: MAX_RECORDS + 3 }, (_, i) => recordSecret(i + 1, i === MAX_RECORDS + 2 ? "deployed" : "superseded"));
    const { read, reads } = api(many);
    const result = await collectReleaseRecords(input(read, undefined, many.map(scrub)));
    expect(reads).toHaveLength(MAX_RECORDS);
    expect(result.omitted).toBe(3);
    expect(result.records[0].version).toBe(MAX_RECORDS + 3);
    expect(result.records.at(-1)?.version).toBe(4);
  });
});
