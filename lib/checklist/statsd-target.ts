// Where Airflow sends StatsD metrics: `[metrics] statsd_host`/`statsd_port` as Airflow resolves them, compared with
// the chart's StatsD Service (`templates/statsd/statsd-service.yaml`: `<fullname>-statsd`, UDP `ports.statsdIngest`).
// The chart's own default is `statsd_host: <fullname>-statsd` (values.yaml `config.metrics`).

import type { KubeObject } from "../kinds/object";
import { airflowSetting } from "./airflow-settings";
import { buildContext, type EvalContext } from "./context";
import { num } from "./kube-readers";
import type { ChecklistSnapshot } from "./snapshot";
import { isMap } from "./values";

/** What `statsd_host` names. */
export type StatsdHostKind = "localhost" | "chart" | "service" | "external";

/** The resolved StatsD target. */
export interface StatsdTarget {
  host: string;
  hostSource: string;
  port: number;
  portSource: string;
  kind: StatsdHostKind;
  /** For `chart`/`service`: the Service the host names. */
  service?: { name: string; namespace: string };
}

const LOCAL = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"]);

/** The Service a cluster host name refers to (`svc`, `svc.ns`, `svc.ns.svc[.cluster.local]`), if it looks like one. */
export function serviceOfHost(host: string, namespace: string): { name: string; namespace: string } | undefined {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (/^[\d.]+$/.test(h) || h.includes(":")) return undefined;
  const parts = h.split(".");
  if (parts.length === 1) return { name: parts[0], namespace };
  if (parts.length === 2) return { name: parts[0], namespace: parts[1] };
  if (parts[2] === "svc") return { name: parts[0], namespace: parts[1] };
  return undefined;
}

/** Resolve `statsd_host`/`statsd_port` for the release (env over values over airflow.cfg; chart defaults last). */
export function statsdTarget(ctx: EvalContext): StatsdTarget {
  const chartService = ctx.names.services.statsd ?? `${ctx.names.fullname}-statsd`;
  const hostSetting = airflowSetting(ctx, "metrics", "statsd_host");
  // values.yaml's own default is a template (`{{ printf "%s-statsd" (include "airflow.fullname" .) }}`) that the
  // chart renders with `tpl`; a copy of it in values means the chart's Service.
  const templated = hostSetting?.value?.includes("{{") === true;
  const host = templated ? chartService : (hostSetting?.value ?? chartService);
  const hostSource = hostSetting
    ? hostSetting.value === undefined
      ? `${hostSetting.source} (value from a reference; assumed the chart's)`
      : templated
        ? `${hostSetting.source} (templated, rendered by the chart)`
        : hostSetting.source
    : "chart default";
  const portSetting = airflowSetting(ctx, "metrics", "statsd_port");
  const port = num(portSetting?.value) ?? 9125;
  const portSource = portSetting?.source ?? "chart default";
  const base = { host, hostSource, port, portSource };
  if (LOCAL.has(host.toLowerCase())) return { ...base, kind: "localhost" };
  const service = serviceOfHost(host, ctx.namespace);
  if (!service) return { ...base, kind: "external" };
  if (service.name === chartService && service.namespace === ctx.namespace) return { ...base, kind: "chart", service };
  return { ...base, kind: "service", service };
}

/**
 * For the snapshot assembly: the Service `statsd_host` names when it is not the chart's own (e.g. an exporter in
 * another namespace), so the server can add it to `snapshot.services`. Undefined for the chart's Service,
 * localhost and external hosts.
 */
export function statsdServiceRef(snapshot: ChecklistSnapshot): { namespace: string; name: string } | undefined {
  const target = statsdTarget(buildContext(snapshot));
  return target.kind === "service" ? target.service : undefined;
}

/** Ports a Service exposes (`port` numbers). */
export function servicePorts(svc: KubeObject): number[] {
  const ports = svc.spec?.ports;
  return Array.isArray(ports)
    ? ports.filter(isMap).flatMap((p) => (num(p.port) !== undefined ? [num(p.port) as number] : []))
    : [];
}
