// The rotation API's server side: start (admin + Kubernetes permissions as the user, one active rotation per
// Secret), read (visible to whoever may get the Secret), confirm, cancel and roll back. Every request is audited,
// accepted or refused; the journal is in the database before the 202 goes out and the worker drives it.
// Confirm, cancel and roll back hand the rotation to the user who asks (actors.ts): the steps they start run as
// them, so their own Kubernetes permissions for everything those steps write are checked first (step-needs.ts).
import "server-only";
import { createActionEvent } from "@/lib/actions/kube";
import { targetLocks } from "@/lib/actions/target-locks";
import { outcomeOf } from "@/lib/actions/audit";
import type { Principal } from "@/lib/auth/principal";
import { limiter } from "@/lib/auth/rate-limit";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError } from "@/lib/http/errors";
import { can } from "@/lib/k8s/access";
import { clusterCache } from "@/lib/k8s/cache/registry";
import { logger } from "@/lib/log/logger";
import { actorOf } from "./runner";
import { missingPermissions } from "./access";
import { withActor, type Actor, type ActorVia } from "./actors";
import { auditRotation } from "./audit";
import { publishRotation } from "./feed";
import { undoSteps } from "./flows";
import { needsOfSteps, stepsAfterConfirm, stepsOfRollback } from "./step-needs";
import { KINDS } from "./kinds";
import { createSecret } from "./kube";
import { backupName, newRotationId, stagedLabels, stagedName } from "./naming";
import { prepareRotation } from "./prepare";
import { drive, LEASE_OWNER } from "./runner";
import type { StartRotationBody } from "./schemas";
import { activeRotationOn, beginRollback, createRotation, listRotations, loadRotation, requestCancel, updateRotation, updateStep, type LoadedRotation, type RotationQuery } from "./store";
import { canCancel, canRollBack, toRotationView, type RotationView } from "./view";
import { rotationsPaused } from "./paused";

export interface RotationContext {
  user: Principal;
  requestId: string;
}

const PER_MINUTE = 30;

function requireAdmin(user: Principal): void {
  if (!roleAtLeast(user.role, "admin")) throw new AppError("forbidden", `Secret rotation needs the admin role; you are ${user.role}`);
}

async function audited<T>(ctx: RotationContext, target: { cluster: string; namespace: string; secret: string }, action: string, run: () => Promise<{ result: T; message: string; detail?: Record<string, string | number | boolean> }>): Promise<T> {
  try {
    const { result, message, detail } = await run();
    await auditRotation({ requestId: ctx.requestId, actor: ctx.user.name, actorSubject: ctx.user.subject, groups: ctx.user.groups, action, ...target, outcome: "success", message, detail: { kubeUser: ctx.user.kubeUser, ...detail } });
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await auditRotation({ requestId: ctx.requestId, actor: ctx.user.name, actorSubject: ctx.user.subject, groups: ctx.user.groups, action, ...target, outcome: outcomeOf(err), message, detail: { kubeUser: ctx.user.kubeUser } });
    throw err;
  }
}

