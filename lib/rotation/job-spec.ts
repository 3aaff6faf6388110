// The Jobs of the Airflow flows, built from the scheduler's pod template (same image, service account, security
// context; the Fernet Job also keeps the container's env and the volumes it mounts). Never carries a value: the new
// password reaches the ALTER ROLE Job through a secretKeyRef to the staged Secret. Pure.
import { at, isRec, recs, str, type Rec } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import { ROTATION_ID_LABEL } from "./kinds";

export interface JobInput {
  name: string;
  namespace: string;
  rotationId: string;
  /** The workload whose pod template the Job copies. */
  workload: KubeObject;
  container: string;
}

/** A day, so the Job and its pod log stay for the audit; the rotation never depends on them after it moved on. */
const TTL_SECONDS = 86_400;

function podTemplate(workload: KubeObject): Rec {
  const t = at(workload.spec, "template");
  return isRec(t) ? t : {};
}

export function templateContainer(workload: KubeObject, name: string): Rec | undefined {
  return recs(at(podTemplate(workload), "spec", "containers")).find((c) => c.name === name);
}

function baseJob(input: JobInput, container: Rec, volumes: Rec[]): KubeObject {
  const spec = isRec(podTemplate(input.workload).spec) ? (podTemplate(input.workload).spec as Rec) : {};
  const podSpec: Rec = { restartPolicy: "Never", containers: [container] };
  for (const field of ["serviceAccountName", "securityContext", "imagePullSecrets", "nodeSelector", "tolerations", "affinity"]) {
    if (spec[field] !== undefined) podSpec[field] = spec[field];
  }
  if (volumes.length) podSpec.volumes = volumes;
  const labels = { [ROTATION_ID_LABEL]: input.rotationId, "app.kubernetes.io/managed-by": "fluxtower" };
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: input.name, namespace: input.namespace, labels },
    spec: { backoffLimit: 0, ttlSecondsAfterFinished: TTL_SECONDS, template: { metadata: { labels }, spec: podSpec } },
  };
}

/** `airflow rotate-fernet-key` with the scheduler container's env (the Fernet key list `new,old`) and mounts. */
export function fernetJob(input: JobInput): KubeObject {
  const source = templateContainer(input.workload, input.container);
  if (!source) throw new Error(`container ${input.container} not found in ${input.workload.kind} ${input.workload.metadata.name}`);
  const mounts = recs(source.volumeMounts);
  const names = new Set(mounts.map((m) => str(m.name)));
  const volumes = recs(at(podTemplate(input.workload), "spec", "volumes")).filter((v) => names.has(str(v.name)));
  const container: Rec = {
    name: "rotate-fernet-key",
    image: source.image,
    imagePullPolicy: source.imagePullPolicy,
    args: ["bash", "-c", "exec airflow rotate-fernet-key"],
    env: source.env ?? [],
    envFrom: source.envFrom,
    volumeMounts: mounts,
    resources: source.resources ?? {},
    securityContext: source.securityContext,
  };
  for (const k of Object.keys(container)) if (container[k] === undefined) delete container[k];
  return baseJob(input, container, volumes);
}

export interface AlterRoleInput extends JobInput {
  /** The Secret and key holding the CURRENT connection URL (the credentials psql logs in with). */
  connectionSecret: string;
  connectionKey: string;
  /** The staged Secret holding the new password under key `password`. */
  stagedSecret: string;
  role: string;
}

/**
 * `psql` as the current user: `ALTER ROLE "<role>" PASSWORD '<new>'`. psql wants a libpq URI, so a SQLAlchemy
 * driver suffix (`postgresql+psycopg2://`) is removed first. The password never appears in the spec.
 */
export function alterRoleJob(input: AlterRoleInput): KubeObject {
  const source = templateContainer(input.workload, input.container);
  if (!source) throw new Error(`container ${input.container} not found in ${input.workload.kind} ${input.workload.metadata.name}`);
  const script =
    `psql "$(printf '%s' "$DB_URL" | sed -E 's#^postgres(ql)?\\+[a-z0-9]+://#postgresql://#')" -v ON_ERROR_STOP=1 ` +
    `-c "ALTER ROLE \\"${input.role}\\" PASSWORD '$NEW_PASSWORD'"`;
  const container: Rec = {
    name: "alter-role",
    image: source.image,
    imagePullPolicy: source.imagePullPolicy,
    args: ["bash", "-c", script],
    env: [
      { name: "DB_URL", valueFrom: { secretKeyRef: { name: input.connectionSecret, key: input.connectionKey } } },
      { name: "NEW_PASSWORD", valueFrom: { secretKeyRef: { name: input.stagedSecret, key: "password" } } },
    ],
    resources: {},
  };
  if (source.securityContext !== undefined) container.securityContext = source.securityContext;
  return baseJob(input, container, []);
}
