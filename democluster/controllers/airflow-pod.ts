// Pod specs of the Airflow chart's components (_helpers.yaml): standard_airflow_environment (secretKeyRefs per chart
// and Airflow version), custom_airflow_environment (env, secret, extraEnv), container_extra_envs (<component>.env),
// the config mount, log groomer, git-sync sidecar + init container, wait-for-airflow-migrations.
import { parse as parseYaml } from "yaml";
import { asMaps, asString, getPath, isMap, type JsonMap } from "../sim/objects";
import { atLeast, type AirflowSettings } from "./airflow-settings";
import { secretEnv } from "./chart-objects";
import { truthy } from "./airflow-names";
import { tpl } from "./airflow-config";

const builtIn = (s: AirflowSettings, name: string): boolean =>
  truthy(getPath(s.values, `enableBuiltInSecretEnvVars.${name}`));

/** standard_airflow_environment (_helpers.yaml). */
export function standardEnv(s: AirflowSettings): JsonMap[] {
  const n = s.names;
  const env: JsonMap[] = [];
  if (builtIn(s, "AIRFLOW__CORE__FERNET_KEY")) env.push(secretEnv("AIRFLOW__CORE__FERNET_KEY", n.fernet, "fernet-key"));
  env.push({ name: "AIRFLOW_HOME", value: asString(s.values.airflowHome) ?? "/opt/airflow" });
  for (const name of [
    "AIRFLOW__CORE__SQL_ALCHEMY_CONN",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
    "AIRFLOW_CONN_AIRFLOW_DB",
  ])
    if (builtIn(s, name)) env.push(secretEnv(name, n.metadata, "connection"));
  const v3 = atLeast(s, "3.0.0");
  // 1.16/1.17 give every Airflow version the webserver secret key; 1.18+ only Airflow < 3.
  const webserverKey = s.line === "1.16" || s.line === "1.17" || !v3;
  if (webserverKey && builtIn(s, "AIRFLOW__WEBSERVER__SECRET_KEY"))
    env.push(secretEnv("AIRFLOW__WEBSERVER__SECRET_KEY", n.webserver, "webserver-secret-key"));
  if (v3 && n.api && builtIn(s, "AIRFLOW__API__SECRET_KEY"))
    env.push(secretEnv("AIRFLOW__API__SECRET_KEY", n.api, "api-secret-key"));
  if (v3 && n.jwt && builtIn(s, "AIRFLOW__API_AUTH__JWT_SECRET"))
    env.push(secretEnv("AIRFLOW__API_AUTH__JWT_SECRET", n.jwt, "jwt-secret"));
  if (s.celery) {
    const resultBackend =
      !atLeast(s, "2.4.0") ||
      truthy(getPath(s.values, "data.resultBackendSecretName")) ||
      truthy(getPath(s.values, "data.resultBackendConnection"));
    if (resultBackend) {
      for (const name of ["AIRFLOW__CELERY__CELERY_RESULT_BACKEND", "AIRFLOW__CELERY__RESULT_BACKEND"])
        if (builtIn(s, name)) env.push(secretEnv(name, n.resultBackend, "connection"));
    }
    if (builtIn(s, "AIRFLOW__CELERY__BROKER_URL"))
      env.push(secretEnv("AIRFLOW__CELERY__BROKER_URL", n.brokerUrl, "connection"));
  }
  return env;
}

/** custom_airflow_environment (_helpers.yaml): env, secret, extraEnv (a templated YAML string). */
export function customEnv(s: AirflowSettings): JsonMap[] {
  const out: JsonMap[] = [];
  for (const e of asMaps(s.values.env)) {
    out.push({ name: e.name, value: String(e.value ?? "") });
    if (s.kubernetes)
      out.push({ name: `AIRFLOW__KUBERNETES_ENVIRONMENT_VARIABLES__${String(e.name)}`, value: String(e.value ?? "") });
  }
  for (const e of asMaps(s.values.secret))
    out.push(secretEnv(String(e.envName), String(e.secretName), asString(e.secretKey) || "value"));
  if (s.kubernetes)
    for (const e of asMaps(s.values.secret))
      out.push({
        name: `AIRFLOW__KUBERNETES_SECRETS__${String(e.envName)}`,
        value: `${String(e.secretName)}=${String(e.secretKey)}`,
      });
  const extra = asString(s.values.extraEnv);
  if (extra) {
    const parsed = parseYaml(tpl(s, extra)) as unknown;
    if (Array.isArray(parsed)) out.push(...parsed.filter(isMap));
  }
  return out;
}

