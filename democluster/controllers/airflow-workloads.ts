// The Airflow components (scheduler, api-server or webserver, triggerer, dag-processor, workers) with their
// ServiceAccounts, Services and PodDisruptionBudgets, per chart version (templates/<component>/*.yaml).
import type { KObject } from "../store/types";
import { asBool, asMap, getPath, type JsonMap } from "../sim/objects";
import { sha256Hex, stableStringify } from "../sim/hash";
import { truthy } from "./airflow-names";
import {
  atLeast,
  chartLabels,
  createsServiceAccount,
  pdbConfig,
  replicasOf,
  selectorLabels,
  serviceAccount,
  workerPersistence,
  type AirflowSettings,
} from "./airflow-settings";
import {
  airflowContainer,
  configVolume,
  logGroomer,
  podSpec,
  waitForMigrations,
  withGitSync,
  type PodParts,
} from "./airflow-pod";
import {
  deployment,
  pdb,
  service,
  serviceAccount as saObject,
  statefulSet,
  type ReleaseRef,
  type RenderedObject,
} from "./chart-objects";

/** Rendered templates the pods' checksum annotations hash (undefined when the template renders nothing). */
export type Checksums = Record<string, KObject | undefined>;

interface ComponentSpec {
  component: string; // component label, name suffix
  section: string; // values section
  dir: string; // template folder
  file: string; // workload template file
  saKey: Parameters<typeof serviceAccount>[1];
  args: string[];
  ports?: JsonMap[];
  stateful: boolean;
  gitSync: boolean;
  groomer: boolean;
  checksums: string[];
  extraLabels?: Record<string, string>;
}

const src = (dir: string, file: string) => `airflow/templates/${dir}/${file}`;

function executorLabel(executor: string): string {
  let e = executor.replace(/,/g, "-").slice(0, 63);
  for (const suffix of ["-", ":", "_", "."]) if (e.endsWith(suffix)) e = e.slice(0, -1);
  return e;
}

