// What each journal step writes (and reads through the API) in the cluster, as Kubernetes permissions. A user who
// asks for later steps of a rotation (confirm, cancel, roll back) has these checked for the steps they will drive,
// as themselves, before anything is recorded. Pure.
import type { Need } from "./access";
import { undoSteps } from "./flows";
import type { RotationRecord } from "./types";

type Facts = Pick<RotationRecord, "secret" | "plan" | "backupSecret" | "stagedSecret">;

const readSecrets: Need = { verb: "get", group: "", resource: "secrets", why: "read the Secret, the backup and the staged value" };

function secretNeed(verb: string, name: string | null | undefined, why: string): Need {
  return name ? { verb, group: "", resource: "secrets", name, why } : { verb, group: "", resource: "secrets", why };
}

function pushSecretNeeds(r: Facts): Need[] {
  const w = r.plan.write;
  if (w.type !== "upstream" || w.adapter !== "push-secret") return [];
  return [
    ...["create", "get", "delete"].map((verb) => ({ verb, group: "external-secrets.io", resource: "pushsecrets", why: `${verb} the PushSecret that writes the value to ${w.store.kind} ${w.store.name}` })),
    secretNeed("create", null, "create the PushSecret's source Secret"),
    secretNeed("delete", null, "remove the PushSecret's source Secret"),
  ];
}

function writeNeeds(r: Facts): Need[] {
  const w = r.plan.write;
  if (w.type === "direct") return [readSecrets, secretNeed("patch", r.secret, `write the value into Secret ${r.secret}`)];
  return [readSecrets, ...pushSecretNeeds(r)];
}

function forceSync(name: string): Need {
  return { verb: "patch", group: "external-secrets.io", resource: "externalsecrets", name, why: `force-sync ExternalSecret ${name}` };
}

function restartNeeds(targets: { resource: string; kind: string; name: string }[]): Need[] {
  return targets.map((t) => ({ verb: "patch", group: "apps", resource: t.resource, name: t.name, why: `restart ${t.kind} ${t.name}` }));
}

/** The consumers the restart steps roll (PgBouncer has its own step; see steps/restart.ts consumerTargets). */
function consumerTargets(r: Facts) {
  const p = r.plan.pgbouncer;
  return r.plan.consumers.filter((c) => c.restartable && !(p && c.resource === "deployments" && c.name === p.workload));
}

function pgbouncerSecrets(r: Facts) {
  const p = r.plan.pgbouncer;
  return p ? [p.config, ...(p.stats ? [p.stats] : [])] : [];
}

const jobNeeds: Need[] = [
  { verb: "create", group: "batch", resource: "jobs", why: "run the rotation Job" },
  { verb: "get", group: "batch", resource: "jobs", why: "follow the rotation Job" },
];

/** The permissions one step needs (empty for steps that only wait on the cache). */
export function stepNeeds(step: string, r: Facts): Need[] {
  switch (step) {
    case "backup":
      return [readSecrets, secretNeed("create", null, "create the backup Secret")];
    case "stage":
      return [readSecrets, secretNeed("create", null, "create the staged Secret"), secretNeed("patch", r.stagedSecret, "complete the staged Secret")];
    case "alter-role":
    case "reencrypt":
      return [readSecrets, ...jobNeeds];
    case "write":
    case "write-new-old":
    case "write-new":
    case "restore":
      return writeNeeds(r);
    case "sync":
    case "sync-new-old":
    case "sync-new":
    case "restore-sync":
      return r.plan.write.type === "upstream" ? [readSecrets, forceSync(r.plan.write.externalSecret)] : [];
    case "write-pgbouncer":
      return [readSecrets, ...pgbouncerSecrets(r).filter((s) => s.write.type === "direct").map((s) => secretNeed("patch", s.name, `write "${s.key}" of Secret ${s.name}`))];
    case "sync-pgbouncer":
      return [readSecrets, ...pgbouncerSecrets(r).flatMap((s) => (s.write.type === "external-secret" ? [forceSync(s.write.externalSecret)] : []))];
    case "restart":
    case "restart-2":
    case "restore-restart":
      return restartNeeds(consumerTargets(r));
    case "restart-pgbouncer":
      return r.plan.pgbouncer ? restartNeeds([{ resource: "deployments", kind: "Deployment", name: r.plan.pgbouncer.workload }]) : [];
    case "finish": {
      const w = r.plan.write;
      const mark = w.type === "upstream" ? { verb: "patch", group: "external-secrets.io", resource: "externalsecrets", name: w.externalSecret, why: `record the rotation on ExternalSecret ${w.externalSecret}` } : secretNeed("patch", r.secret, `record the rotation on Secret ${r.secret}`);
      return [mark, secretNeed("delete", r.stagedSecret, "remove the staged Secret"), secretNeed("patch", r.backupSecret, "mark the backup's expiry"), ...pushSecretNeeds(r)];
    }
    case "cleanup":
      return [secretNeed("delete", r.stagedSecret, "remove the staged Secret"), secretNeed("delete", r.backupSecret, "remove the backup Secret"), ...pushSecretNeeds(r)];
    default:
      return [];
  }
}

/** The union of what the steps need, each permission once (the first reason wins). */
export function needsOfSteps(steps: readonly string[], r: Facts): Need[] {
  const out = new Map<string, Need>();
  for (const step of steps) {
    for (const n of stepNeeds(step, r)) {
      const key = `${n.verb}|${n.group}|${n.resource}|${n.name ?? ""}`;
      if (!out.has(key)) out.set(key, n);
    }
  }
  return [...out.values()];
}

/**
 * The steps a user drives when they confirm the current step: the rest of the forward journal and — while the
 * rotation can still be rolled back — the rollback a later failure would start.
 */
export function stepsAfterConfirm(r: Facts & Pick<RotationRecord, "pointOfNoReturn">, forward: readonly { name: string; index: number; phase: string }[], fromIndex: number): string[] {
  const rest = forward.filter((s) => s.phase === "forward" && s.index >= fromIndex).map((s) => s.name);
  return [...rest, ...(r.pointOfNoReturn ? [] : undoSteps(r.plan))];
}

/** The steps a cancel or a roll back starts (the most a rollback can do for this plan). */
export function stepsOfRollback(r: Facts): string[] {
  return undoSteps(r.plan);
}
