import { describe, expect, it } from "vitest";
import type { ResourceSummary } from "@/lib/views/summary";
import { applyChange, matchesFilters, type ChangeType } from "./apply-change";
import { summary } from "./fixtures/summaries";
import { makeFilters, type ListFilters } from "./list-filters";

const hr = (ns: string, name: string, status: Parameters<typeof summary>[3] = "Healthy", extra: Partial<ResourceSummary> = {}) =>
  summary("helmreleases", ns, name, status, extra);

const base = [hr("airflow", "airflow"), hr("airflow", "statsd"), hr("monitoring", "grafana")];
const ids = (items: ResourceSummary[]) => items.map((s) => `${s.namespace}/${s.name}:${s.health.status}`);

interface Case {
  name: string;
  filters: ListFilters;
  type: ChangeType;
  change: ResourceSummary;
  expected: string[];
  same?: boolean; // the same array comes back (no change)
}

const cases: Case[] = [
  {
    name: "MODIFIED replaces in place",
    filters: makeFilters("helmreleases"),
    type: "MODIFIED",
    change: hr("airflow", "statsd", "Degraded"),
    expected: ["airflow/airflow:Healthy", "airflow/statsd:Degraded", "monitoring/grafana:Healthy"],
  },
  {
    name: "ADDED inserts in server order",
    filters: makeFilters("helmreleases"),
    type: "ADDED",
    change: hr("airflow", "redis"),
    expected: ["airflow/airflow:Healthy", "airflow/redis:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
  },
  {
    name: "ADDED at the end",
    filters: makeFilters("helmreleases"),
    type: "ADDED",
    change: hr("zeta", "a"),
    expected: ["airflow/airflow:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy", "zeta/a:Healthy"],
  },
  {
    name: "MODIFIED of an unknown object upserts (the ADDED was missed)",
    filters: makeFilters("helmreleases"),
    type: "MODIFIED",
    change: hr("a", "first"),
    expected: ["a/first:Healthy", "airflow/airflow:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
  },
  {
    name: "DELETED removes",
    filters: makeFilters("helmreleases"),
    type: "DELETED",
    change: hr("airflow", "airflow"),
    expected: ["airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
  },
  {
    name: "DELETED of an unknown object is a no-op",
    filters: makeFilters("helmreleases"),
    type: "DELETED",
    change: hr("x", "y"),
    expected: ["airflow/airflow:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
    same: true,
  },
  {
    name: "another resource type is ignored",
    filters: makeFilters("helmreleases"),
    type: "ADDED",
    change: summary("kustomizations", "airflow", "apps"),
    expected: ["airflow/airflow:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
    same: true,
  },
  {
    name: "a change that leaves the health filter removes the row",
    filters: makeFilters("helmreleases", { health: ["Healthy"] }),
    type: "MODIFIED",
    change: hr("airflow", "airflow", "Suspended"),
    expected: ["airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
  },
  {
    name: "a change that enters the health filter adds the row",
    filters: makeFilters("helmreleases", { health: ["Degraded"] }),
    type: "MODIFIED",
    change: hr("airflow", "statsd", "Degraded"),
    expected: ["airflow/airflow:Healthy", "airflow/statsd:Degraded", "monitoring/grafana:Healthy"],
  },
  {
    name: "namespace filter keeps other namespaces out",
    filters: makeFilters("helmreleases", { namespace: "airflow" }),
    type: "ADDED",
    change: hr("monitoring", "loki"),
    expected: ["airflow/airflow:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
    same: true,
  },
  {
    name: "text filter matches namespace/name case-insensitively",
    filters: makeFilters("helmreleases", { q: "FLOW/RED" }),
    type: "ADDED",
    change: hr("airflow", "redis"),
    expected: ["airflow/airflow:Healthy", "airflow/redis:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
  },
  {
    name: "text filter rejects non-matching names",
    filters: makeFilters("helmreleases", { q: "grafana" }),
    type: "ADDED",
    change: hr("airflow", "redis"),
    expected: ["airflow/airflow:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"],
    same: true,
  },
];

describe("applyChange", () => {
  it.each(cases)("$name", ({ filters, type, change, expected, same }) => {
    const out = applyChange(base, { type, summary: change, seenAt: 0 }, filters);
    expect(ids(out)).toEqual(expected);
    if (same) expect(out).toBe(base);
    else expect(out).not.toBe(base);
    expect(ids(base)).toEqual(["airflow/airflow:Healthy", "airflow/statsd:Healthy", "monitoring/grafana:Healthy"]); // not mutated
  });

  it("keeps cluster-scoped objects (namespace null) first", () => {
    const list = [summary("clustersecretstores", null, "vault")];
    const out = applyChange(list, { type: "ADDED", summary: summary("clustersecretstores", null, "aws"), seenAt: 0 }, makeFilters("clustersecretstores"));
    expect(out.map((s) => s.name)).toEqual(["aws", "vault"]);
  });
});

describe("matchesFilters", () => {
  it("an all-types list never takes events or namespaces", () => {
    expect(matchesFilters(summary("events", "airflow", "e1"), makeFilters(null))).toBe(false);
    expect(matchesFilters(summary("pods", "airflow", "p1"), makeFilters(null))).toBe(true);
  });
});