/** container_extra_envs (_helpers.yaml) for `<section>.env`. */
export function componentEnv(s: AirflowSettings, section: string): JsonMap[] {
  const out: JsonMap[] = [];
  for (const e of asMaps(getPath(s.values, `${section}.env`))) {
    if (typeof e.name !== "string") continue;
    const entry: JsonMap = { name: e.name };
    if (truthy(e.value)) entry.value = String(e.value);
    else if (isMap(e.valueFrom)) entry.valueFrom = e.valueFrom;
    out.push(entry);
    if (s.kubernetes) out.push({ ...entry, name: `AIRFLOW__KUBERNETES_ENVIRONMENT_VARIABLES__${e.name}` });
  }
  return out;
}

const configMount = (s: AirflowSettings): JsonMap => ({
  name: "config",
  mountPath: `${asString(s.values.airflowHome) ?? "/opt/airflow"}/airflow.cfg`,
  subPath: "airflow.cfg",
  readOnly: true,
});
const logsMount = (s: AirflowSettings): JsonMap => ({
  name: "logs",
  mountPath: `${asString(s.values.airflowHome) ?? "/opt/airflow"}/logs`,
});

export function configVolume(s: AirflowSettings): JsonMap {
  return { name: "config", configMap: { name: `${s.fullname}-config` } };
}

export function airflowContainer(
  s: AirflowSettings,
  name: string,
  section: string,
  args: string[],
  ports: JsonMap[] = [],
  dags = false,
): JsonMap {
  const c: JsonMap = {
    name,
    image: s.image,
    imagePullPolicy: "IfNotPresent",
    args,
    env: [...customEnv(s), ...standardEnv(s), ...componentEnv(s, section)],
    volumeMounts: [
      configMount(s),
      logsMount(s),
      ...(dags
        ? [{ name: "dags", mountPath: `${asString(s.values.airflowHome) ?? "/opt/airflow"}/dags`, readOnly: true }]
        : []),
    ],
    resources: {},
  };
  if (ports.length) c.ports = ports;
  return c;
}

export function logGroomer(s: AirflowSettings, component: string): JsonMap {
  return {
    name: `${component}-log-groomer`,
    image: s.image,
    imagePullPolicy: "IfNotPresent",
    args: ["bash", "/clean-logs"],
    env: [
      { name: "AIRFLOW__LOG_RETENTION_DAYS", value: "15" },
      { name: "AIRFLOW__LOG_CLEANUP_FREQUENCY_MINUTES", value: "15" },
      { name: "AIRFLOW_HOME", value: asString(s.values.airflowHome) ?? "/opt/airflow" },
    ],
    volumeMounts: [logsMount(s)],
    resources: {},
  };
}

export function waitForMigrations(s: AirflowSettings): JsonMap {
  const timeout = String(getPath(s.values, "images.migrationsWaitTimeout") ?? 60);
  return {
    name: "wait-for-airflow-migrations",
    image: s.image,
    imagePullPolicy: "IfNotPresent",
    args: ["airflow", "db", "check-migrations", `--migration-wait-timeout=${timeout}`],
    env: [...customEnv(s), ...standardEnv(s)],
    volumeMounts: [configMount(s)],
    resources: {},
  };
}