export async function startRotation(ctx: RotationContext & { cluster: string }, body: StartRotationBody): Promise<RotationView> {
  const target = { cluster: ctx.cluster, namespace: body.namespace, secret: body.secret };
  return audited(ctx, target, "rotation.start", async () => {
    requireAdmin(ctx.user);
    const rate = await limiter("rotations", PER_MINUTE, 60_000).hit(ctx.user.userId);
    if (!rate.ok) throw new AppError("rate_limited", `Too many rotations: at most ${PER_MINUTE} a minute`, { "retry-after": String(rate.retryAfter) });
    const cache = clusterCache(ctx.cluster);
    if (!cache) throw new AppError("not_found", `Unknown cluster "${ctx.cluster}"`);
    const prepared = await prepareRotation(ctx.cluster, cache, ctx.user, body);
    const id = newRotationId();
    const names = { backup: backupName(body.secret, id), staged: stagedName(body.secret, id) };
    const loaded = await targetLocks().run(`rotation|${ctx.cluster}|${body.namespace}|${body.secret}`, async () => {
      const active = await activeRotationOn(ctx.cluster, body.namespace, body.secret);
      if (active) throw new AppError("conflict", `Rotation ${active.id} of this Secret (started by ${active.createdBy}) is still ${active.state}`);
      const created = await createRotation({
        id,
        ...target,
        kind: body.kind,
        key: prepared.key,
        options: prepared.options,
        plan: prepared.plan,
        steps: prepared.steps,
        backupSecret: names.backup,
        stagedSecret: names.staged,
        createdBy: ctx.user.name,
        createdBySubject: ctx.user.subject,
        groups: ctx.user.groups,
        kubeUser: ctx.user.kubeUser,
        requestId: ctx.requestId,
        leaseOwner: LEASE_OWNER,
        leaseUntil: new Date(Date.now() + 20_000),
      });
      return created;
    });
    if (body.options?.value !== undefined) await stageUpload(ctx, loaded, names.staged, body.options.value);
    try {
      await createActionEvent(ctx.cluster, prepared.secret, `${ctx.user.name} started a ${KINDS[body.kind].label} rotation of key "${prepared.key}" through Fluxtower (rotation ${id})`);
    } catch (err) {
      logger.warn({ rotation: id, err: err instanceof Error ? err.message : String(err) }, "could not record the Kubernetes Event of a rotation");
    }
    drive(id);
    const view = await viewOf(id);
    return { result: view, message: `${body.kind} rotation ${id} of key "${prepared.key}" started`, detail: { rotationId: id, kind: body.kind, steps: prepared.steps.join(",") } };
  });
}

/** The uploaded value goes straight into the staged Secret; if that fails the rotation ends having changed nothing. */
async function stageUpload(ctx: RotationContext, loaded: LoadedRotation, name: string, value: string): Promise<void> {
  const r = loaded.rotation;
  const field = r.kind === "airflow-metadata-password" ? "password" : "value";
  try {
    await createSecret(r.cluster, { user: ctx.user.kubeUser, groups: ctx.user.groups }, { name, namespace: r.namespace, labels: stagedLabels(r.secret, r.id), annotations: { "fluxtower.dev/staged-for": r.secret }, data: { [field]: value } });
  } catch (err) {
    const message = `could not store the uploaded value: ${err instanceof Error ? err.message : String(err)}; nothing was changed`;
    await updateRotation(r.id, { state: "failed", message, finishedAt: new Date() });
    throw new AppError("unavailable", message);
  }
}

async function viewOf(id: string): Promise<RotationView> {
  const loaded = await loadRotation(id);
  if (!loaded) throw new AppError("not_found", "Rotation not found");
  return present(loaded);
}

const present = ({ rotation, steps }: LoadedRotation) => toRotationView(rotation, steps, { readOnly: rotationsPaused(), now: new Date() });

/** The rotation, when the user may see its Secret (404 otherwise, like every object). */
async function visible(user: Principal, id: string): Promise<LoadedRotation> {
  const loaded = await loadRotation(id);
  const r = loaded?.rotation;
  if (!loaded || !r || !(await can(r.cluster, user, { verb: "get", group: "", resource: "secrets", namespace: r.namespace, name: r.secret }))) {
    throw new AppError("not_found", "Rotation not found");
  }
  return loaded;
}

export async function getRotation(user: Principal, id: string): Promise<RotationView> {
  return present(await visible(user, id));
}

export async function listVisibleRotations(user: Principal, q: RotationQuery): Promise<RotationView[]> {
  const rows = await listRotations(q);
  const out: RotationView[] = [];
  for (const loaded of rows) {
    const r = loaded.rotation;
    if (await can(r.cluster, user, { verb: "get", group: "", resource: "secrets", namespace: r.namespace, name: r.secret })) out.push(present(loaded));
  }
  return out;
}

function actorOfUser(user: Principal, via: ActorVia): Actor {
  return { name: user.name, subject: user.subject, kubeUser: user.kubeUser, groups: [...user.groups], via };
}

