// Part 7 — Monitoring: StatsD or OpenTelemetry metrics on (and the exporter running); dashboards/alerts attested.

import { airflowSetting } from "../airflow-settings";
import type { EvalContext } from "../context";
import { num, readyReplicas, refOf } from "../kube-readers";
import type { ChecklistSnapshot } from "../snapshot";
import { servicePorts, statsdTarget, type StatsdTarget } from "../statsd-target";
import type { Check, CheckOutcome, Evidence } from "../types";
import { ev, fail, pass, shown, truthy, warn } from "./outcome";

const PART = { part: "7", partTitle: "Monitoring" } as const;

/** Which metrics exporter is on: "StatsD", "OTEL", or undefined. */
export function metricsExporter(ctx: EvalContext): { exporter?: "StatsD" | "OTEL"; evidence: Evidence[] } {
  const evidence: Evidence[] = [ev(shown(ctx, "statsd.enabled"))];
  const otel = airflowSetting(ctx, "metrics", "otel_on");
  if (otel) evidence.push(ev(`[metrics] otel_on = ${otel.value ?? "(reference)"} — ${otel.source}`));
  if (otel && (otel.value === undefined || truthy(otel.value))) {
    const host = airflowSetting(ctx, "metrics", "otel_host");
    if (host) evidence.push(ev(`[metrics] otel_host = ${host.value ?? "(reference)"} — ${host.source}`));
    return { exporter: "OTEL", evidence };
  }
  const setting = airflowSetting(ctx, "metrics", "statsd_on");
  // The chart renders statsd_on from statsd.enabled unless values or env override it.
  const statsdOn =
    setting && (setting.source.startsWith("values") || setting.source.startsWith("env")) ? setting : undefined;
  if (statsdOn) evidence.push(ev(`[metrics] statsd_on = ${statsdOn.value ?? "(reference)"} — ${statsdOn.source}`));
  const on = statsdOn ? statsdOn.value === undefined || truthy(statsdOn.value) : truthy(ctx.get("statsd.enabled"));
  return { exporter: on ? "StatsD" : undefined, evidence };
}

function statsdEvidence(t: StatsdTarget): Evidence[] {
  return [
    ev(`[metrics] statsd_host = ${JSON.stringify(t.host)} — ${t.hostSource}`),
    ev(`[metrics] statsd_port = ${t.port} — ${t.portSource}`),
  ];
}

/** StatsD is on: does `statsd_host:statsd_port` reach an exporter (the chart's Service or another one)? */
function statsdOutcome(snapshot: ChecklistSnapshot, ctx: EvalContext, evidence: Evidence[]): CheckOutcome {
  const t = statsdTarget(ctx);
  evidence.push(...statsdEvidence(t));
  const chartOn = truthy(ctx.get("statsd.enabled"));
  const chartService = ctx.names.services.statsd ?? `${ctx.names.fullname}-statsd`;
  const ingest = num(ctx.get("ports.statsdIngest")) ?? 9125;
  if (t.kind === "localhost") {
    if (chartOn)
      return fail(
        `\`statsd_host\` is ${t.host} while the chart's StatsD exporter is Service ${chartService}: metrics go nowhere`,
        evidence,
        {
          text: `Send metrics to the chart's exporter (or remove the override).`,
          valuesSnippet: `config:\n  metrics:\n    statsd_host: ${chartService}\n    statsd_port: ${ingest}\n`,
        },
      );
    return warn(
      `\`statsd_host\` is ${t.host}: only an exporter listening inside every Airflow pod receives metrics`,
      evidence,
    );
  }
  if (t.kind === "chart") {
    if (!chartOn)
      return fail(
        `\`statsd_host\` names the chart's StatsD Service ${chartService}, but \`statsd.enabled\` is false: it does not exist`,
        evidence,
      );
    if (t.port !== ingest)
      return fail(
        `\`statsd_port\` is ${t.port} but the chart's StatsD Service ingests on ${ingest}/UDP: metrics go nowhere`,
        evidence,
      );
    const workloads = ctx.workloads("statsd");
    for (const w of workloads) evidence.push(ev(`${w.kind} ${w.metadata.name}: ${readyReplicas(w)} ready`, refOf(w)));
    if (!workloads.length) return warn("StatsD is enabled but no Deployment with component=statsd was found", evidence);
    if (workloads.every((w) => readyReplicas(w) < 1)) return fail("The StatsD exporter is not ready", evidence);
    return pass(`Metrics are exported via StatsD to ${chartService}:${ingest}`, evidence);
  }
  if (t.kind === "service" && t.service) {
    const { name, namespace } = t.service;
    const svc = snapshot.services.find(
      (s) => s.metadata.name === name && (s.metadata.namespace ?? ctx.namespace) === namespace,
    );
    if (!svc)
      return warn(
        `\`statsd_host\` ${t.host}: no Service ${namespace}/${name} found; cannot verify an exporter listens there`,
        evidence,
      );
    const ports = servicePorts(svc);
    evidence.push(ev(`Service ${namespace}/${name} exposes ${ports.join(", ") || "no ports"}`, refOf(svc)));
    if (!ports.includes(t.port))
      return fail(`Service ${namespace}/${name} does not expose port ${t.port}: metrics go nowhere`, evidence);
    return pass(`Metrics are exported via StatsD to Service ${namespace}/${name}:${t.port}`, evidence);
  }
  return warn(
    `\`statsd_host\` ${t.host} is outside the cluster's Services; cannot verify an exporter listens there`,
    evidence,
  );
}

