// Pod specs of the airflow chart's components: standard env (secretKeyRefs to the metadata/fernet/API/JWT
// secrets), config mount, log groomer, git-sync sidecar + init container, wait-for-migrations init container.
import { asMaps, type JsonMap } from "../sim/objects";
import type { AirflowSettings } from "./airflow-settings";
import { secretEnv } from "./chart-objects";

export function standardEnv(s: AirflowSettings): JsonMap[] {
  const env: JsonMap[] = [
    secretEnv("AIRFLOW__CORE__FERNET_KEY", s.fernetSecret, "fernet-key"),
    { name: "AIRFLOW_HOME", value: "/opt/airflow" },
    secretEnv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", s.metadataSecret, "connection"),
    secretEnv("AIRFLOW_CONN_AIRFLOW_DB", s.metadataSecret, "connection"),
  ];
  if (s.major >= 3) {
    env.push(secretEnv("AIRFLOW__API__SECRET_KEY", s.apiSecret, "api-secret-key"));
    env.push(secretEnv("AIRFLOW__API_AUTH__JWT_SECRET", s.jwtSecret, "jwt-secret"));
  } else {
    env.push(secretEnv("AIRFLOW__WEBSERVER__SECRET_KEY", s.webserverSecret, "webserver-secret-key"));
  }
  if (s.celery) env.push(secretEnv("AIRFLOW__CELERY__BROKER_URL", s.brokerSecret, "connection"));
  env.push({ name: "AIRFLOW__CORE__EXECUTOR", value: s.executor });
  for (const e of asMaps(s.values.env)) env.push({ name: e.name, value: e.value });
  return env;
}

const CONFIG_MOUNT = { name: "config", mountPath: "/opt/airflow/airflow.cfg", subPath: "airflow.cfg", readOnly: true };
const LOGS_MOUNT = { name: "logs", mountPath: "/opt/airflow/logs" };

export function configVolume(s: AirflowSettings): JsonMap {
  return { name: "config", configMap: { name: `${s.release}-airflow-config` } };
}

/** `<component>.env` (e.g. scheduler.env): extra entries rendered as given, so `valueFrom` works as in the chart. */
export function componentEnv(values: JsonMap, section: string): JsonMap[] {
  const entries = asMaps((values[section] as JsonMap | undefined)?.env);
  return entries.filter((e) => typeof e.name === "string").map((e) => ({ ...e }));
}

export function airflowContainer(
  s: AirflowSettings,
  name: string,
  args: string[],
  ports: JsonMap[] = [],
  extraEnv: JsonMap[] = [],
): JsonMap {
  const c: JsonMap = {
    name,
    image: s.image,
    imagePullPolicy: "IfNotPresent",
    args,
    env: [...standardEnv(s), ...extraEnv],
    volumeMounts: [
      CONFIG_MOUNT,
      LOGS_MOUNT,
      ...(s.gitSync.enabled ? [{ name: "dags", mountPath: "/opt/airflow/dags", readOnly: true }] : []),
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
      { name: "AIRFLOW_HOME", value: "/opt/airflow" },
    ],
    volumeMounts: [LOGS_MOUNT],
    resources: {},
  };
}

export function waitForMigrations(s: AirflowSettings): JsonMap {
  return {
    name: "wait-for-airflow-migrations",
    image: s.image,
    imagePullPolicy: "IfNotPresent",
    args: ["airflow", "db", "check-migrations", "--migration-wait-timeout=60"],
    env: standardEnv(s),
    volumeMounts: [CONFIG_MOUNT],
    resources: {},
  };
}

function gitSyncContainer(s: AirflowSettings, init: boolean): JsonMap {
  const g = s.gitSync;
  const env: JsonMap[] = [
    { name: "GITSYNC_REF", value: g.ref },
    { name: "GITSYNC_REPO", value: g.repo },
    { name: "GITSYNC_DEPTH", value: "1" },
    { name: "GITSYNC_ROOT", value: "/git" },
    { name: "GITSYNC_LINK", value: "repo" },
    { name: "GITSYNC_ONE_TIME", value: init ? "true" : "false" },
    { name: "GITSYNC_MAX_FAILURES", value: "0" },
    { name: "GITSYNC_PERIOD", value: g.period },
  ];
  const mounts: JsonMap[] = [{ name: "dags", mountPath: "/git" }];
  if (g.sshKeySecret) {
    env.push({ name: "GITSYNC_SSH_KEY_FILE", value: "/etc/git-secret/ssh" });
    env.push({ name: "GITSYNC_SSH", value: "true" });
    env.push({ name: "GITSYNC_SSH_KNOWN_HOSTS", value: g.knownHosts ? "true" : "false" });
    if (g.knownHosts) env.push({ name: "GITSYNC_SSH_KNOWN_HOSTS_FILE", value: "/etc/git-secret/known_hosts" });
    mounts.push({ name: "git-sync-ssh-key", mountPath: "/etc/git-secret/ssh", readOnly: true, subPath: "gitSshKey" });
    if (g.knownHosts)
      mounts.push({ name: "config", mountPath: "/etc/git-secret/known_hosts", readOnly: true, subPath: "known_hosts" });
  }
  if (g.credentialsSecret) {
    env.push(secretEnv("GITSYNC_USERNAME", g.credentialsSecret, "GITSYNC_USERNAME"));
    env.push(secretEnv("GITSYNC_PASSWORD", g.credentialsSecret, "GITSYNC_PASSWORD"));
  }
  return {
    name: init ? "git-sync-init" : "git-sync",
    image: "registry.k8s.io/git-sync/git-sync:v4.4.0",
    imagePullPolicy: "IfNotPresent",
    securityContext: { runAsUser: 65533 },
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

/** Adds git-sync (sidecar + init container) and its volumes when enabled. */
export function withGitSync(s: AirflowSettings, parts: PodParts): PodParts {
  if (!s.gitSync.enabled) return parts;
  const volumes = [...parts.volumes, { name: "dags", emptyDir: {} }];
  if (s.gitSync.sshKeySecret)
    volumes.push({ name: "git-sync-ssh-key", secret: { secretName: s.gitSync.sshKeySecret, defaultMode: 288 } });
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
    securityContext: { runAsUser: 50000, fsGroup: 0 },
    ...(parts.initContainers.length ? { initContainers: parts.initContainers } : {}),
    containers: parts.containers,
    volumes: parts.volumes,
  };
}
