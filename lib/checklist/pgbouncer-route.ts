// Does Airflow's metadata connection actually go through PgBouncer? `pgbouncer.enabled` alone is not pooling: the
// chart points Airflow at PgBouncer only in the metadata Secret it renders itself
// (`templates/secrets/metadata-connection-secret.yaml`: host `<fullname>-pgbouncer.<ns>`, port `ports.pgbouncer`,
// database `<release>-metadata`); a user-provided `data.metadataSecretName` is used as is.

import type { EvalContext } from "./context";
import { ev, isSet, secretRef, truthy } from "./checks/outcome";
import type { Evidence } from "./types";

/** The PgBouncer Service of the release (`<fullname>-pgbouncer`). */
export function pgbouncerService(ctx: EvalContext): string {
  return ctx.names.services.pgbouncer ?? `${ctx.names.fullname}-pgbouncer`;
}

/** True when `host` names the release's PgBouncer Service (short, namespaced or fully qualified). */
export function isPgbouncerHost(ctx: EvalContext, host: string): boolean {
  const svc = pgbouncerService(ctx);
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === svc || h === `${svc}.${ctx.namespace}` || h.startsWith(`${svc}.${ctx.namespace}.svc`);
}

/** How the metadata connection reaches the database when PgBouncer is enabled. */
export interface PgbouncerRoute {
  /** `chart`: the chart renders the Secret (through PgBouncer); `pgbouncer`/`direct`: read from the user's Secret. */
  route: "chart" | "pgbouncer" | "direct" | "unknown";
  evidence: Evidence[];
  message: string;
  /** For `direct`: where the connection goes instead (host[:port]) — never credentials. */
  target?: string;
}

/** Where Airflow's metadata connection goes, for a release with `pgbouncer.enabled`. */
export function pgbouncerRoute(ctx: EvalContext): PgbouncerRoute | undefined {
  if (!truthy(ctx.get("pgbouncer.enabled"))) return undefined;
  const name = ctx.get("data.metadataSecretName");
  const svc = pgbouncerService(ctx);
  const port = Number(ctx.get("ports.pgbouncer") ?? 6543) || 6543;
  if (!isSet(name)) {
    const t = ctx.names.metadataTarget;
    const where = t ? `${t.host}:${t.port}/${t.database}` : `${svc}.${ctx.namespace}:${port}`;
    return {
      route: "chart",
      evidence: [ev(`The chart renders Secret ${ctx.names.metadataSecret} with host ${where}`)],
      message: `The chart's metadata Secret points Airflow at ${svc}`,
    };
  }
  const secret = String(name);
  const facts = ctx.secret(secret);
  const ref = secretRef(ctx, secret);
  if (!facts?.connection) {
    const why = !facts ? "not found" : facts.decoded ? "has no parseable `connection`" : "was not inspected";
    return {
      route: "unknown",
      evidence: [ev(`Secret ${secret} ${why}: cannot tell whether Airflow goes through PgBouncer`, ref)],
      message: `Cannot tell whether the connection in Secret ${secret} goes through PgBouncer`,
    };
  }
  const c = facts.connection;
  const target = `${c.host}${c.port ? `:${c.port}` : ""}`;
  if (isPgbouncerHost(ctx, c.host) && (c.port === undefined || c.port === port))
    return {
      route: "pgbouncer",
      evidence: [ev(`Secret ${secret}: connection → ${target}${c.database ? `/${c.database}` : ""} (PgBouncer)`, ref)],
      message: `The connection in Secret ${secret} goes through PgBouncer`,
      target,
    };
  return {
    route: "direct",
    evidence: [
      ev(`Secret ${secret}: connection → ${target}${c.database ? `/${c.database}` : ""}, not ${svc}:${port}`, ref),
    ],
    message:
      `PgBouncer is enabled but the connection in Secret ${secret} (\`data.metadataSecretName\`) goes straight to ${target}: ` +
      `Airflow bypasses PgBouncer (the chart points Airflow at PgBouncer only in the metadata Secret it renders itself)`,
    target,
  };
}
