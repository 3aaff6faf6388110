// The redaction pass end to end on the realistic AF3 fixture: values from a `valuesFrom` Secret and values at the
// chart's secret paths must not reach any surface of an evaluation (result, JSON export, CHECKLIST.md, sign-off
// evidence), in any encoding, while ordinary evidence stays as it was.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { KubeObject } from "../kinds/object";
import { buildContext } from "./context";
import { exportMarkdown } from "./export-markdown";
import { toJson } from "./export-json";
import { item, scenario, type Scenario } from "./fixtures/mutate";
import { collectSecrets } from "./redact-collect";
import { buildEvidenceSnapshot } from "./signoff";
import type { ChecklistResult } from "./types";

const AF3 = "airflow3-production.yaml";
const VALUES_SECRET = "airflow-secret-values";
const FROM = `(from Secret ${VALUES_SECRET}, not shown)`;

const PLAIN = "cnryPlain7f3a9c2e41";
const TOKEN = "ghp_cnryUrl4b8d1e9f0a7c3";
const CONN_PASS = "cnryConn5e2b8a1d";
const SPEC_PASS = "cnrySpecPass3c9e";
const SPEC_FERNET = "cnrySpecFernet8d1f2a";
const SPEC_TOKEN = "cnrySpecUrl6a0b4c";

/** Substrings of any base64 text that contains `value` (each alignment), as the integration canary test uses. */
function base64Fragments(value: string): string[] {
  return [0, 1, 2].map((pad) => {
    const encoded = Buffer.from("x".repeat(pad) + value).toString("base64");
    return encoded.slice(Math.ceil((pad * 4) / 3) + 1, encoded.length - 4);
  });
}

function secretDoc(name: string, data: Record<string, string>): KubeObject {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name, namespace: "airflow", resourceVersion: "50001" },
    type: "Opaque",
    data: encoded,
  };
}

/** The AF3 fixture with its git ConfigMap replaced by a values Secret (and optional spec.values additions). */
function withSecretValues(values: Record<string, unknown> | string, spec: Record<string, unknown> = {}): Scenario {
  const s = scenario(AF3);
  s.add(secretDoc(VALUES_SECRET, { "values.yaml": typeof values === "string" ? values : stringify(values) }));
  const hr = s.get("HelmRelease");
  const refs = (hr.spec?.valuesFrom as { name: string }[]).filter((r) => r.name !== "airflow-git");
  s.set("HelmRelease", undefined, "spec.valuesFrom", [...refs, { kind: "Secret", name: VALUES_SECRET }]);
  for (const [path, v] of Object.entries(spec)) s.set("HelmRelease", undefined, `spec.values.${path}`, v);
  return s;
}

/** Every surface of one evaluation, as text. */
function surfaces(s: Scenario): { result: ChecklistResult; texts: Record<string, string> } {
  const snapshot = s.snapshot();
  const result = s.evaluate();
  const evidence = buildEvidenceSnapshot(
    result,
    snapshot,
    { name: "adam", groups: ["platform"] },
    "2025-06-20T08:00:00Z",
  );
  return {
    result,
    texts: {
      result: JSON.stringify(result),
      "export.json": toJson(result),
      "export.md": exportMarkdown(result, snapshot),
      "sign-off evidence": JSON.stringify(evidence),
    },
  };
}

function leaks(texts: Record<string, string>, canaries: string[]): string[] {
  return Object.entries(texts).flatMap(([where, text]) =>
    canaries.flatMap((c) => [c, ...base64Fragments(c)].filter((n) => text.includes(n)).map((n) => `${where}: ${n}`)),
  );
}

