import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CHECKS } from "./checks";
import { editValues, item, scenario } from "./fixtures/mutate";
import { PART_ORDER } from "./types";
import { isMap, mergeMaps } from "./values";

const AF3 = "airflow3-production.yaml";
const AF2 = "airflow2-gaps.yaml";

describe("check catalogue", () => {
  it("ids are unique and every check is described", () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.title && c.why && c.partTitle, c.id).toBeTruthy();
      expect(PART_ORDER).toContain(c.part);
      expect(c.version).toBeGreaterThanOrEqual(1);
      if (c.mode !== "auto") expect(c.attestationFields?.length, c.id).toBeGreaterThan(0);
    }
  });

  it("every fix snippet is exact YAML for a values map", () => {
    for (const c of CHECKS) {
      if (!c.fix?.valuesSnippet) continue;
      const parsed: unknown = parseYaml(c.fix.valuesSnippet);
      expect(isMap(parsed), c.id).toBe(true);
    }
  });

  it("covers every part of seed 002 plus pre/post", () => {
    expect(new Set(CHECKS.map((c) => c.part))).toEqual(new Set(PART_ORDER));
  });
});

describe("Airflow 3 production fixture (chart 1.18)", () => {
  const result = scenario(AF3).evaluate();

  it("no automatic check fails or warns", () => {
    const bad = result.items
      .filter((i) => i.status === "fail" || i.status === "warn")
      .map((i) => `${i.id}: ${i.message}`);
    expect(bad).toEqual([]);
  });

  it("uses Airflow 3 naming: api-server items apply, webserver items do not", () => {
    expect(result.subject.airflowMajor).toBe(3);
    for (const id of ["ha.api-server-replicas", "ha.api-server-pdb", "secrets.api-secret-key", "secrets.jwt-secret"])
      expect(item(result, id).status).toBe("pass");
    for (const id of [
      "ha.webserver-replicas",
      "ha.webserver-pdb",
      "secrets.webserver-secret-key",
      "secrets.rotation.webserver",
    ])
      expect(item(result, id).status).toBe("not-applicable");
  });

  it("only human items are left, so the gate fails until they are attested", () => {
    expect(result.gate).toBe("fail");
    const open = result.items.filter((i) => i.blocking && i.status === "needs-attestation").map((i) => i.mode);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((m) => m !== "auto")).toBe(true);
  });

  it("resolves the targetPath valuesFrom entry for the git repository", () => {
    expect(item(result, "gitsync.enabled").message).toContain("git@github.com:acme/airflow-dags.git");
  });
});

describe("Airflow 2 fixture with the seeded gaps (chart 1.16)", () => {
  const result = scenario(AF2).evaluate();
  const failing = result.items
    .filter((i) => i.status === "fail")
    .map((i) => i.id)
    .sort();

  it("shows exactly the seeded gaps as failures", () => {
    expect(failing).toEqual(
      [
        "db.tls-required",
        "gitsync.containers-ready",
        "gitsync.known-hosts",
        "gitsync.ssh-key-secret",
        "ha.scheduler-pdb",
        "ha.scheduler-replicas",
        "ha.webserver-pdb",
        "ha.webserver-replicas",
        "logging.remote-enabled",
        "logging.retention",
        "pgbouncer.enabled",
        "pgbouncer.pool-sizing",
        "post.no-crashloop",
        "post.pods-ready",
        "post.smoke-test",
        "pre.chart-pinned",
        "pre.secrets-present",
        "secrets.eso-synced",
        "secrets.fernet-key",
        "secrets.no-inline",
      ].sort(),
    );
  });

  it("uses Airflow 2 naming from the chart default airflowVersion (key absent)", () => {
    expect(result.subject.airflowMajor).toBe(2);
    expect(item(result, "secrets.webserver-secret-key").status).toBe("pass");
    expect(item(result, "secrets.api-secret-key").status).toBe("not-applicable");
    expect(item(result, "ha.api-server-pdb").status).toBe("not-applicable");
  });

  it("absent keys evaluate as chart defaults, and evidence says so", () => {
    const pgb = item(result, "pgbouncer.enabled");
    expect(pgb.evidence[0].text).toBe("`pgbouncer.enabled` = false (chart default)");
    expect(item(result, "ha.scheduler-replicas").evidence[0].text).toBe("`scheduler.replicas` = 1 (chart default)");
    expect(item(result, "monitoring.metrics-enabled").status).toBe("pass");
  });

  it("failures carry fix hints with exact values snippets", () => {
    expect(item(result, "pgbouncer.enabled").fix?.valuesSnippet).toContain("pgbouncer:\n  enabled: true");
    expect(item(result, "ha.webserver-pdb").fix?.valuesSnippet).toBe(
      "webserver:\n  replicas: 2\n  podDisruptionBudget:\n    enabled: true\n    config:\n      maxUnavailable: 1\n",
    );
    expect(parseYaml(item(result, "secrets.no-inline").fix?.valuesSnippet ?? "")).toEqual({
      fernetKeySecretName: "airflow-fernet-key",
    });
  });

  it("never shows the inlined secret's value", () => {
    const json = JSON.stringify(result);
    expect(json).not.toContain("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    expect(json).not.toContain("6c0b2f9e4a8d1c7b3e5f0a9d2c4b6e8f");
  });
});

describe("Airflow 3 on an older chart", () => {
  it("AF3 on chart 1.17 reads webserverSecretKeySecretName; the API-key item does not apply", () => {
    // charts/airflow/1.17.0/templates/_helpers.yaml L94-99: AIRFLOW__WEBSERVER__SECRET_KEY for every Airflow
    // version; 1.17 has no AIRFLOW__API__SECRET_KEY (added in 1.18.0 _helpers.yaml L101).
    const s = scenario(AF3);
    editValues(s, (v) => {
      v.webserverSecretKeySecretName = "airflow-webserver-secret-key";
      delete v.apiSecretKeySecretName;
    });
    if (s.helm) s.helm.chartVersion = "1.17.0";
    s.add({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "airflow-webserver-secret-key", namespace: "airflow" },
      data: { "webserver-secret-key": "eA==" },
    });
    const result = s.evaluate();
    expect(item(result, "secrets.webserver-secret-key").status).toBe("pass");
    const api = item(result, "secrets.api-secret-key");
    expect(api.status).toBe("not-applicable");
    expect(api.message).toContain("1.17.0");
  });
});

describe("applying a fix snippet to spec.values clears the values-only failure", () => {
  it.each([
    ["pgbouncer.enabled", "warn"],
    ["logging.remote-enabled", "pass"],
    ["gitsync.known-hosts", "pass"],
    ["db.external-postgres", "pass"],
  ])("%s → %s", (id, after) => {
    const s = scenario(AF2);
    if (id === "db.external-postgres") s.set("HelmRelease", undefined, "spec.values.postgresql.enabled", true);
    const before = item(s.evaluate(), id);
    expect(before.status).toBe("fail");
    const patch = parseYaml(before.fix?.valuesSnippet ?? "") as Record<string, unknown>;
    const release = s.get("HelmRelease");
    s.set("HelmRelease", undefined, "spec.values", mergeMaps(release.spec?.values as Record<string, unknown>, patch));
    // pgbouncer: the AF2 fixture's own metadata Secret connects straight to the database, so enabling PgBouncer
    // is not pooling (issue 19 fact 6): the item warns and says so.
    const i = item(s.evaluate(), id);
    expect(i.status, i.message).toBe(after);
    if (after === "warn") expect(i.message).toContain("bypasses PgBouncer");
  });
});