export function renderComponents(s: AirflowSettings, ref: ReleaseRef, sums: Checksums): RenderedObject[] {
  const out: RenderedObject[] = [];
  const noDagsPersistence = !truthy(getPath(s.values, "dags.persistence.enabled"));
  const jwtSum = s.line === "1.19" && s.apiServer && !truthy(s.values.jwtSecretName) ? ["jwt-secret"] : [];
  const base = ["metadata-secret", "pgbouncer-config-secret", "airflow-config", "extra-configmaps", "extra-secrets"];
  const add = (spec: ComponentSpec) => out.push(...component(s, ref, spec, sums));

  if (truthy(getPath(s.values, "scheduler.enabled")))
    add({
      component: "scheduler",
      section: "scheduler",
      dir: "scheduler",
      file: "scheduler-deployment.yaml",
      saKey: "scheduler",
      args: argsOf(s, "scheduler", ["bash", "-c", "exec airflow scheduler"]),
      stateful: s.local && workerPersistence(s),
      gitSync: s.gitSync && (s.local || !s.dagProcessor),
      groomer: true,
      checksums: [...base, "result-backend-secret", ...jwtSum],
      extraLabels: { executor: executorLabel(s.executor) },
      ports: s.local ? [{ name: "worker-logs", containerPort: 8793 }] : [],
    });
  if (s.apiServer)
    add({
      component: "api-server",
      section: "apiServer",
      dir: "api-server",
      file: "api-server-deployment.yaml",
      saKey: "api-server",
      args: argsOf(s, "apiServer", ["bash", "-c", "exec airflow api-server"]),
      ports: [{ name: "api-server", containerPort: Number(getPath(s.values, "ports.apiServer") ?? 8080) }],
      stateful: false,
      gitSync: false,
      groomer: false,
      checksums: [...base, ...jwtSum],
    });
  if (s.webserver)
    add({
      component: "webserver",
      section: "webserver",
      dir: "webserver",
      file: "webserver-deployment.yaml",
      saKey: "webserver",
      args: argsOf(s, "webserver", ["bash", "-c", "exec airflow webserver"]),
      ports: [{ name: "airflow-ui", containerPort: Number(getPath(s.values, "ports.airflowUI") ?? 8080) }],
      stateful: false,
      gitSync: false,
      groomer: false,
      checksums: [...base, "webserver-config", "webserver-secret-key"],
    });
  if (s.triggerer)
    add({
      component: "triggerer",
      section: "triggerer",
      dir: "triggerer",
      file: "triggerer-deployment.yaml",
      saKey: "triggerer",
      args: argsOf(s, "triggerer", ["bash", "-c", "exec airflow triggerer"]),
      ports: [{ name: "triggerer-logs", containerPort: Number(getPath(s.values, "ports.triggererLogs") ?? 8794) }],
      stateful: truthy(getPath(s.values, "triggerer.persistence.enabled")) && atLeast(s, "2.6.0"),
      gitSync: s.gitSync && noDagsPersistence,
      groomer: true,
      checksums: base,
    });
  if (s.dagProcessor)
    add({
      component: "dag-processor",
      section: "dagProcessor",
      dir: "dag-processor",
      file: "dag-processor-deployment.yaml",
      saKey: "dag-processor",
      args: argsOf(s, "dagProcessor", ["bash", "-c", "exec airflow dag-processor"]),
      stateful: false,
      gitSync: s.gitSync && noDagsPersistence,
      groomer: true,
      checksums: base,
    });
  if (s.celery && (s.line !== "1.19" || asBool(getPath(s.values, "workers.celery.enableDefault")) !== false))
    add({
      component: "worker",
      section: "workers",
      dir: "workers",
      file: "worker-deployment.yaml",
      saKey: "worker",
      args: ["bash", "-c", `exec \\\nairflow ${atLeast(s, "2.0.0") ? "celery worker" : "worker"}`],
      ports: [{ name: "worker-logs", containerPort: Number(getPath(s.values, "ports.workerLogs") ?? 8793) }],
      stateful: workerPersistence(s),
      gitSync: s.gitSync && noDagsPersistence,
      groomer: true,
      checksums: [...base, "result-backend-secret", "webserver-secret-key", "kerberos-keytab"],
    });
  else if (s.kubernetes && createsServiceAccount(s, "workers"))
    // workers/worker-serviceaccount.yaml: task pods of a pod-launching executor run as the worker ServiceAccount.
    out.push({
      source: src("workers", "worker-serviceaccount.yaml"),
      object: saObject(ref, serviceAccount(s, "worker"), chartLabels(s, "worker", { section: "workers" })),
    });
  return out;
}

function argsOf(s: AirflowSettings, section: string, dflt: string[]): string[] {
  const a = getPath(s.values, `${section}.args`);
  return Array.isArray(a) && a.every((x) => typeof x === "string" && !x.includes("{{")) ? (a as string[]) : dflt;
}

function checksum(obj: KObject | undefined): string {
  return sha256Hex(obj ? stableStringify(obj) : "");
}

