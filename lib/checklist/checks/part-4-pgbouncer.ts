// Part 4 — PgBouncer: enabled, running with its Service, pool sizes set, config Secrets, pool sizing attested.

import type { EvalContext } from "../context";
import { label, podReady, readyReplicas, refOf, specReplicas } from "../kube-readers";
import { pgbouncerRoute, pgbouncerService } from "../pgbouncer-route";
import { checkSecretRef } from "../secret-refs";
import type { Check, Evidence } from "../types";
import { ev, fail, isSet, notApplicable, pass, shown, truthy, warn } from "./outcome";

const PART = { part: "4", partTitle: "PgBouncer connection pooling" } as const;

const enabled = (ctx: EvalContext) => truthy(ctx.get("pgbouncer.enabled"));
const off = () => notApplicable("PgBouncer is disabled (see pgbouncer.enabled)");
const POOL_KEYS = ["pgbouncer.maxClientConn", "pgbouncer.metadataPoolSize", "pgbouncer.resultBackendPoolSize"];

/** `pgbouncer.enabled` (chart default false). */
export const pgbouncerEnabled: Check = {
  ...PART,
  id: "pgbouncer.enabled",
  version: 2,
  title: "PgBouncer enabled",
  why: "Every scheduler, worker and task opens database connections; without pooling the database runs out of connections under load. `pgbouncer.enabled` alone is not pooling: Airflow's connection must point at PgBouncer.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Enable PgBouncer and size the pools against the database's max_connections.",
    valuesSnippet:
      "pgbouncer:\n  enabled: true\n  maxClientConn: 100\n  metadataPoolSize: 10\n  resultBackendPoolSize: 5\n",
  },
  evaluate(_snapshot, ctx) {
    const evidence = [ev(shown(ctx, "pgbouncer.enabled"))];
    const route = pgbouncerRoute(ctx);
    if (!route) return fail("PgBouncer is disabled", evidence);
    evidence.push(...route.evidence);
    if (route.route === "direct") {
      const svc = pgbouncerService(ctx);
      const port = String(ctx.get("ports.pgbouncer") ?? 6543);
      return warn(route.message, evidence, {
        text: `Point the \`connection\` of Secret ${String(ctx.get("data.metadataSecretName"))} at ${svc}.${ctx.namespace}:${port}/${ctx.releaseName}-metadata (the PgBouncer database the chart configures), keeping the same user and password.`,
      });
    }
    return pass(`PgBouncer is enabled; ${route.message.charAt(0).toLowerCase()}${route.message.slice(1)}`, evidence);
  },
};

/** Deployment `component=pgbouncer` ready and Service `<release>-pgbouncer` present. */
export const pgbouncerRunning: Check = {
  ...PART,
  id: "pgbouncer.running",
  version: 1,
  title: "PgBouncer running",
  why: "Airflow's connection points at the PgBouncer Service; if PgBouncer is down, every component loses the database.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Check the PgBouncer pod events and logs; with `data.metadataSecretName` it also needs `pgbouncer.configSecretName`.",
  },
  evaluate(snapshot, ctx) {
    if (!enabled(ctx)) return off();
    const evidence: Evidence[] = [];
    const workloads = ctx.workloads("pgbouncer");
    if (!workloads.length) return fail("No Deployment with component=pgbouncer found", evidence);
    let ok = true;
    for (const w of workloads) {
      const ready = readyReplicas(w);
      const want = specReplicas(w);
      if (ready < want || want < 1) ok = false;
      evidence.push(ev(`${w.kind} ${w.metadata.name}: ${ready}/${want} ready`, refOf(w)));
    }
    for (const p of ctx.pods("pgbouncer"))
      if (!podReady(p)) evidence.push(ev(`Pod ${p.metadata.name} not ready`, refOf(p)));
    const svc = snapshot.services.find(
      (s) => label(s, "component") === "pgbouncer" && (label(s, "release") ?? ctx.releaseName) === ctx.releaseName,
    );
    if (svc) evidence.push(ev(`Service ${svc.metadata.name} present`, refOf(svc)));
    else evidence.push(ev("No Service with component=pgbouncer found"));
    if (!ok) return fail("PgBouncer is not ready", evidence);
    if (!svc) return fail("The PgBouncer Service is missing", evidence);
    return pass("PgBouncer is running", evidence);
  },
};

