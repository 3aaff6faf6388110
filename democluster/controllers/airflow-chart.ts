// The apache-airflow chart (1.13–1.18) as far as a dashboard can observe it: workloads per component with the
// chart's labels (tier/component/release), PDBs, Services, chart-generated Secrets when no *SecretName is
// given, the airflow-config ConfigMap and the post-install/upgrade migrations Job.
import type { KObject } from "../store/types";
import { getPath, type JsonMap } from "../sim/objects";
import { sha256Hex } from "../sim/hash";
import type { Rng } from "../sim/random";
import { airflowCfg, airflowSettings, pdbConfig, replicasOf, type AirflowSettings } from "./airflow-settings";
import {
  airflowContainer,
  componentEnv,
  configVolume,
  logGroomer,
  podSpec,
  standardEnv,
  waitForMigrations,
  withGitSync,
  type PodParts,
} from "./airflow-pod";
import {
  deployment,
  meta,
  opaqueSecret,
  pdb,
  service,
  serviceAccount,
  statefulSet,
  type ReleaseRef,
  type Rendered,
} from "./chart-objects";
import type { ChartVersion } from "./chart-catalog";
import { renderAirflowBackends } from "./airflow-backends";

export interface SecretValueSource {
  /** Existing value of a chart-generated secret key (kept stable across upgrades), if any. */
  existing(name: string, key: string): string | undefined;
  rng: Rng;
}

export function renderAirflow(
  ref: ReleaseRef,
  chart: ChartVersion,
  values: JsonMap,
  secrets: SecretValueSource,
): Rendered {
  const s = airflowSettings(ref.release, ref.namespace, chart, values);
  const r = ref.release;
  const base = (component: string): Record<string, string> => ({
    tier: "airflow",
    component,
    release: r,
    chart: `airflow-${chart.version}`,
    heritage: "Helm",
    "app.kubernetes.io/name": "airflow",
    "app.kubernetes.io/instance": r,
    "app.kubernetes.io/component": component,
    "app.kubernetes.io/version": s.airflowVersion,
  });
  const selector = (component: string): Record<string, string> => ({ tier: "airflow", component, release: r });
  const cfg = airflowCfg(s);
  const podLabels = (component: string): Record<string, string> => ({
    ...selector(component),
    "app.kubernetes.io/name": "airflow",
    "app.kubernetes.io/instance": r,
  });
  const podAnnotations = {
    "checksum/airflow-config": sha256Hex(cfg),
    "cluster-autoscaler.kubernetes.io/safe-to-evict": "true",
  };
  const manifests: KObject[] = [];
  const preHooks: KObject[] = [];
  const postHooks: KObject[] = [];

  const configMapData: Record<string, string> = { "airflow.cfg": cfg, "airflow_local_settings.py": "\n" };
  if (s.gitSync.knownHosts) configMapData.known_hosts = s.gitSync.knownHosts;
  manifests.push({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: meta(ref, `${r}-airflow-config`, base("config")),
    data: configMapData,
  });

  addChartSecrets(s, ref, base, secrets, manifests, preHooks);

  const component = (
    name: string,
    section: string,
    kind: "Deployment" | "StatefulSet",
    args: string[],
    opts: { gitSync: boolean; ports?: JsonMap[]; groomer?: boolean },
  ): void => {
    let parts: PodParts = {
      containers: [airflowContainer(s, name, args, opts.ports ?? [], componentEnv(values, section))],
      initContainers: [waitForMigrations(s)],
      volumes: [configVolume(s), { name: "logs", emptyDir: {} }],
    };
    if (opts.groomer !== false) parts.containers.push(logGroomer(s, name));
    if (opts.gitSync) parts = withGitSync(s, parts);
    const pod = { labels: podLabels(name), annotations: podAnnotations, spec: podSpec(s, `${r}-${name}`, parts) };
    const replicas = replicasOf(values, section);
    const obj =
      kind === "Deployment"
        ? deployment(ref, `${r}-${name}`, base(name), selector(name), replicas, pod)
        : statefulSet(ref, `${r}-${name}`, base(name), selector(name), replicas, pod);
    manifests.push(serviceAccount(ref, `${r}-${name}`, base(name)), obj);
    const pdbCfg = pdbConfig(values, section);
    if (pdbCfg) manifests.push(pdb(ref, `${r}-${name}-pdb`, base(name), selector(name), pdbCfg));
  };

  const schedulerGitSync = s.gitSync.enabled && !s.dagProcessor;
  component("scheduler", "scheduler", "Deployment", ["bash", "-c", "exec airflow scheduler"], {
    gitSync: schedulerGitSync,
  });
  if (s.major >= 3) {
    component("api-server", "apiServer", "Deployment", ["bash", "-c", "exec airflow api-server"], {
      gitSync: false,
      ports: [{ name: "api-server", containerPort: 8080 }],
      groomer: false,
    });
    manifests.push(
      service(ref, `${r}-api-server`, base("api-server"), selector("api-server"), [{ name: "api-server", port: 8080 }]),
    );
  } else {
    component("webserver", "webserver", "Deployment", ["bash", "-c", "exec airflow webserver"], {
      gitSync: false,
      ports: [{ name: "airflow-ui", containerPort: 8080 }],
      groomer: false,
    });
    manifests.push(
      service(ref, `${r}-webserver`, base("webserver"), selector("webserver"), [{ name: "airflow-ui", port: 8080 }]),
    );
  }
  if (s.triggerer) {
    component("triggerer", "triggerer", "StatefulSet", ["bash", "-c", "exec airflow triggerer"], {
      gitSync: s.gitSync.enabled,
      ports: [{ name: "triggerer-logs", containerPort: 8794 }],
    });
    manifests.push(
      service(
        ref,
        `${r}-triggerer`,
        base("triggerer"),
        selector("triggerer"),
        [{ name: "triggerer-logs", port: 8794 }],
        true,
      ),
    );
  }
  if (s.dagProcessor)
    component("dag-processor", "dagProcessor", "Deployment", ["bash", "-c", "exec airflow dag-processor"], {
      gitSync: s.gitSync.enabled,
    });
  if (s.celery) {
    component("worker", "workers", "StatefulSet", ["bash", "-c", "exec airflow celery worker"], {
      gitSync: s.gitSync.enabled,
      ports: [{ name: "worker-logs", containerPort: 8793 }],
    });
    manifests.push(
      service(ref, `${r}-worker`, base("worker"), selector("worker"), [{ name: "worker-logs", port: 8793 }], true),
    );
  }
  manifests.push(...renderAirflowBackends(s, ref, base, selector));

  postHooks.push(migrationsJob(s, ref, base));
  return { manifests, preHooks, postHooks };
}