describe("values from a valuesFrom Secret are never shown", () => {
  const s = withSecretValues({
    dags: { gitSync: { repo: `https://x-access-token:${TOKEN}@github.com/acme/airflow-dags.git`, branch: PLAIN } },
    config: {
      logging: {
        remote_log_conn_id: `host=airflow-db.prod.internal port=5432 user=airflow password=${CONN_PASS} sslmode=require`,
      },
    },
  });
  const { result, texts } = surfaces(s);

  it("in no surface, in no encoding: plain, in a URL's userinfo, in a connection string", () => {
    expect(leaks(texts, [PLAIN, TOKEN, CONN_PASS])).toEqual([]);
  });

  it("the evidence names the Secret instead", () => {
    const git = item(result, "gitsync.enabled");
    expect(git.message).toBe(`git-sync pulls ${FROM}`);
    expect(git.evidence.map((e) => e.text)).toEqual(
      expect.arrayContaining([
        `\`dags.gitSync.repo\` = ${FROM}`,
        `\`dags.gitSync.branch\` = ${FROM}`,
        '`dags.gitSync.subPath` = "dags" (ConfigMap/airflow-values)',
      ]),
    );
    expect(item(result, "logging.remote-conn-id").message).toBe(`Connection id ${FROM}`);
    expect(texts["export.md"]).toContain(`- [x] Repository: ${FROM}`);
    expect(texts["export.md"]).toContain(`- [x] Branch: ${FROM}`);
  });

  it("a value cut short by the display is still recognised", () => {
    const long = `https://x-access-token:${TOKEN}@github.com/acme-platform-engineering/airflow-production-dags-monorepo.git`;
    const { texts: t } = surfaces(withSecretValues({ dags: { gitSync: { repo: long } } }));
    expect(leaks(t, [TOKEN, "airflow-production-dags-monorepo"])).toEqual([]);
  });

  it("a targetPath entry from a Secret is hidden too", () => {
    const t = withSecretValues({});
    t.add(secretDoc("git-creds", { repo: `https://oauth2:${TOKEN}@gitlab.example.com/data/dags.git` }));
    const refs = t.get("HelmRelease").spec?.valuesFrom as unknown[];
    t.set("HelmRelease", undefined, "spec.valuesFrom", [
      ...refs,
      { kind: "Secret", name: "git-creds", valuesKey: "repo", targetPath: "dags.gitSync.repo" },
    ]);
    const { result: r, texts: tx } = surfaces(t);
    expect(leaks(tx, [TOKEN, "gitlab.example.com/data/dags"])).toEqual([]);
    expect(item(r, "gitsync.enabled").message).toBe("git-sync pulls (from Secret git-creds, not shown)");
  });

  it("a values Secret that is not valid YAML is not quoted in the problem", () => {
    const broken = `dags:\n  gitSync:\n    repo: https://x-access-token:${TOKEN}@github.com/acme/dags.git\n  - ${PLAIN}\n`;
    const { result: r, texts: t } = surfaces(withSecretValues(broken));
    expect(leaks(t, [TOKEN, PLAIN])).toEqual([]);
    expect(item(r, "pre.values-sources").status).toBe("fail");
    expect(item(r, "pre.values-sources").message).toContain("(source excerpt not shown)");
  });
});

describe("values at the chart's secret paths in spec.values are never shown", () => {
  const s = withSecretValues(
    {},
    {
      fernetKey: SPEC_FERNET,
      "data.metadataConnection": { user: "airflow", pass: SPEC_PASS, host: "airflow-db.prod.internal", db: "airflow" },
      "dags.gitSync.repo": `https://x-access-token:${SPEC_TOKEN}@github.com/acme/airflow-dags.git`,
    },
  );
  const { result, texts } = surfaces(s);

  it("in no surface", () => {
    expect(leaks(texts, [SPEC_FERNET, SPEC_PASS, SPEC_TOKEN])).toEqual([]);
  });

  it("a URL in spec.values keeps everything but its userinfo", () => {
    expect(item(result, "gitsync.enabled").message).toBe("git-sync pulls https://github.com/acme/airflow-dags.git");
  });
});

describe("nothing else changes", () => {
  it("the AF3 fixture's evidence has nothing hidden", () => {
    const r = scenario(AF3).evaluate();
    const texts = r.items.flatMap((i) => [i.message, ...i.evidence.map((e) => e.text), i.fix?.text ?? ""]);
    expect(texts.filter((t) => t.includes("not shown") || t.includes("***"))).toEqual([]);
    expect(item(r, "gitsync.enabled").message).toBe("git-sync pulls git@github.com:acme/airflow-dags.git");
  });
});

describe("collectSecrets", () => {
  it("takes Secret leaves, secret paths, secret settings and env, and skips public and reference values", () => {
    const s = withSecretValues(
      {
        executor: "CeleryExecutor", // chart default: public
        data: { metadataSecretName: "airflow-metadata" }, // a reference
        dags: { gitSync: { subPath: "dags", branch: "release/2025-q3" } }, // short one-class word vs. a real value
      },
      {
        "data.metadataConnection.pass": "postgres", // the chart default password: public
        "webserver.defaultUser.password": "Adm1n!2025",
        "config.smtp.smtp_password": "smtp-S3cret-77",
        "scheduler.env": [
          { name: "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", value: "postgresql://airflow:EnvP4ss@db/airflow" },
        ],
        extraEnv: "- name: AIRFLOW_CONN_AWS_LOGS\n  value: aws://AKIAEXAMPLE:wJalrXUtnFEMI@/?region_name=eu-west-1\n",
        "extraSecrets.airflow-proxy.stringData": "HTTPS_PROXY: http://proxy_user:Pr0xyPass@10.0.0.10:3128\n",
      },
    );
    const snapshot = s.snapshot();
    const found = new Map(collectSecrets(buildContext(snapshot), snapshot).map((x) => [x.value, x.label]));
    expect(found.get("release/2025-q3")).toBe(FROM);
    expect(found.get("Adm1n!2025")).toBe("(value of webserver.defaultUser.password, not shown)");
    expect(found.get("smtp-S3cret-77")).toBe("(value of config.smtp.smtp_password, not shown)");
    expect(found.get("postgresql://airflow:EnvP4ss@db/airflow")).toBe("(value of scheduler.env.0.value, not shown)");
    expect(found.get("EnvP4ss")).toBe("***");
    expect(found.get("wJalrXUtnFEMI")).toBe("***");
    expect(found.get("Pr0xyPass")).toBe("***");
    for (const open of ["CeleryExecutor", "airflow-metadata", "dags", "postgres"])
      expect(found.has(open), open).toBe(false);
  });
});
