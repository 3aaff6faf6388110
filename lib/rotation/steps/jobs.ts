// reencrypt (airflow-fernet): `airflow rotate-fernet-key` as a Job built from the scheduler's pod template, while
// the Secret holds `new,old`. The point of no return is recorded BEFORE the Job is created: once it ran, data may be
// encrypted with the new key, so the old value can no longer be restored (the list `new,old` stays if it fails).
// alter-role (airflow-metadata-password): `psql … ALTER ROLE` with the current credentials. ALTER ROLE is atomic:
// a failed Job changed nothing (the rotation rolls back); a succeeded one is the point of no return.
import "server-only";
import { stepTitle } from "../step-titles";
import { jobHealth } from "@/lib/health/job";
import type { KubeObject } from "@/lib/kinds/object";
import { parseConnection } from "../connection-url";
import { alterRoleJob, fernetJob } from "../job-spec";
import { createJob, readJob } from "../kube";
import { jobName } from "../naming";
import { previousValue } from "../value-source";
import { detailString, done, fail, wait, type StepContext, type StepDef } from "./context";

function template(ctx: StepContext): { workload: KubeObject; container: string } | undefined {
  const t = ctx.rotation.plan.jobTemplate;
  const workload = t ? ctx.cache.get(t.resource, ctx.rotation.namespace, t.name) : undefined;
  return t && workload ? { workload, container: t.container } : undefined;
}

type Outcome = "created" | "running" | "complete" | { failed: string };

async function ensureJob(ctx: StepContext, name: string, build: () => KubeObject): Promise<Outcome> {
  const r = ctx.rotation;
  const job = await readJob(r.cluster, ctx.as, r.namespace, name);
  if (!job) {
    await createJob(r.cluster, ctx.as, r.namespace, build());
    return "created";
  }
  const v = jobHealth(job);
  if (v.status === "Healthy") return "complete";
  if (v.status === "Degraded") return { failed: v.message };
  return "running";
}

export const reencryptStep: StepDef = {
  name: "reencrypt",
  title: stepTitle("reencrypt"),
  uncancellable: true,
  async run(ctx) {
    const r = ctx.rotation;
    const t = template(ctx);
    if (!t) return fail("the scheduler workload whose pod template builds the Job is gone");
    let name = detailString(ctx, "job");
    if (!name) {
      name = jobName(r.secret, "rotate-fernet", r.id);
      await ctx.save({ job: name }, `creating Job ${name}`);
      await ctx.markPointOfNoReturn();
    }
    const jobNameFixed = name;
    const outcome = await ensureJob(ctx, jobNameFixed, () => fernetJob({ name: jobNameFixed, namespace: r.namespace, rotationId: r.id, workload: t.workload, container: t.container }));
    if (outcome === "complete") return done(`Job ${name} re-encrypted the stored connections, variables and triggers with the new key`);
    if (typeof outcome === "object") return fail(`Job ${name} failed (${outcome.failed}); the Secret keeps \`new,old\`, so Airflow can still decrypt everything — see the Job's pod log, fix the cause and rotate again`);
    return wait(outcome === "created" ? `Job ${name} created` : `Job ${name} running`);
  },
};

export const alterRoleStep: StepDef = {
  name: "alter-role",
  title: stepTitle("alter-role"),
  uncancellable: true,
  async run(ctx) {
    const r = ctx.rotation;
    const t = template(ctx);
    if (!t) return fail("the Airflow workload whose pod template builds the Job is gone");
    const role = r.plan.dbUser ?? parseConnection(await previousValue(ctx))?.user;
    if (!role) return fail("cannot tell the database role from the connection URL");
    let name = detailString(ctx, "job");
    if (!name) {
      name = jobName(r.secret, "alter-role", r.id);
      await ctx.save({ job: name }, `creating Job ${name}`);
    }
    const fixed = name;
    const build = () =>
      alterRoleJob({ name: fixed, namespace: r.namespace, rotationId: r.id, workload: t.workload, container: t.container, connectionSecret: r.secret, connectionKey: r.key, stagedSecret: r.stagedSecret ?? "", role });
    const outcome = await ensureJob(ctx, fixed, build);
    if (outcome === "complete") {
      await ctx.markPointOfNoReturn();
      return done(`Job ${name} changed the password of role "${role}" in the database`);
    }
    if (typeof outcome === "object") return fail(`Job ${name} failed (${outcome.failed}); ALTER ROLE did not run, the database password is unchanged — see the Job's pod log`);
    return wait(outcome === "created" ? `Job ${name} created` : `Job ${name} running ALTER ROLE`);
  },
};
