// The journal of each flow: which steps run, in which order, and which steps undo them. Pure.
import type { RotationKind } from "./kinds";
import type { RotationPlan, StepRecord } from "./types";

/**
 * PgBouncer between Airflow and the database (DOMAIN.md §4.3): after ALTER ROLE and the metadata connection, write
 * users.txt and the stats connection (patch, or force-sync their ExternalSecrets), restart PgBouncer and wait for
 * it, and only then restart Airflow.
 */
function pgbouncerSteps(plan: Pick<RotationPlan, "pgbouncer">): string[] {
  const p = plan.pgbouncer;
  if (!p) return [];
  const secrets = [p.config, ...(p.stats ? [p.stats] : [])];
  return [
    ...(secrets.some((s) => s.write.type === "direct") ? ["write-pgbouncer"] : []),
    ...(secrets.some((s) => s.write.type === "external-secret") ? ["sync-pgbouncer"] : []),
    "restart-pgbouncer",
    "verify-pgbouncer",
  ];
}

/** The forward steps of a rotation (ESO-managed Secrets get a sync after every write). */
export function forwardSteps(kind: RotationKind, plan: Pick<RotationPlan, "write" | "consumers" | "pgbouncer">): string[] {
  const eso = plan.write.type === "upstream";
  const restarts = plan.consumers.some((c) => c.restartable);
  const write = (w: string, s: string) => (eso ? [w, s] : [w]);
  const roll = (r: string, v: string) => (restarts ? [r, v] : []);
  switch (kind) {
    case "airflow-fernet":
      return ["backup", "stage", ...write("write-new-old", "sync-new-old"), ...roll("restart", "verify"), "reencrypt", ...write("write-new", "sync-new"), ...roll("restart-2", "verify-2"), "finish"];
    case "airflow-metadata-password":
      return ["backup", "stage", "alter-role", ...write("write", "sync"), ...pgbouncerSteps(plan), ...roll("restart", "verify"), "finish"];
    case "git-ssh-key":
      return ["backup", "stage", "await-deploy-key", ...write("write", "sync"), ...roll("restart", "verify-git-sync"), "finish"];
    default:
      return ["backup", "stage", ...write("write", "sync"), ...roll("restart", "verify"), "finish"];
  }
}

const WRITES = new Set(["write", "write-new-old", "write-new"]);
const RESTARTS = new Set(["restart", "restart-2"]);

const touched = (s: StepRecord) => s.phase === "forward" && s.state !== "pending" && s.state !== "skipped";

/**
 * The steps that undo what the forward phase did: restore the previous value when a write started (and sync it
 * when ESO-managed), restart the consumers again when they were restarted, then remove the staged value and the
 * backup. A rotation that changed nothing only cleans up.
 */
export function rollbackSteps(plan: Pick<RotationPlan, "write">, steps: StepRecord[]): string[] {
  const wrote = steps.some((s) => touched(s) && WRITES.has(s.name));
  const restarted = steps.some((s) => touched(s) && RESTARTS.has(s.name));
  const out: string[] = [];
  if (wrote) out.push("restore", ...(plan.write.type === "upstream" ? ["restore-sync"] : []));
  if (wrote || restarted) out.push("restore-restart", "restore-verify");
  out.push("cleanup");
  return out;
}

/** Rollback after success (the user's "roll back"): always restore, sync, restart, verify, clean up. */
export function undoSteps(plan: Pick<RotationPlan, "write" | "consumers">): string[] {
  const restarts = plan.consumers.some((c) => c.restartable);
  return ["restore", ...(plan.write.type === "upstream" ? ["restore-sync"] : []), ...(restarts ? ["restore-restart", "restore-verify"] : []), "cleanup"];
}