/** git_sync_container (_helpers.yaml). */
export function gitSyncContainer(s: AirflowSettings, init: boolean): JsonMap {
  const g = (k: string): unknown => getPath(s.values, `dags.gitSync.${k}`);
  const q = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  const env: JsonMap[] = [];
  if (truthy(g("sshKeySecret")) || truthy(g("sshKey"))) {
    env.push(
      { name: "GIT_SSH_KEY_FILE", value: "/etc/git-secret/ssh" },
      { name: "GITSYNC_SSH_KEY_FILE", value: "/etc/git-secret/ssh" },
      { name: "GIT_SYNC_SSH", value: "true" },
      { name: "GITSYNC_SSH", value: "true" },
    );
    if (truthy(g("knownHosts")))
      env.push(
        { name: "GIT_KNOWN_HOSTS", value: "true" },
        { name: "GITSYNC_SSH_KNOWN_HOSTS", value: "true" },
        { name: "GIT_SSH_KNOWN_HOSTS_FILE", value: "/etc/git-secret/known_hosts" },
        { name: "GITSYNC_SSH_KNOWN_HOSTS_FILE", value: "/etc/git-secret/known_hosts" },
      );
    else env.push({ name: "GIT_KNOWN_HOSTS", value: "false" }, { name: "GITSYNC_SSH_KNOWN_HOSTS", value: "false" });
  } else if (truthy(g("credentialsSecret"))) {
    const secret = String(g("credentialsSecret"));
    for (const key of ["GIT_SYNC_USERNAME", "GITSYNC_USERNAME", "GIT_SYNC_PASSWORD", "GITSYNC_PASSWORD"])
      env.push(secretEnv(key, secret, key));
  }
  env.push(
    { name: "GIT_SYNC_REV", value: q(g("rev")) },
    { name: "GITSYNC_REF", value: q(g("ref")) },
    { name: "GIT_SYNC_BRANCH", value: q(g("branch")) },
    { name: "GIT_SYNC_REPO", value: q(g("repo")) },
    { name: "GITSYNC_REPO", value: q(g("repo")) },
    { name: "GIT_SYNC_DEPTH", value: q(g("depth")) },
    { name: "GITSYNC_DEPTH", value: q(g("depth")) },
    { name: "GIT_SYNC_ROOT", value: "/git" },
    { name: "GITSYNC_ROOT", value: "/git" },
    { name: "GIT_SYNC_DEST", value: "repo" },
    { name: "GITSYNC_LINK", value: "repo" },
    { name: "GIT_SYNC_ADD_USER", value: "true" },
    { name: "GITSYNC_ADD_USER", value: "true" },
  );
  if (truthy(g("wait"))) env.push({ name: "GIT_SYNC_WAIT", value: q(g("wait")) });
  env.push(
    { name: "GITSYNC_PERIOD", value: q(g("period")) },
    { name: "GIT_SYNC_MAX_SYNC_FAILURES", value: q(g("maxFailures")) },
    { name: "GITSYNC_MAX_FAILURES", value: q(g("maxFailures")) },
  );
  if (init) env.push({ name: "GIT_SYNC_ONE_TIME", value: "true" }, { name: "GITSYNC_ONE_TIME", value: "true" });
  env.push(...asMaps(g("env")));
  const mounts: JsonMap[] = [{ name: "dags", mountPath: "/git" }];
  if (truthy(g("sshKeySecret")) || truthy(g("sshKey"))) {
    mounts.push({ name: "git-sync-ssh-key", mountPath: "/etc/git-secret/ssh", readOnly: true, subPath: "gitSshKey" });
    if (truthy(g("knownHosts")))
      mounts.push({ name: "config", mountPath: "/etc/git-secret/known_hosts", readOnly: true, subPath: "known_hosts" });
  }
  const name = asString(g("containerName")) ?? "git-sync";
  return {
    name: init ? `${name}-init` : name,
    image: `${q(getPath(s.values, "images.gitSync.repository"))}:${q(getPath(s.values, "images.gitSync.tag"))}`,
    imagePullPolicy: "IfNotPresent",
    securityContext: { runAsUser: Number(g("uid") ?? 65533) },
    env,
    volumeMounts: mounts,
    resources: {},
  };
}

export interface PodParts {
  containers: JsonMap[];
  initContainers: JsonMap[];
  volumes: JsonMap[];
}

/** Adds git-sync (sidecar + init container) and its volumes. */
export function withGitSync(s: AirflowSettings, parts: PodParts): PodParts {
  const volumes = [...parts.volumes, { name: "dags", emptyDir: {} }];
  if (truthy(getPath(s.values, "dags.gitSync.sshKeySecret")) || truthy(getPath(s.values, "dags.gitSync.sshKey")))
    volumes.push({ name: "git-sync-ssh-key", secret: { secretName: s.names.gitSshKey, defaultMode: 288 } });
  return {
    containers: [...parts.containers, gitSyncContainer(s, false)],
    initContainers: [...parts.initContainers, gitSyncContainer(s, true)],
    volumes,
  };
}

export function podSpec(
  s: AirflowSettings,
  serviceAccount: string,
  parts: PodParts,
  restartPolicy = "Always",
): JsonMap {
  return {
    serviceAccountName: serviceAccount,
    restartPolicy,
    terminationGracePeriodSeconds: 60,
    securityContext: { runAsUser: Number(s.values.uid ?? 50000), fsGroup: Number(s.values.gid ?? 0) },
    ...(parts.initContainers.length ? { initContainers: parts.initContainers } : {}),
    containers: parts.containers,
    volumes: parts.volumes,
  };
}
