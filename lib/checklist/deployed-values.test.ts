import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { judgeValues, pendingText, pendingValues } from "./deployed-values";
import { HELM_VALUE_MASK, type HelmDeployedFacts } from "./helm-facts";

const M = HELM_VALUE_MASK;

function hr(values: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: "airflow", namespace: "airflow" },
    spec: { chart: { spec: { chart: "airflow", version: "1.18.0" } }, values },
  };
}

const record = (config: Record<string, unknown>, extra: Partial<HelmDeployedFacts> = {}): HelmDeployedFacts => ({
  source: "helm-record",
  revision: 4,
  status: "deployed",
  chartVersion: "1.18.0",
  config,
  ...extra,
});

describe("pendingValues", () => {
  it.each([
    ["equal trees", { a: { b: 1 } }, { a: { b: 1 } }, []],
    ["a changed leaf", { a: { b: 1 } }, { a: { b: 2 } }, ["a.b"]],
    ["a key only the HelmRelease has", {}, { scheduler: { replicas: 2 } }, ["scheduler"]],
    ["a key removed in the HelmRelease", { x: 1 }, {}, ["x"]],
    ["lists compare whole", { env: [{ name: "A" }] }, { env: [{ name: "A" }, { name: "B" }] }, ["env"]],
    ["a masked deployed value equals any value", { fernetKey: M }, { fernetKey: "abc" }, []],
    ["a masked value inside a list", { env: [{ name: "A", value: M }] }, { env: [{ name: "A", value: "v" }] }, []],
    ["a masked value the HelmRelease dropped", { fernetKey: M }, {}, ["fernetKey"]],
    // lib/helm masks URL userinfo in place: `postgresql://<set, hidden>@host/db`.
    ["a URL with masked userinfo", { url: `postgresql://${M}@db:5432/af` }, { url: "postgresql://u:p@db:5432/af" }, []],
    [
      "a URL with masked userinfo, other host",
      { url: `postgresql://${M}@db:5432/af` },
      { url: "postgresql://u:p@db2:5432/af" },
      ["url"],
    ],
  ])("%s", (_n, deployed, asked, paths) => {
    expect(pendingValues(deployed, asked).map((p) => p.path)).toEqual(paths);
  });
});

describe("pending values are shown only when nothing suggests a secret", () => {
  const smtp = (v: unknown) => ({ config: { smtp: v === undefined ? {} : { smtp_password: v } } });
  it.each([
    ["an ordinary value", { scheduler: { replicas: 2 } }, { scheduler: { replicas: 3 } }, "3 at `scheduler.replicas`"],
    ["a secret-looking name", smtp("old-canary"), smtp("n3w-canary"), "another value (not shown) at"],
    [
      "a partly masked deployed value",
      { x: { url: `s3://${M}/a` } },
      { x: { url: "gs://b-canary" } },
      "another value (not shown) at",
    ],
    ["a new secret-looking key", smtp(undefined), smtp("n3w-canary"), "another value (not shown) at"],
    ["a new subtree is summarised", {}, smtp("n3w-canary"), "a map at `config`"],
    ["a removed key", { scheduler: { replicas: 2 } }, {}, "the key removed at `scheduler`"],
  ])("%s", (_n, deployed, asked, shown) => {
    const [p] = pendingValues(deployed, asked);
    const words = pendingText(p, undefined);
    expect(words).toContain(`asks for ${shown}`);
    expect(words).not.toContain("canary");
  });

  // A masked deployed value cannot be compared: a changed secret is not reported as pending (nor shown).
  it("a masked deployed value is taken as equal", () => {
    expect(pendingValues(smtp(M), smtp("n3w-canary"))).toEqual([]);
  });

  it("a value from a valuesFrom Secret is never shown", () => {
    const release = hr({});
    release.spec = {
      ...release.spec,
      valuesFrom: [{ kind: "Secret", name: "airflow-extra", valuesKey: "values.yaml" }],
    };
    const j = judgeValues(
      release,
      [
        {
          kind: "Secret",
          name: "airflow-extra",
          data: { "values.yaml": "config:\n  core:\n    plain_looking: s3cret-canary\n" },
        },
      ],
      {},
      record({ config: { core: { plain_looking: "old" } } }),
    );
    expect(j.pending.map((p) => p.path)).toEqual(["config.core.plain_looking"]);
    expect(j.origin("config.core.plain_looking")).not.toContain("s3cret-canary");
  });
});

describe("judgeValues", () => {
  it("without a record judges the HelmRelease's values and says so", () => {
    const j = judgeValues(hr({ scheduler: { replicas: 2 } }), [], { scheduler: { replicas: 1 } }, undefined);
    expect(j.judgedFrom).toBe("helmrelease");
    expect(j.values).toEqual({ scheduler: { replicas: 2 } });
    expect(j.sourceText).toBe("No Helm release record readable (not read): judged from the HelmRelease's values");
    expect(j.origin("scheduler.replicas")).toBe("spec.values");
  });

  it("a record without config is no record", () => {
    expect(judgeValues(hr({}), [], {}, { source: "helm-record" }).judgedFrom).toBe("helmrelease");
  });

  it("with a record judges defaults ⊕ deployed config; masked values come from the HelmRelease", () => {
    const j = judgeValues(
      hr({ scheduler: { replicas: 3 }, data: { metadataSecretName: "md" } }),
      [],
      { scheduler: { replicas: 1 }, pgbouncer: { enabled: false } },
      record({ scheduler: { replicas: 2 }, data: { metadataSecretName: M } }),
    );
    expect(j.judgedFrom).toBe("helm-record");
    expect(j.values).toEqual({
      scheduler: { replicas: 2 },
      pgbouncer: { enabled: false },
      data: { metadataSecretName: "md" },
    });
    expect(j.pending.map((p) => p.path)).toEqual(["scheduler.replicas"]);
    expect(j.origin("scheduler.replicas")).toBe(
      "deployed by Helm rev 4; pending: the HelmRelease asks for 3 at `scheduler.replicas`, Helm has not applied it yet",
    );
    expect(j.origin("data.metadataSecretName")).toBe("spec.values");
    expect(j.origin("pgbouncer.enabled")).toBe("chart default");
    expect(j.origin("nothing.here")).toBe("unset");
  });

  it("never shows a pending secret value", () => {
    const p = { path: "webserverSecretKey", asked: "hunter2-canary", deployed: M, hidden: true };
    expect(pendingText(p, record({}, { pending: { message: "upgrade failed" } }))).toBe(
      "pending: the HelmRelease asks for another value (not shown) at `webserverSecretKey`, Helm has not applied it: upgrade failed",
    );
  });
});
