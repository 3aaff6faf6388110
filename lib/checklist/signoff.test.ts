import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "./fixtures/load";
import { item, scenario, type Scenario } from "./fixtures/mutate";
import {
  buildEvidenceSnapshot,
  diffRuns,
  signoffState,
  signoffStateDetail,
  snapshotFacts,
  verifyEvidenceHash,
  type EvidenceSnapshot,
} from "./signoff";
import type { Attestation } from "./types";

const AF3 = "airflow3-production.yaml";
const signer = { name: "adam", groups: ["platform-admins", "airflow-owners"] };
const LATER = "2025-06-21T08:00:00Z";

function attestAll(): Attestation[] {
  const base = { attestedBy: "olga", attestedAt: "2025-06-19T00:00:00Z", expiresAt: "2025-09-19T00:00:00Z" };
  return [
    { checkId: "db.provider-backups", fields: { provider: "AWS RDS", backupFrequency: "Daily" }, ...base },
    { checkId: "logging.retention", fields: { retentionDays: "30", encryption: "true" }, ...base },
    { checkId: "secrets.rotation.metadata", fields: { policy: "Quarterly" }, ...base },
    { checkId: "secrets.rotation.fernet", fields: { policy: "Never (break existing)" }, ...base },
    { checkId: "secrets.rotation.api", fields: { policy: "Annual" }, ...base },
    { checkId: "secrets.rotation.jwt", fields: { policy: "Annual" }, ...base },
    { checkId: "secrets.rotation.git-ssh", fields: { policy: "Annual" }, ...base },
    {
      checkId: "monitoring.dashboards-alerts",
      fields: { dashboardUrl: "https://grafana.example.com/d/af", alertRouting: "PagerDuty" },
      ...base,
    },
    {
      checkId: "post.smoke-test",
      fields: { testRun: "r1", dagsSynced: "true", logsVisible: "true", metricsVisible: "true" },
      ...base,
    },
  ];
}

function signed(s: Scenario = scenario(AF3)): { evidence: EvidenceSnapshot; s: Scenario } {
  const result = s.evaluate({ attestations: attestAll() });
  expect(result.gate).toBe("pass");
  return { evidence: buildEvidenceSnapshot(result, s.snapshot(), signer, FIXTURE_NOW), s };
}

