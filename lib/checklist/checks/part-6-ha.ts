// Part 6 — High availability: replicas ≥ 2 (values and live), PDBs present and allowing disruptions.

import type { Component, EvalContext } from "../context";
import { num, readyReplicas, refOf, specReplicas } from "../kube-readers";
import type { Check, CheckOutcome, Evidence } from "../types";
import { ev, fail, notApplicable, outcome, pass, shown, truthy, warn } from "./outcome";

const PART = { part: "6", partTitle: "High availability" } as const;

/** Minimum replicas for HA. */
export const HA_MIN_REPLICAS = 2;

interface ComponentSpec {
  component: Component;
  /** Values prefix (`scheduler`, `apiServer`, `webserver`, `triggerer`, `pgbouncer`). */
  prefix: string;
  label: string;
  applies: (ctx: EvalContext) => boolean;
  whyNot: string;
}

const always = () => true;
const SCHEDULER: ComponentSpec = {
  component: "scheduler",
  prefix: "scheduler",
  label: "Scheduler",
  applies: always,
  whyNot: "",
};
const API_SERVER: ComponentSpec = {
  component: "api-server",
  prefix: "apiServer",
  label: "API server",
  applies: (c) => c.major === 3,
  whyNot: "Airflow 2 runs a webserver instead",
};
const WEBSERVER: ComponentSpec = {
  component: "webserver",
  prefix: "webserver",
  label: "Webserver",
  applies: (c) => c.major === 2,
  whyNot: "Airflow 3 runs an API server instead",
};
const TRIGGERER: ComponentSpec = {
  component: "triggerer",
  prefix: "triggerer",
  label: "Triggerer",
  applies: (c) => truthy(c.get("triggerer.enabled")),
  whyNot: "the triggerer is disabled",
};
const PGBOUNCER: ComponentSpec = {
  component: "pgbouncer",
  prefix: "pgbouncer",
  label: "PgBouncer",
  applies: (c) => truthy(c.get("pgbouncer.enabled")),
  whyNot: "PgBouncer is disabled",
};

function replicasOutcome(ctx: EvalContext, c: ComponentSpec, below: "fail" | "warn"): CheckOutcome {
  if (!c.applies(ctx)) return notApplicable(c.whyNot);
  const hpa = truthy(ctx.get(`${c.prefix}.hpa.enabled`));
  const path = hpa ? `${c.prefix}.hpa.minReplicaCount` : `${c.prefix}.replicas`;
  const desired = num(ctx.get(path)) ?? 1;
  const evidence: Evidence[] = [ev(shown(ctx, path))];
  const workloads = ctx.workloads(c.component);
  let live = 0;
  let ready = 0;
  for (const w of workloads) {
    live += specReplicas(w);
    ready += readyReplicas(w);
    evidence.push(
      ev(`${w.kind} ${w.metadata.name}: spec.replicas=${specReplicas(w)}, ready=${readyReplicas(w)}`, refOf(w)),
    );
  }
  if (desired < HA_MIN_REPLICAS)
    return outcome(below, `${c.label} runs ${desired} replica(s); at least ${HA_MIN_REPLICAS} are needed`, evidence);
  if (!workloads.length) return warn(`No workload with component=${c.component} found`, evidence);
  if (live < HA_MIN_REPLICAS && !hpa)
    return outcome(below, `${c.label} is scaled to ${live} replica(s) in the cluster (drift from values)`, evidence);
  if (ready < HA_MIN_REPLICAS) return warn(`Only ${ready} ${c.label.toLowerCase()} replica(s) ready`, evidence);
  return pass(`${c.label} runs ${live} replicas`, evidence);
}

function replicasCheck(
  id: string,
  c: ComponentSpec,
  severity: Check["severity"],
  blocking: boolean,
  why: string,
): Check {
  return {
    ...PART,
    id,
    version: 1,
    title: `${c.label} replicas ≥ ${HA_MIN_REPLICAS}`,
    why,
    mode: "auto",
    severity,
    blocking,
    fix: {
      text: `Run at least ${HA_MIN_REPLICAS} ${c.label.toLowerCase()} replicas.`,
      valuesSnippet: `${c.prefix}:\n  replicas: ${HA_MIN_REPLICAS}\n`,
    },
    evaluate: (_snapshot, ctx) => replicasOutcome(ctx, c, blocking ? "fail" : "warn"),
  };
}