function component(s: AirflowSettings, ref: ReleaseRef, c: ComponentSpec, sums: Checksums): RenderedObject[] {
  const out: RenderedObject[] = [];
  const name = `${s.fullname}-${c.component}`;
  const labels = { ...chartLabels(s, c.component, { section: c.section }), ...(c.extraLabels ?? {}) };
  const selector = selectorLabels(s, c.component);
  const podLabels = {
    ...selector,
    ...((asMap(getPath(s.values, `${c.section}.labels`)) as Record<string, string>) ?? {}),
    ...((asMap(s.values.labels) as Record<string, string>) ?? {}),
  };
  const annotations: Record<string, string> = {};
  for (const k of c.checksums) annotations[`checksum/${k}`] = checksum(sums[k]);
  if (truthy(getPath(s.values, `${c.section}.safeToEvict`)))
    annotations["cluster-autoscaler.kubernetes.io/safe-to-evict"] = "true";
  Object.assign(
    annotations,
    asMap(s.values.airflowPodAnnotations) ?? {},
    asMap(getPath(s.values, `${c.section}.podAnnotations`)) ?? {},
  );

  let parts: PodParts = {
    containers: [airflowContainer(s, c.component, c.section, c.args, c.ports ?? [], c.gitSync)],
    initContainers: truthy(getPath(s.values, `${c.section}.waitForMigrations.enabled`)) ? [waitForMigrations(s)] : [],
    volumes: [configVolume(s), { name: "logs", emptyDir: {} }],
  };
  if (c.groomer && asBool(getPath(s.values, `${c.section}.logGroomerSidecar.enabled`)) !== false)
    parts.containers.push(logGroomer(s, c.component));
  if (c.gitSync) parts = withGitSync(s, parts);
  const sa = serviceAccount(s, c.saKey);
  const pod = { labels: podLabels, annotations, spec: podSpec(s, sa, parts) };
  const replicas = replicasOf(s.values, c.section);
  const workload = c.stateful
    ? statefulSet(ref, name, labels, selector, replicas, pod)
    : deployment(ref, name, labels, selector, replicas, pod);
  const saFile = c.component === "worker" ? "worker-serviceaccount.yaml" : `${c.dir}-serviceaccount.yaml`;
  if (createsServiceAccount(s, c.section))
    out.push({
      source: src(c.dir, saFile),
      object: saObject(ref, sa, chartLabels(s, c.component, { section: c.section })),
    });
  out.push({ source: src(c.dir, c.file), object: workload });
  const svc = serviceOf(s, ref, c, labels, selector);
  if (svc) out.push(svc);
  const cfg = pdbConfig(s.values, c.section);
  const pdbFile = `${c.dir === "workers" ? "worker" : c.dir}-poddisruptionbudget.yaml`;
  // 1.16 renders `chart: airflow` on the scheduler, webserver and api-server PDBs; triggerer, dag-processor and
  // worker PDBs exist from 1.19.
  const pdbExists = ["scheduler", "webserver", "api-server"].includes(c.component) || s.line === "1.19";
  if (cfg && pdbExists) {
    const pdbLabels = chartLabels(s, c.component, { section: c.section, shortChart: s.line === "1.16" });
    out.push({ source: src(c.dir, pdbFile), object: pdb(ref, `${name}-pdb`, pdbLabels, selector, cfg) });
  }
  return out;
}

function serviceOf(
  s: AirflowSettings,
  ref: ReleaseRef,
  c: ComponentSpec,
  labels: Record<string, string>,
  selector: Record<string, string>,
): RenderedObject | undefined {
  const name = `${s.fullname}-${c.component}`;
  const svcLabels = { ...labels };
  delete svcLabels.executor;
  const port = (key: string, dflt: number) => Number(getPath(s.values, `ports.${key}`) ?? dflt);
  const mk = (ports: { name: string; port: number }[], headless = false): RenderedObject => ({
    source: src(c.dir, `${c.dir === "workers" ? "worker" : c.dir}-service.yaml`),
    object: service(ref, name, svcLabels, selector, ports, headless),
  });
  switch (c.component) {
    case "scheduler":
      return s.executor.includes("LocalExecutor") || s.executor.includes("LocalKubernetesExecutor")
        ? mk([{ name: "task-logs", port: port("workerLogs", 8793) }], true)
        : undefined;
    case "api-server":
      return mk([{ name: "api-server", port: port("apiServer", 8080) }]);
    case "webserver":
      return mk([{ name: "airflow-ui", port: port("airflowUI", 8080) }]);
    case "triggerer":
      return atLeast(s, "2.6.0")
        ? mk([{ name: "triggerer-logs", port: port("triggererLogs", 8794) }], true)
        : undefined;
    case "worker":
      return mk([{ name: "worker-logs", port: port("workerLogs", 8793) }], true);
    default:
      return undefined;
  }
}
