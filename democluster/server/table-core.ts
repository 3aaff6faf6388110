// Server-side printer columns for built-in kinds (the real API server computes these in Go printers), so
// `kubectl get pods` shows READY/STATUS/RESTARTS/AGE instead of just NAME.
import type { KObject } from "../store/types";
import { isPlainObject } from "../store/object-utils";
import { age } from "./human-duration";

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface ColumnSpec {
  def: TableColumnDefinition;
  cell: (obj: KObject, now: number) => unknown;
}

function col(name: string, cell: ColumnSpec["cell"], type = "string", priority = 0, format = ""): ColumnSpec {
  return { def: { name, type, format, description: name, priority }, cell };
}

export const NAME_COLUMN = col("Name", (o) => o.metadata.name, "string", 0, "name");
const AGE_COLUMN = col("Age", (o, now) => age(o.metadata.creationTimestamp, now));

function num(v: unknown): number {
  return typeof v === "number" ? v : 0;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function podStatus(pod: KObject): string {
  if (pod.metadata.deletionTimestamp) return "Terminating";
  for (const cs of list(pod.status?.containerStatuses)) {
    if (!isPlainObject(cs) || !isPlainObject(cs.state)) continue;
    const waiting = cs.state.waiting;
    if (isPlainObject(waiting) && typeof waiting.reason === "string") return waiting.reason;
    const terminated = cs.state.terminated;
    if (isPlainObject(terminated) && typeof terminated.reason === "string") return terminated.reason;
  }
  return typeof pod.status?.phase === "string" ? pod.status.phase : "Pending";
}

function podReady(pod: KObject): string {
  const statuses = list(pod.status?.containerStatuses);
  const total = list(pod.spec?.containers).length || statuses.length;
  const ready = statuses.filter((cs) => isPlainObject(cs) && cs.ready === true).length;
  return `${ready}/${total}`;
}

function podRestarts(pod: KObject): number {
  return list(pod.status?.containerStatuses).reduce<number>(
    (n, cs) => n + (isPlainObject(cs) ? num(cs.restartCount) : 0),
    0,
  );
}

function jobStatus(job: KObject): string {
  for (const c of list(job.status?.conditions)) {
    if (isPlainObject(c) && c.status === "True" && (c.type === "Complete" || c.type === "Failed"))
      return String(c.type);
  }
  return num(job.status?.active) > 0 ? "Running" : "Pending";
}

function servicePorts(svc: KObject): string {
  const ports = list(svc.spec?.ports).filter(isPlainObject);
  if (ports.length === 0) return "<none>";
  return ports.map((p) => `${String(p.port)}/${String(p.protocol ?? "TCP")}`).join(",");
}

function orNone(v: unknown): unknown {
  return v === undefined || v === null || v === "" ? "<none>" : v;
}

const CORE_COLUMNS: Record<string, ColumnSpec[]> = {
  "/pods": [
    NAME_COLUMN,
    col("Ready", podReady),
    col("Status", podStatus),
    col("Restarts", podRestarts, "integer"),
    AGE_COLUMN,
    col("IP", (o) => orNone(o.status?.podIP), "string", 1),
    col("Node", (o) => orNone(o.spec?.nodeName), "string", 1),
  ],
  "/namespaces": [NAME_COLUMN, col("Status", (o) => o.status?.phase ?? "Active"), AGE_COLUMN],
  "/secrets": [
    NAME_COLUMN,
    col("Type", (o) => o.type ?? "Opaque"),
    col("Data", (o) => Object.keys(isPlainObject(o.data) ? o.data : {}).length, "integer"),
    AGE_COLUMN,
  ],
  "/configmaps": [
    NAME_COLUMN,
    col(
      "Data",
      (o) =>
        Object.keys(isPlainObject(o.data) ? o.data : {}).length +
        Object.keys(isPlainObject(o.binaryData) ? o.binaryData : {}).length,
      "integer",
    ),
    AGE_COLUMN,
  ],
  "/services": [
    NAME_COLUMN,
    col("Type", (o) => o.spec?.type ?? "ClusterIP"),
    col("Cluster-IP", (o) => orNone(o.spec?.clusterIP)),
    col("External-IP", (o) => orNone(list(o.spec?.externalIPs).join(","))),
    col("Port(s)", servicePorts),
    AGE_COLUMN,
  ],
  "/serviceaccounts": [NAME_COLUMN, AGE_COLUMN],
  "/events": [
    col("Last Seen", (o, now) => age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, now)),
    col("Type", (o) => o.type ?? ""),
    col("Reason", (o) => o.reason ?? ""),
    col("Object", (o) =>
      isPlainObject(o.involvedObject)
        ? `${String(o.involvedObject.kind ?? "").toLowerCase()}/${String(o.involvedObject.name ?? "")}`
        : "",
    ),
    col("Message", (o) => o.message ?? ""),
    { ...NAME_COLUMN, def: { ...NAME_COLUMN.def, priority: 1 } },
  ],
  "apps/deployments": [
    NAME_COLUMN,
    col("Ready", (o) => `${num(o.status?.readyReplicas)}/${num(o.spec?.replicas ?? 1)}`),
    col("Up-to-date", (o) => num(o.status?.updatedReplicas), "integer"),
    col("Available", (o) => num(o.status?.availableReplicas), "integer"),
    AGE_COLUMN,
  ],
  "apps/statefulsets": [
    NAME_COLUMN,
    col("Ready", (o) => `${num(o.status?.readyReplicas)}/${num(o.spec?.replicas ?? 1)}`),
    AGE_COLUMN,
  ],
  "batch/jobs": [
    NAME_COLUMN,
    col("Status", jobStatus),
    col("Completions", (o) => `${num(o.status?.succeeded)}/${num(o.spec?.completions ?? 1)}`),
    AGE_COLUMN,
  ],
  "policy/poddisruptionbudgets": [
    NAME_COLUMN,
    col("Min Available", (o) => orNone(o.spec?.minAvailable)),
    col("Max Unavailable", (o) => orNone(o.spec?.maxUnavailable)),
    col("Allowed Disruptions", (o) => num(o.status?.disruptionsAllowed), "integer"),
    AGE_COLUMN,
  ],
  "apiextensions.k8s.io/customresourcedefinitions": [
    NAME_COLUMN,
    col("Created At", (o) => o.metadata.creationTimestamp ?? "", "date"),
  ],
};

export function coreColumns(group: string, plural: string): ColumnSpec[] | undefined {
  return CORE_COLUMNS[`${group}/${plural}`];
}

export function defaultColumns(): ColumnSpec[] {
  return [NAME_COLUMN, AGE_COLUMN];
}
