import { describe, expect, it } from "vitest";
import { CANARY, recordSecret } from "./fixtures/airflow-release";
import { MASK_MARKER, maskRecord, type MaskOptions } from "./mask";
import { secretReplacer, stripUrlUserinfo } from "./mask-strings";
import { decodeReleaseSecret, type ManifestObject } from "./release-record";

const record = decodeReleaseSecret(recordSecret(3));
// The lead passes the valuesFrom Secret's targetPath (here: the API server's webserver_config.py came from a Secret)
// and the values it read from valuesFrom Secrets.
const options: MaskOptions = { secretValuePaths: ["apiServer.apiServerConfig"], secretStrings: [CANARY.callerString] };
const masked = maskRecord(record, options);
const maskedText = JSON.stringify(masked);
const b64 = (s: string) => Buffer.from(s).toString("base64");

type Obj = Record<string, unknown>;
const manifest = (kind: string, name: string) =>
  masked.manifestObjects.find((o) => o.kind === kind && (o.metadata as Obj).name === name) as Obj;
const hook = (name: string) => masked.hooks.find((h) => h.name === name)?.object as ManifestObject;
function containers(o: Obj): { name: string; env?: Obj[]; args?: string[] }[] {
  const spec = (o.spec as { template: { spec: { containers: { name: string; env?: Obj[]; args?: string[] }[] } } }).template.spec;
  return spec.containers;
}
const envOf = (o: Obj, name: string) => containers(o)[0].env?.find((e) => e.name === name);

describe("maskRecord: no canary survives", () => {
  // Where each canary sits in the record (charts/airflow/1.18.0/templates, see fixtures/airflow-docs.ts).
  const metadataUrl = `postgresql://airflow:${encodeURIComponent(CANARY.metadataPass)}@pg.db.svc:5432/airflow?sslmode=require`;
  // [where, canary, the form the chart renders it in]
  const cases: [string, string, string][] = [
    ["data.metadataConnection.pass → Secret data (metadata-connection-secret.yaml:52)", CANARY.metadataPass, b64(metadataUrl)],
    ["fernetKey → pre-install hook Secret data (fernetkey-secret.yaml:47)", CANARY.fernetKey, b64(CANARY.fernetKey)],
    ["apiSecretKey → Secret data (api-secret-key-secret.yaml:43)", CANARY.apiSecretKey, b64(CANARY.apiSecretKey)],
    ["valuesFrom path apiServer.apiServerConfig → ConfigMap (api-server-configmap.yaml:43)", CANARY.valuesFrom, CANARY.valuesFrom],
    ["URL userinfo in env HTTP_PROXY → every container (_helpers.yaml custom_airflow_environment)", CANARY.proxyPassword, CANARY.proxyPassword],
    ["env SLACK_TOKEN → every container", CANARY.envToken, CANARY.envToken],
    ["extraSecrets stringData → hook Secret stringData (extra-secrets.yaml:60)", CANARY.stringData, CANARY.stringData],
    ["config.smtp.smtp_password → airflow.cfg (configmap.yaml:53)", CANARY.smtpPassword, CANARY.smtpPassword],
    ["defaultUser password → create-user Job args after -p (values.yaml:1195)", CANARY.userPassword, CANARY.userPassword],
    ["a caller's secret string in a non-secret value → airflow.cfg", CANARY.callerString, CANARY.callerString],
  ];
  it.each(cases)("%s", (_where, canary, rendered) => {
    // The canary really is in the decoded record's config and rendered objects (so this test can fail) …
    expect(JSON.stringify(record.config)).toContain(canary);
    expect(JSON.stringify([record.manifestObjects, record.hooks])).toContain(rendered);
    // … and in no form in the masked one.
    for (const form of [canary, encodeURIComponent(canary), b64(canary), rendered]) expect(maskedText).not.toContain(form);
  });

  it("without the valuesFrom path, a value only a valuesFrom Secret knows stays visible (the option matters)", () => {
    const weaker = JSON.stringify(maskRecord(record, { secretValuePaths: [], secretStrings: [] }));
    expect(weaker).toContain(CANARY.valuesFrom);
    expect(weaker).toContain(CANARY.callerString);
    expect(weaker).not.toContain(CANARY.fernetKey);
  });

  it("leaves the input record untouched and is idempotent", () => {
    expect(JSON.stringify(record)).toContain(CANARY.fernetKey);
    expect(maskRecord(masked, options)).toEqual(masked);
  });
});

