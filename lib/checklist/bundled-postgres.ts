// The chart's bundled Bitnami PostgreSQL (subchart `postgresql`, condition `postgresql.enabled`): finding its
// StatefulSet (it has no `tier` label) and diagnosing `postgresql.auth.existingSecret` (seed 001).

import type { KubeObject } from "../kinds/object";
import { bundledPostgresqlName, readValues } from "./chart-facts";
import type { EvalContext } from "./context";
import { ev, isSet, secretRef, truthy } from "./checks/outcome";
import { label, readyReplicas, refOf } from "./kube-readers";
import type { ChecklistSnapshot } from "./snapshot";
import type { Evidence } from "./types";

/**
 * True for a workload of the bundled Bitnami PostgreSQL of Helm release `releaseName`: Bitnami's
 * `common.labels.standard` gives `app.kubernetes.io/name: postgresql` and `app.kubernetes.io/instance: <release>`
 * (bitnami/postgresql `templates/primary/statefulset.yaml`); there is no `tier`, `component` or `release` label.
 */
export function isBundledPostgres(obj: KubeObject, releaseName: string): boolean {
  return (
    (obj.kind === "StatefulSet" || obj.kind === "Deployment") &&
    label(obj, "app.kubernetes.io/name") === "postgresql" &&
    (label(obj, "app.kubernetes.io/instance") ?? releaseName) === releaseName
  );
}

/** What shows the bundled database runs: live StatefulSets and the record's objects. */
export interface BundledPostgres {
  workloads: KubeObject[];
  /** Names of StatefulSets the Helm record lists for the subchart. */
  deployed: string[];
  evidence: Evidence[];
}

/** The bundled PostgreSQL of the release, from `databaseWorkloads`, `workloads` and the Helm record. */
export function bundledPostgres(snapshot: ChecklistSnapshot, ctx: EvalContext): BundledPostgres {
  const seen = new Map<string, KubeObject>();
  for (const w of [...(snapshot.databaseWorkloads ?? []), ...snapshot.workloads])
    if (isBundledPostgres(w, ctx.releaseName)) seen.set(`${w.kind}/${w.metadata.name}`, w);
  const workloads = [...seen.values()];
  // The subchart's primary StatefulSet name (Bitnami `common.names.fullname`), also when values now disable it.
  const statefulSet =
    ctx.names.postgresqlStatefulSet ?? bundledPostgresqlName(ctx.releaseName, readValues(ctx.line, ctx.user));
  const deployed = ctx
    .deployed("StatefulSet")
    .map((o) => o.name)
    .filter((n) => n === statefulSet);
  const evidence: Evidence[] = workloads.map((w) =>
    ev(
      `${w.kind} ${w.metadata.name} (Bitnami postgresql, app.kubernetes.io/instance=${ctx.releaseName}) runs, ${readyReplicas(w)} ready`,
      refOf(w),
    ),
  );
  for (const n of deployed)
    if (!seen.has(`StatefulSet/${n}`)) evidence.push(ev(`The Helm release record lists StatefulSet ${n}`));
  return { workloads, deployed, evidence };
}

/**
 * Seed 001: `postgresql.auth.existingSecret` with the bundled database. The subchart sets the `postgres` password
 * from that Secret, but the chart's metadata connection is still built from `data.metadataConnection`
 * (`templates/secrets/metadata-connection-secret.yaml`), so the two disagree unless they were made equal by hand.
 * Returns the diagnosis in words, or undefined when the situation does not apply.
 */
export function bundledAuthMismatch(ctx: EvalContext): { message: string; evidence: Evidence[] } | undefined {
  if (!truthy(ctx.get("postgresql.enabled"))) return undefined;
  const existing = ctx.get("postgresql.auth.existingSecret");
  if (!isSet(existing) || isSet(ctx.get("data.metadataSecretName"))) return undefined;
  const secret = String(existing);
  const key = String(ctx.get("postgresql.auth.secretKeys.adminPasswordKey") ?? "") || "postgres-password";
  const facts = ctx.secret(secret);
  const user = String(ctx.get("data.metadataConnection.user") ?? "postgres");
  const passOrigin = ctx.origin("data.metadataConnection.pass");
  const passFrom =
    passOrigin === "chart default" ? "the chart's default password" : `the password set in values (${passOrigin})`;
  const evidence: Evidence[] = [
    ev(
      `\`postgresql.auth.existingSecret\` = ${JSON.stringify(secret)} (${ctx.origin("postgresql.auth.existingSecret")})`,
    ),
    ev(
      facts
        ? `Secret ${secret} has ${facts.keys.length ? facts.keys.join(", ") : "no keys"}`
        : `Secret ${secret} not found in namespace ${ctx.namespace}`,
      secretRef(ctx, secret),
    ),
    ev(
      `\`data.metadataSecretName\` is unset: the chart renders Secret ${ctx.names.metadataSecret} from \`data.metadataConnection\` (user ${JSON.stringify(user)}, ${passFrom})`,
    ),
  ];
  const message =
    `The bundled PostgreSQL takes the database password from Secret ${secret} (\`postgresql.auth.existingSecret\`, key \`${key}\`), ` +
    `but the chart still builds Airflow's metadata connection from \`data.metadataConnection\` (${passFrom}): ` +
    `unless the two are the same, the migration job and every Airflow component fail to authenticate`;
  return { message, evidence };
}