describe("buildEvidenceSnapshot", () => {
  it("records items with check versions, revisions, resourceVersions, digest, signer and time", () => {
    const { evidence } = signed();
    expect(evidence.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(evidence.items.find((i) => i.id === "ha.scheduler-replicas")).toMatchObject({
      version: 1,
      status: "pass",
      blocking: true,
    });
    expect(evidence.facts).toMatchObject({ helmRevision: 7, chartVersion: "1.18.0", lastAttemptedRevision: "1.18.0" });
    expect(evidence.facts.valuesDigest).toMatch(/^sha256:/);
    expect(evidence.flux.helmRelease.history0).toMatchObject({
      chartVersion: "1.18.0",
      version: 7,
      status: "deployed",
    });
    expect(evidence.flux.sources.find((f) => f.kind === "HelmRepository")?.revision).toMatch(/^sha256:/);
    expect(evidence.objects.find((o) => o.kind === "HelmRelease")?.resourceVersion).toBe("48213");
    expect(evidence.objects.some((o) => o.kind === "Secret" && o.name === "airflow-metadata")).toBe(true);
    expect(evidence.objects.some((o) => o.kind === "ExternalSecret")).toBe(true);
    expect(evidence.eso.every((e) => e.ready === "True")).toBe(true);
    expect(evidence.signer.groups).toEqual(["airflow-owners", "platform-admins"]);
    expect(evidence.expiresAt).toBe("2025-09-18T08:00:00.000Z");
  });

  it("is immutable and its hash verifies", () => {
    const { evidence } = signed();
    expect(Object.isFrozen(evidence)).toBe(true);
    expect(Object.isFrozen(evidence.items[0])).toBe(true);
    expect(verifyEvidenceHash(evidence)).toBe(true);
    const tampered = { ...evidence, gate: "fail" as const };
    expect(verifyEvidenceHash(tampered)).toBe(false);
  });

  it("the hash is stable for the same inputs (group order does not matter)", () => {
    const a = signed().evidence.hash;
    const s = scenario(AF3);
    const result = s.evaluate({ attestations: attestAll() });
    const b = buildEvidenceSnapshot(
      result,
      s.snapshot(),
      { name: "adam", groups: ["airflow-owners", "platform-admins"] },
      FIXTURE_NOW,
    ).hash;
    expect(b).toBe(a);
  });

  it.each<[string, (s: Scenario) => void, { signer?: typeof signer; now?: string }]>([
    ["signer name", () => undefined, { signer: { ...signer, name: "eve" } }],
    ["signer groups", () => undefined, { signer: { ...signer, groups: ["platform-admins"] } }],
    ["signing time", () => undefined, { now: "2025-06-20T08:00:01Z" }],
    [
      "a workload resourceVersion",
      (s) => s.set("Deployment", "airflow-statsd", "metadata.resourceVersion", "2001"),
      {},
    ],
    ["a Secret resourceVersion", (s) => s.set("Secret", "airflow-jwt-secret", "metadata.resourceVersion", "4001"), {}],
    ["a source revision", (s) => s.set("HelmRepository", undefined, "status.artifact.revision", "sha256:ffff"), {}],
    ["the values", (s) => s.set("HelmRelease", undefined, "spec.values.triggerer.replicas", 3), {}],
    [
      "an item status",
      (s) =>
        s.set("Pod", "airflow-scheduler-7c9d8b6f5-2kq4x", "status.containerStatuses[0].lastState", {
          terminated: { finishedAt: "2025-06-20T07:59:00Z" },
        }),
      {},
    ],
  ])("the hash changes when %s changes", (_n, edit, over) => {
    const base = signed().evidence.hash;
    const s = scenario(AF3);
    edit(s);
    const result = s.evaluate({ attestations: attestAll() });
    const other = buildEvidenceSnapshot(result, s.snapshot(), over.signer ?? signer, over.now ?? FIXTURE_NOW).hash;
    expect(other).not.toBe(base);
  });

  it("never contains Secret values", () => {
    const json = JSON.stringify(signed().evidence);
    expect(json).not.toContain("s3cr");
    expect(json).not.toContain("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  });
});

describe("signoffState", () => {
  const current = (edit: (s: Scenario) => void = () => undefined) => {
    const s = scenario(AF3);
    edit(s);
    return { result: s.evaluate({ attestations: attestAll() }, LATER), facts: snapshotFacts(s.snapshot(LATER)) };
  };

  it("approved while nothing changed", () => {
    const { evidence } = signed();
    const c = current();
    expect(signoffState(evidence, c.result, c.facts, LATER)).toBe("approved");
  });

  it("stale when the scheduler is scaled back to 1 with kubectl (blocking item regressed)", () => {
    const { evidence } = signed();
    const c = current((s) => s.set("Deployment", "airflow-scheduler", "spec.replicas", 1));
    expect(item(c.result, "ha.scheduler-replicas").status).toBe("fail");
    const d = signoffStateDetail(evidence, c.result, c.facts, LATER);
    expect(d.state).toBe("stale");
    expect(d.reasons).toEqual(["ha.scheduler-replicas regressed: pass → fail"]);
  });

  it("stale when the values change (even if every item still passes)", () => {
    const { evidence } = signed();
    const c = current((s) => s.set("HelmRelease", undefined, "spec.values.triggerer.replicas", 3));
    expect(c.result.gate).toBe("pass");
    expect(signoffStateDetail(evidence, c.result, c.facts, LATER).reasons).toEqual(["values changed"]);
  });

  it("stale when the Helm release revision changes", () => {
    const { evidence } = signed();
    const c = current((s) => s.set("HelmRelease", undefined, "status.history[0].version", 8));
    expect(signoffState(evidence, c.result, c.facts, LATER)).toBe("stale");
  });

  it("a non-blocking regression does not make it stale", () => {
    const { evidence } = signed();
    const c = current((s) =>
      s
        .set("HelmRelease", undefined, "spec.values.triggerer.replicas", 2)
        .set("StatefulSet", "airflow-triggerer", "status.readyReplicas", 1),
    );
    expect(item(c.result, "ha.triggerer-replicas").status).toBe("warn");
    expect(signoffState(evidence, c.result, c.facts, LATER)).toBe("approved");
  });

  it("expired after expiresAt, whatever else holds", () => {
    const { evidence } = signed();
    const c = current();
    expect(signoffState(evidence, c.result, c.facts, "2025-09-18T08:00:00Z")).toBe("expired");
  });
});

describe("diffRuns", () => {
  it("lists items whose status changed, plus added and removed items", () => {
    const prev = {
      items: [
        { id: "a", status: "pass" as const },
        { id: "b", status: "fail" as const },
        { id: "gone", status: "pass" as const },
      ],
    };
    const next = {
      items: [
        { id: "a", status: "pass" as const },
        { id: "b", status: "waived" as const, title: "B" },
        { id: "new", status: "warn" as const },
      ],
    };
    expect(diffRuns(prev, next)).toEqual([
      { id: "b", title: "B", from: "fail", to: "waived" },
      { id: "new", title: undefined, from: undefined, to: "warn" },
      { id: "gone", title: undefined, from: "pass" },
    ]);
  });

  it("shows the kubectl scale-down between two real runs", () => {
    const before = scenario(AF3).evaluate();
    const after = scenario(AF3).set("Deployment", "airflow-scheduler", "spec.replicas", 1).evaluate();
    expect(diffRuns(before, after).map((c) => `${c.id}:${c.from}→${c.to}`)).toEqual([
      "ha.scheduler-replicas:pass→fail",
    ]);
  });
});