function pdbOutcome(ctx: EvalContext, c: ComponentSpec): CheckOutcome {
  if (!c.applies(ctx)) return notApplicable(c.whyNot);
  const path = `${c.prefix}.podDisruptionBudget.enabled`;
  const evidence: Evidence[] = [ev(shown(ctx, path))];
  const pdbs = ctx.pdbs(c.component);
  if (!pdbs.length) {
    return truthy(ctx.get(path))
      ? fail(`PDB enabled in values but no PodDisruptionBudget selects component=${c.component}`, evidence)
      : fail(
          `No PodDisruptionBudget for the ${c.label.toLowerCase()} (\`${path}\` is ${String(ctx.get(path))}, ${ctx.origin(path)})`,
          evidence,
        );
  }
  const blocked: string[] = [];
  for (const p of pdbs) {
    const allowed = num(p.status?.disruptionsAllowed) ?? 0;
    const healthy = `${num(p.status?.currentHealthy) ?? "?"}/${num(p.status?.desiredHealthy) ?? "?"} healthy`;
    evidence.push(ev(`PodDisruptionBudget ${p.metadata.name}: disruptionsAllowed=${allowed}, ${healthy}`, refOf(p)));
    if (allowed < 1) blocked.push(p.metadata.name);
  }
  if (blocked.length)
    return fail(
      `${blocked.join(", ")} allows no disruptions: node drains will block (raise replicas or use maxUnavailable)`,
      evidence,
    );
  return pass(`The ${c.label.toLowerCase()} PDB allows voluntary disruptions`, evidence);
}

function pdbCheck(id: string, c: ComponentSpec, severity: Check["severity"], blocking: boolean): Check {
  return {
    ...PART,
    id,
    version: 1,
    title: `${c.label} PodDisruptionBudget allows disruptions`,
    why: "A PDB keeps drains and upgrades from taking every replica down at once; one with disruptionsAllowed=0 blocks node drains instead.",
    mode: "auto",
    severity,
    blocking,
    fix: {
      text: `Enable the ${c.label.toLowerCase()} PDB with maxUnavailable: 1 and run at least ${HA_MIN_REPLICAS} replicas.`,
      valuesSnippet: `${c.prefix}:\n  replicas: ${HA_MIN_REPLICAS}\n  podDisruptionBudget:\n    enabled: true\n    config:\n      maxUnavailable: 1\n`,
    },
    evaluate: (_snapshot, ctx) => pdbOutcome(ctx, c),
  };
}

/** Part 6 checks in display order. */
export const PART_6_CHECKS: readonly Check[] = [
  replicasCheck(
    "ha.scheduler-replicas",
    SCHEDULER,
    "high",
    true,
    "A single scheduler is a single point of failure; schedulers run active-active.",
  ),
  replicasCheck(
    "ha.api-server-replicas",
    API_SERVER,
    "high",
    true,
    "One API server replica means UI and task API outages on every restart or node drain.",
  ),
  replicasCheck(
    "ha.webserver-replicas",
    WEBSERVER,
    "high",
    true,
    "One webserver replica means UI outages on every restart or node drain.",
  ),
  pdbCheck("ha.scheduler-pdb", SCHEDULER, "high", true),
  pdbCheck("ha.api-server-pdb", API_SERVER, "high", true),
  pdbCheck("ha.webserver-pdb", WEBSERVER, "high", true),
  replicasCheck(
    "ha.triggerer-replicas",
    TRIGGERER,
    "medium",
    false,
    "Deferred tasks stall while the only triggerer restarts.",
  ),
  pdbCheck("ha.pgbouncer-pdb", PGBOUNCER, "medium", false),
];