function addChartSecrets(
  s: AirflowSettings,
  ref: ReleaseRef,
  base: (c: string) => Record<string, string>,
  src: SecretValueSource,
  manifests: KObject[],
  preHooks: KObject[],
): void {
  const r = s.release;
  const keep = (name: string, key: string, make: () => string): string => src.existing(name, key) ?? make();
  if (!s.fernetProvided) {
    const value = keep(
      s.fernetSecret,
      "fernet-key",
      () => Buffer.from(src.rng.hex(64), "hex").toString("base64url") + "=",
    );
    preHooks.push(
      opaqueSecret(
        ref,
        s.fernetSecret,
        base("fernet-key"),
        { "fernet-key": value },
        {
          "helm.sh/hook": "pre-install",
          "helm.sh/hook-delete-policy": "before-hook-creation",
          "helm.sh/hook-weight": "0",
        },
      ),
    );
  }
  if (!s.metadataSecretProvided) {
    const c = (k: string, d: string): string => {
      const v = getPath(s.values, `data.metadataConnection.${k}`);
      return v === undefined || v === null ? d : String(v);
    };
    const host = s.pgbouncer
      ? `${r}-pgbouncer.${s.namespace}`
      : s.postgresql
        ? `${r}-postgresql.${s.namespace}`
        : c("host", "");
    const port = s.pgbouncer ? "6543" : c("port", "5432");
    const db = s.pgbouncer ? `${r}-metadata` : c("db", "postgres");
    const url = `${c("protocol", "postgresql")}://${encodeURIComponent(c("user", "postgres"))}:${encodeURIComponent(c("pass", "postgres"))}@${host}:${port}/${db}?sslmode=${c("sslmode", "disable")}`;
    manifests.push(opaqueSecret(ref, s.metadataSecret, base("metadata-connection"), { connection: url }));
  }
  if (s.major >= 3) {
    if (!s.apiProvided)
      manifests.push(
        opaqueSecret(ref, s.apiSecret, base("api-secret-key"), {
          "api-secret-key": keep(s.apiSecret, "api-secret-key", () => src.rng.alnum(32)),
        }),
      );
    if (!s.jwtProvided)
      manifests.push(
        opaqueSecret(ref, s.jwtSecret, base("jwt-secret"), {
          "jwt-secret": keep(s.jwtSecret, "jwt-secret", () => src.rng.alnum(32)),
        }),
      );
  } else if (!s.webserverProvided) {
    manifests.push(
      opaqueSecret(ref, s.webserverSecret, base("webserver-secret-key"), {
        "webserver-secret-key": keep(s.webserverSecret, "webserver-secret-key", () => src.rng.alnum(32)),
      }),
    );
  }
  if (s.celery && s.redis) {
    const pw = keep(`${r}-redis-password`, "password", () => src.rng.alnum(10));
    manifests.push(opaqueSecret(ref, `${r}-redis-password`, base("redis"), { password: pw }));
    manifests.push(
      opaqueSecret(ref, s.brokerSecret, base("redis"), { connection: `redis://:${pw}@${r}-redis:6379/0` }),
    );
  }
  if (s.postgresql) {
    const pw = keep(`${r}-postgresql`, "postgres-password", () => "postgres");
    manifests.push(
      opaqueSecret(
        ref,
        `${r}-postgresql`,
        { "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": r },
        { "postgres-password": pw },
      ),
    );
  }
}

function migrationsJob(s: AirflowSettings, ref: ReleaseRef, base: (c: string) => Record<string, string>): KObject {
  const name = `${s.release}-run-airflow-migrations`;
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: meta(ref, name, base("run-airflow-migrations"), {
      "helm.sh/hook": "post-install,post-upgrade",
      "helm.sh/hook-weight": "1",
      "helm.sh/hook-delete-policy": "before-hook-creation,hook-succeeded",
    }),
    spec: {
      backoffLimit: 6,
      ttlSecondsAfterFinished: 300,
      template: {
        metadata: { labels: { tier: "airflow", component: "run-airflow-migrations", release: s.release } },
        spec: {
          restartPolicy: "OnFailure",
          serviceAccountName: `${s.release}-migrate-database-job`,
          containers: [
            {
              name: "run-airflow-migrations",
              image: s.image,
              imagePullPolicy: "IfNotPresent",
              args: ["bash", "-c", "exec \\\nairflow db migrate"],
              env: standardEnv(s),
              volumeMounts: [
                { name: "config", mountPath: "/opt/airflow/airflow.cfg", subPath: "airflow.cfg", readOnly: true },
              ],
              resources: {},
            },
          ],
          volumes: [configVolume(s)],
        },
      },
    },
  };
}