describe("maskRecord: what stays visible", () => {
  it("rendered Secrets keep their key names, values become the marker (manifest and hooks)", () => {
    expect(manifest("Secret", "airflow-metadata").data).toEqual({ connection: MASK_MARKER });
    expect(manifest("Secret", "airflow-api-secret-key").data).toEqual({ "api-secret-key": MASK_MARKER });
    expect(hook("airflow-fernet-key").data).toEqual({ "fernet-key": MASK_MARKER });
    expect(hook("airflow-airflow-variables").stringData).toEqual({ AIRFLOW_VAR_API_TOKEN: MASK_MARKER });
    expect((hook("airflow-fernet-key").metadata as Obj).annotations).toMatchObject({ "helm.sh/hook": "pre-install" });
  });

  it("config: secret paths say 'set, hidden'; everything else is kept", () => {
    const c = masked.config as Obj & { data: { metadataConnection: Obj }; webserver: { defaultUser: Obj } };
    expect(c.fernetKey).toBe(MASK_MARKER);
    expect(c.apiSecretKey).toBe(MASK_MARKER);
    expect(c.data.metadataConnection).toEqual({ user: "airflow", pass: MASK_MARKER, host: "pg.db.svc", db: "airflow", sslmode: "require" });
    expect(c.webserver.defaultUser).toEqual({ enabled: true, username: "admin", password: MASK_MARKER });
    expect((c.apiServer as Obj).apiServerConfig).toBe(MASK_MARKER);
    expect(c.extraSecrets).toEqual({ "{{ .Release.Name }}-airflow-variables": { stringData: MASK_MARKER } });
    expect(c.config).toEqual({
      smtp: { smtp_host: "smtp.corp", smtp_password: MASK_MARKER },
      logging: { remote_logging: "True", remote_base_log_folder: `s3://${MASK_MARKER}/logs` },
    });
    expect(c.env).toEqual([
      { name: "HTTP_PROXY", value: `http://${MASK_MARKER}@proxy.corp:3128` },
      { name: "SLACK_TOKEN", value: MASK_MARKER },
    ]);
    expect(c.executor).toBe("CeleryExecutor");
  });

  it("containers: secret-named env values and password arguments are hidden, references and other values kept", () => {
    const scheduler = manifest("StatefulSet", "airflow-scheduler");
    expect(envOf(scheduler, "SLACK_TOKEN")).toEqual({ name: "SLACK_TOKEN", value: MASK_MARKER });
    expect(envOf(scheduler, "HTTP_PROXY")?.value).toBe(`http://${MASK_MARKER}@proxy.corp:3128`);
    expect(envOf(scheduler, "AIRFLOW_HOME")?.value).toBe("/opt/airflow");
    expect(envOf(scheduler, "AIRFLOW__CORE__FERNET_KEY")).toEqual({
      name: "AIRFLOW__CORE__FERNET_KEY",
      valueFrom: { secretKeyRef: { name: "airflow-fernet-key", key: "fernet-key" } },
    });
    expect(envOf(hook("airflow-run-airflow-migrations"), "SLACK_TOKEN")?.value).toBe(MASK_MARKER);
    expect(containers(hook("airflow-create-user"))[0].args?.slice(-4)).toEqual(["-u", "admin", "-p", MASK_MARKER]);
  });

  it("ConfigMaps keep their text with the secret parts replaced", () => {
    const cfg = (manifest("ConfigMap", "airflow-config").data as Obj)["airflow.cfg"] as string;
    expect(cfg).toContain(`smtp_password = ${MASK_MARKER}`);
    expect(cfg).toContain("smtp_host = smtp.corp");
    expect(cfg).toContain(`remote_base_log_folder = s3://${MASK_MARKER}/logs`);
    expect((manifest("ConfigMap", "airflow-api-server-config").data as Obj)["webserver_config.py"]).toContain(MASK_MARKER);
  });

  it("keeps identity, sources and hook metadata", () => {
    expect(masked.manifestSources).toEqual(record.manifestSources);
    expect(masked.hooks.map((h) => [h.name, h.events, h.deletePolicies])).toEqual(record.hooks.map((h) => [h.name, h.events, h.deletePolicies]));
    expect({ ...masked.chart, name: masked.name, version: masked.version }).toEqual({ ...record.chart, name: "airflow", version: 3 });
  });
});

describe("string rules", () => {
  it.each([
    ["postgresql://airflow:pw@db:5432/airflow", `postgresql://${MASK_MARKER}@db:5432/airflow`],
    ["redis://:p@ss@redis:6379/0", `redis://${MASK_MARKER}@redis:6379/0`],
    ["https://ghp_TOKEN:x-oauth-basic@github.com/org/dags.git", `https://${MASK_MARKER}@github.com/org/dags.git`],
    ['sql_alchemy_conn = "mysql://u:p@h/db" # x', `sql_alchemy_conn = "mysql://${MASK_MARKER}@h/db" # x`],
    ["https://example.com/path/user@host", "https://example.com/path/user@host"],
    ["mail admin@example.com", "mail admin@example.com"],
  ])("stripUrlUserinfo(%s)", (input, out) => {
    expect(stripUrlUserinfo(input)).toBe(out);
  });

  it("replaces secrets of 4 characters or more, longest first, also urlquery-encoded; shorter ones are left", () => {
    const replace = secretReplacer(["abc", "s3cr", "s3cret/+", "s3cret/+x"]);
    expect(replace("abc s3cr s3cret/+x s3cret%2F%2B")).toBe(`abc ${MASK_MARKER} ${MASK_MARKER} ${MASK_MARKER}`);
  });
});