/** The three pool settings are set explicitly rather than left at chart defaults (100/10/5). */
export const pgbouncerPoolSizes: Check = {
  ...PART,
  id: "pgbouncer.pool-sizes",
  version: 1,
  title: "PgBouncer pool sizes set explicitly",
  why: "The chart defaults (maxClientConn 100, metadataPoolSize 10, resultBackendPoolSize 5) are not sized for your database.",
  mode: "auto",
  severity: "medium",
  blocking: false,
  fix: {
    text: "Set the pool sizes from your database's max_connections and the number of Airflow components.",
    valuesSnippet: "pgbouncer:\n  maxClientConn: 100\n  metadataPoolSize: 10\n  resultBackendPoolSize: 5\n",
  },
  evaluate(_snapshot, ctx) {
    if (!enabled(ctx)) return off();
    const evidence = POOL_KEYS.map((k) => ev(shown(ctx, k)));
    const defaults = POOL_KEYS.filter((k) => ctx.origin(k) === "chart default");
    if (defaults.length)
      return warn(`Using chart defaults for ${defaults.map((k) => `\`${k}\``).join(", ")}`, evidence);
    return pass("Pool sizes are set explicitly", evidence);
  },
};

/** With `data.metadataSecretName`, PgBouncer needs `configSecretName` and the exporter's `statsSecretName`. */
export const pgbouncerConfigSecrets: Check = {
  ...PART,
  id: "pgbouncer.config-secrets",
  version: 1,
  title: "PgBouncer config and stats Secrets referenced",
  why: "With an external metadata Secret the chart cannot render pgbouncer.ini/users.txt; you must supply them (production guide).",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Provide a Secret with `pgbouncer.ini` and `users.txt`, and one with the exporter's `connection`.",
    valuesSnippet:
      "pgbouncer:\n  configSecretName: airflow-pgbouncer-config\n  metricsExporterSidecar:\n    statsSecretName: airflow-pgbouncer-stats\n",
  },
  evaluate(_snapshot, ctx) {
    if (!enabled(ctx)) return off();
    if (!isSet(ctx.get("data.metadataSecretName"))) {
      return pass("The chart renders the PgBouncer config from `data.metadataConnection`", [
        ev(shown(ctx, "data.metadataSecretName")),
      ]);
    }
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const [role, path] of [
      ["pgbouncer-config", "pgbouncer.configSecretName"],
      ["pgbouncer-stats", "pgbouncer.metricsExporterSidecar.statsSecretName"],
    ] as const) {
      const name = ctx.get(path);
      evidence.push(ev(shown(ctx, path)));
      if (!isSet(name)) {
        problems.push(`\`${path}\` is not set`);
        continue;
      }
      const check = checkSecretRef(ctx, role, String(name));
      evidence.push(...check.evidence);
      if (!check.ok) problems.push(check.problem ?? `${String(name)} incomplete`);
    }
    return problems.length
      ? fail(problems.join("; "), evidence)
      : pass("PgBouncer config and stats Secrets are present", evidence);
  },
};

/** Hybrid: pool sizing against the database attested once PgBouncer is enabled. */
export const pgbouncerPoolSizing: Check = {
  ...PART,
  id: "pgbouncer.pool-sizing",
  version: 1,
  title: "Pool sizing attested against the database",
  why: "Only someone who knows the database's max_connections and the expected concurrency can confirm the pools fit.",
  mode: "hybrid",
  severity: "medium",
  blocking: false,
  attestationFields: [
    { id: "dbMaxConnections", label: "Database max_connections", type: "number", required: true },
    { id: "expectedConnections", label: "Expected concurrent connections", type: "number", required: true },
    { id: "rationale", label: "Pool size calculation", type: "text", required: false },
    { id: "metricsWatched", label: "Monitoring metrics to watch", type: "text", required: false },
  ],
  evaluate(snapshot, ctx) {
    const pre = pgbouncerEnabled.evaluate(snapshot, ctx);
    if (pre.status !== "pass") return fail(`Pre-check: ${pre.message}`, pre.evidence);
    return pass(
      "PgBouncer is enabled; pool sizing needs a person's attestation",
      POOL_KEYS.map((k) => ev(shown(ctx, k))),
    );
  },
};

/** Part 4 checks in display order. */
export const PART_4_CHECKS: readonly Check[] = [
  pgbouncerEnabled,
  pgbouncerRunning,
  pgbouncerPoolSizes,
  pgbouncerConfigSecrets,
  pgbouncerPoolSizing,
];