/** 403 naming every permission the user lacks for the steps they are about to drive (checked as them). */
async function requireStepPermissions(ctx: RotationContext, r: LoadedRotation["rotation"], steps: string[], what: string): Promise<void> {
  const missing = await missingPermissions(r.cluster, ctx.user, r.namespace, needsOfSteps(steps, r));
  if (missing.length) {
    throw new AppError("forbidden", `${what} runs the next steps of this rotation as you (${steps.join(", ")}), and your Kubernetes RBAC does not allow everything they do in namespace ${r.namespace}: ${missing.join("; ")}`);
  }
}

async function mutate(ctx: RotationContext, id: string, action: string, change: (l: LoadedRotation) => Promise<string>): Promise<RotationView> {
  const loaded = await visible(ctx.user, id);
  const r = loaded.rotation;
  return audited(ctx, { cluster: r.cluster, namespace: r.namespace, secret: r.secret }, action, async () => {
    requireAdmin(ctx.user);
    if (!(await can(r.cluster, ctx.user, { verb: "update", group: "", resource: "secrets", namespace: r.namespace, name: r.secret }))) {
      throw new AppError("forbidden", `Your Kubernetes RBAC does not allow "update" on Secret ${r.secret} in namespace ${r.namespace}`);
    }
    const message = await change(loaded);
    publishRotation(id);
    drive(id);
    return { result: await viewOf(id), message, detail: { rotationId: id } };
  });
}

export function confirmRotation(ctx: RotationContext, id: string): Promise<RotationView> {
  return mutate(ctx, id, "rotation.confirm", async ({ rotation: r, steps }) => {
    const step = steps[r.stepIndex];
    if (r.state !== "waiting" || !step || step.state !== "waiting") throw new AppError("conflict", `Rotation ${id} is not waiting for a confirmation (it is ${r.state})`);
    await requireStepPermissions(ctx, r, stepsAfterConfirm(r, steps, step.index), "Confirming");
    const actor = actorOfUser(ctx.user, "confirm");
    await updateStep(id, step.index, { detail: withActor({ ...step.detail, confirmedBy: ctx.user.name, confirmedAt: new Date().toISOString() }, actor), message: `confirmed by ${ctx.user.name}` });
    const before = actorOf(r, steps, step.index);
    return `confirmed step ${step.name}; the next steps run as ${ctx.user.name}${before.subject === ctx.user.subject ? "" : ` (until now as ${before.name})`}`;
  });
}

export function cancelRotation(ctx: RotationContext, id: string): Promise<RotationView> {
  return mutate(ctx, id, "rotation.cancel", async ({ rotation: r }) => {
    if (r.pointOfNoReturn) throw new AppError("conflict", `Rotation ${id} is past its point of no return and cannot be cancelled; it will finish (or stop as failed, keeping the backup)`);
    if (!canCancel(r)) throw new AppError("conflict", `Rotation ${id} cannot be cancelled now (it is ${r.state}${r.cancelRequestedAt ? ", cancel already requested" : ""})`);
    await requireStepPermissions(ctx, r, stepsOfRollback(r), "Cancelling");
    await requestCancel(id, actorOfUser(ctx.user, "cancel"), new Date());
    return `cancel requested: completed steps will be rolled back as ${ctx.user.name}`;
  });
}

export function rollbackRotation(ctx: RotationContext, id: string): Promise<RotationView> {
  return mutate(ctx, id, "rotation.rollback", async ({ rotation: r }) => {
    if (!canRollBack(r)) {
      const why = r.pointOfNoReturn ? "it passed its point of no return" : r.backupDeletedAt ? "its backup Secret was deleted after the grace period" : `it is ${r.state}`;
      throw new AppError("conflict", `Rotation ${id} cannot be rolled back: ${why}${r.state !== "succeeded" ? " (cancel a running rotation instead)" : ""}`);
    }
    const steps = undoSteps(r.plan);
    await requireStepPermissions(ctx, r, steps, "Rolling back");
    const reason = `requested by ${ctx.user.name}`;
    await beginRollback(id, steps, "rolling-back", `roll back requested by ${ctx.user.name}`, withActor({ reason }, actorOfUser(ctx.user, "rollback")));
    return `roll back started as ${ctx.user.name}: the previous value is restored from the backup Secret`;
  });
}