function metricsOutcome(snapshot: ChecklistSnapshot, ctx: EvalContext): CheckOutcome {
  const { exporter, evidence } = metricsExporter(ctx);
  if (!exporter)
    return fail("Metrics are off: StatsD is disabled and OpenTelemetry metrics are not configured", evidence);
  if (exporter === "StatsD") return statsdOutcome(snapshot, ctx, evidence);
  return pass(`Metrics are exported via ${exporter}`, evidence);
}

/** StatsD (`statsd.enabled`, default true) or OpenTelemetry (`[metrics] otel_on`) metrics are on. */
export const metricsEnabled: Check = {
  ...PART,
  id: "monitoring.metrics-enabled",
  version: 2,
  title: "Metrics exported (StatsD or OpenTelemetry)",
  why: "Without scheduler and executor metrics you cannot alert on a stuck scheduler, queue build-up or failing tasks. StatsD must be sent where an exporter listens: the chart's `<fullname>-statsd` Service on 9125 or another exporter Service.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Keep the chart's StatsD exporter on (scrape port 9102), or send metrics to an OpenTelemetry collector.",
    valuesSnippet: "statsd:\n  enabled: true\n",
  },
  evaluate: (snapshot, ctx) => metricsOutcome(snapshot, ctx),
};

/** Hybrid: dashboards and routed alerts exist (attested) once metrics flow. */
export const dashboardsAlerts: Check = {
  ...PART,
  id: "monitoring.dashboards-alerts",
  version: 1,
  title: "Dashboards and alerts attested",
  why: "Metrics help only if someone watches them: dashboards must exist and alerts must reach an on-call route.",
  mode: "hybrid",
  severity: "high",
  blocking: true,
  attestationFields: [
    { id: "dashboardUrl", label: "Dashboard", type: "url", required: true },
    { id: "alertRouting", label: "Alert routing (e.g. Alertmanager → on-call)", type: "text", required: true },
    { id: "alertsUrl", label: "Alert rules", type: "url", required: false },
  ],
  evaluate(snapshot, ctx) {
    const pre = metricsOutcome(snapshot, ctx);
    if (pre.status !== "pass") return fail(`Pre-check: ${pre.message}`, pre.evidence);
    return pass("Metrics are on; dashboards and alerts need a person's attestation", pre.evidence);
  },
};

/** Part 7 checks in display order. */
export const PART_7_CHECKS: readonly Check[] = [metricsEnabled, dashboardsAlerts];
