import { describe, expect, it } from "vitest";
import { isListKind, pluralKind } from "./list-kinds";
import { listApiPath, makeFilters, viewFromParams, viewToSearch } from "./list-filters";

const params = (s: string) => new URLSearchParams(s);

describe("viewFromParams", () => {
  it.each([
    ["", { namespace: null, health: [], q: "" }, "name", "asc"],
    ["namespace=airflow&health=Degraded,Healthy&q=web", { namespace: "airflow", health: ["Healthy", "Degraded"], q: "web" }, "name", "asc"],
    ["health=Bogus,Suspended&sort=health&dir=desc", { namespace: null, health: ["Suspended"], q: "" }, "health", "desc"],
    ["sort=nope&dir=sideways&q=%20%20x%20", { namespace: null, health: [], q: "x" }, "name", "asc"],
    ["namespace=", { namespace: null, health: [], q: "" }, "name", "asc"],
  ])("%s", (qs, filters, sort, dir) => {
    const v = viewFromParams("helmreleases", params(qs));
    expect(v.filters).toEqual({ resource: "helmreleases", ...filters });
    expect(v.sort).toBe(sort);
    expect(v.dir).toBe(dir);
  });
});

describe("viewToSearch", () => {
  it("round-trips and omits defaults", () => {
    const v = viewFromParams("pods", params("namespace=airflow&health=Healthy,Degraded&q=sched&sort=age&dir=desc"));
    expect(viewToSearch(v)).toBe("?namespace=airflow&health=Healthy%2CDegraded&q=sched&sort=age&dir=desc");
    expect(viewFromParams("pods", params(viewToSearch(v).slice(1)))).toEqual(v);
    expect(viewToSearch(viewFromParams("pods", params("")))).toBe("");
  });
});

describe("listApiPath", () => {
  it.each([
    [makeFilters("helmreleases"), "/api/v1/clusters/demo/resources?resource=helmreleases"],
    [makeFilters(null), "/api/v1/clusters/demo/resources"],
    [
      makeFilters("pods", { namespace: "airflow", health: ["Degraded", "Healthy"], q: "a b" }),
      "/api/v1/clusters/demo/resources?resource=pods&namespace=airflow&health=Healthy%2CDegraded&q=a+b",
    ],
  ])("%j", (f, path) => {
    expect(listApiPath("demo", f)).toBe(path);
  });

  it("encodes the cluster id", () => {
    expect(listApiPath("kind@prod:1", makeFilters(null))).toBe("/api/v1/clusters/kind%40prod%3A1/resources");
  });
});

describe("pluralKind", () => {
  it.each([
    ["HelmRelease", "HelmReleases"],
    ["GitRepository", "GitRepositories"],
    ["PodDisruptionBudget", "PodDisruptionBudgets"],
    ["ClusterSecretStore", "ClusterSecretStores"],
  ])("%s", (k, p) => expect(pluralKind(k)).toBe(p));
  it("lists Flux, ESO and workload kinds but not events", () => {
    expect(isListKind("helmreleases")).toBe(true);
    expect(isListKind("externalsecrets")).toBe(true);
    expect(isListKind("events")).toBe(false);
  });
});
