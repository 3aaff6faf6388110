// Which workloads a release runs, their kinds and names, and the ServiceAccounts their pods use. Pure.
// Conditions from charts/airflow/<version>/templates/<component>/*-deployment.yaml (cited in workloads tests).

import { airflowFullname, serviceAccountName, serviceAccountNameOf, serviceAccountPrefix } from "./fullname";
import { isAirflow3, isBeforeAirflow3, semverCompare } from "./semver";
import { executorOf, isCelery, truthy, type ValueReader } from "./values";

export type WorkloadComponent =
  | "scheduler"
  | "webserver"
  | "api-server"
  | "triggerer"
  | "dag-processor"
  | "worker"
  | "pgbouncer"
  | "statsd"
  | "redis"
  | "flower";

export interface WorkloadRef {
  kind: "Deployment" | "StatefulSet";
  name: string;
}

export interface WorkerSetRef extends WorkloadRef {
  /** "default" for the chart's own worker set; a `workers.celery.sets[].name` otherwise (1.19). */
  set: string;
  serviceAccount: string;
}

/** `dagProcessor.enabled`, where `~` (the default) means on for Airflow ≥ 3 and the template needs Airflow ≥ 2.3. */
export function dagProcessorEnabled(v: ValueReader, airflowVersion: string): boolean {
  if (!semverCompare(">=", "2.3.0", airflowVersion)) return false;
  const e = v.get("dagProcessor.enabled");
  return e === null || e === undefined ? isAirflow3(airflowVersion) : truthy(e);
}

/** First non-nil of the values (the 1.19 worker merge lets a set override workers.celery, which overrides workers). */
function firstSet(...xs: unknown[]): unknown {
  return xs.find((x) => x !== null && x !== undefined);
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Worker persistence as the scheduler template reads it (1.19 also reads workers.celery.persistence.enabled). */
function workerPersistence(v: ValueReader): boolean {
  if (v.line !== "1.19") return v.on("workers.persistence.enabled");
  return truthy(firstSet(v.get("workers.celery.persistence.enabled"), v.get("workers.persistence.enabled")));
}

/** The Celery worker sets: one "default" set up to 1.18; in 1.19 the default (enableDefault) plus workers.celery.sets. */
export function workerSets(release: string, v: ValueReader): WorkerSetRef[] {
  if (!isCelery(v)) return [];
  const fullname = airflowFullname(release, v);
  if (v.line !== "1.19") {
    const kind = v.on("workers.persistence.enabled") ? "StatefulSet" : "Deployment";
    return [{ set: "default", kind, name: `${fullname}-worker`, serviceAccount: serviceAccountName(release, v, "workers", "worker") }];
  }
  const sets: Array<Record<string, unknown>> = [];
  if (v.on("workers.celery.enableDefault")) sets.push({ name: "default" });
  const extra = v.get("workers.celery.sets");
  if (Array.isArray(extra)) for (const s of extra) sets.push(record(s));
  const base = workerPersistence(v);
  return sets.map((s) => {
    const set = typeof s.name === "string" ? s.name : "";
    const own = record(s.persistence).enabled;
    const persistent = own === null || own === undefined ? base : truthy(own);
    const suffix = set === "default" ? "worker" : `worker-${set}`;
    // worker.serviceAccountName on the merged values: the set's serviceAccount over workers.serviceAccount.
    const sa = record(s.serviceAccount);
    const create = truthy(firstSet(sa.create, v.get("workers.serviceAccount.create")));
    const named = firstSet(sa.name, v.get("workers.serviceAccount.name"));
    const name = typeof named === "string" && named !== "" ? named : undefined;
    const serviceAccount = serviceAccountNameOf(serviceAccountPrefix(release, v), { create, name }, suffix);
    return { set, kind: persistent ? "StatefulSet" : "Deployment", name: `${fullname}-${suffix}`, serviceAccount };
  });
}

export interface Workloads {
  workloads: Partial<Record<WorkloadComponent, WorkloadRef>>;
  serviceAccounts: Partial<Record<string, string>>;
}

/** The chart's workloads for this release (only those rendered), with the ServiceAccount each one's pods use. */
export function chartWorkloads(release: string, v: ValueReader, airflowVersion: string): Workloads {
  const fullname = airflowFullname(release, v);
  const workloads: Partial<Record<WorkloadComponent, WorkloadRef>> = {};
  const serviceAccounts: Partial<Record<string, string>> = {};
  const add = (c: WorkloadComponent, kind: WorkloadRef["kind"], section: string, saSuffix = c) => {
    workloads[c] = { kind, name: `${fullname}-${c}` };
    serviceAccounts[c] = serviceAccountName(release, v, section, saSuffix);
  };
  const af3 = isAirflow3(airflowVersion);
  const celery = isCelery(v);

  if (v.on("scheduler.enabled")) {
    const stateful = executorOf(v).includes("Local") && workerPersistence(v);
    add("scheduler", stateful ? "StatefulSet" : "Deployment", "scheduler");
  }
  if (v.on("webserver.enabled") && isBeforeAirflow3(airflowVersion)) add("webserver", "Deployment", "webserver");
  if (af3 && (v.line !== "1.19" || v.on("apiServer.enabled"))) add("api-server", "Deployment", "apiServer");
  if (semverCompare(">=", "2.2.0", airflowVersion) && v.on("triggerer.enabled")) {
    const stateful = v.on("triggerer.persistence.enabled") && semverCompare(">=", "2.6.0", airflowVersion);
    add("triggerer", stateful ? "StatefulSet" : "Deployment", "triggerer");
  }
  if (dagProcessorEnabled(v, airflowVersion)) add("dag-processor", "Deployment", "dagProcessor");
  const defaultWorker = workerSets(release, v).find((s) => s.set === "default");
  if (defaultWorker) {
    workloads.worker = { kind: defaultWorker.kind, name: defaultWorker.name };
    serviceAccounts.worker = defaultWorker.serviceAccount;
  }
  if (v.on("pgbouncer.enabled")) add("pgbouncer", "Deployment", "pgbouncer");
  if (v.on("statsd.enabled")) add("statsd", "Deployment", "statsd");
  if (v.on("redis.enabled") && celery) add("redis", "StatefulSet", "redis");
  if (v.on("flower.enabled") && celery) add("flower", "Deployment", "flower");
  return { workloads, serviceAccounts };
}
